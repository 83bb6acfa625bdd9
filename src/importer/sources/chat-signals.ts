import type { TimelineKind } from '../../schema/taxonomy.ts';

/**
 * What a war-room chat message reads like, for every chat platform (Slack, Microsoft Teams): the
 * same words mean the same on either, so the rule lives once.
 */

/** Reads like a decision being made or announced. */
const DECISION = /\bdecided\b|\bdecision\s*:|\bwe(?: wi|')ll\b|\bagreed\b|\bapproved\b|\bgo[- ]ahead\b/i;

/** Reads like pulling more people or a higher level in. */
const ESCALATION =
  /@(?:here|channel|everyone)\b|\bescalat\w*|\bpag(?:e|ed|ing) (?:in|the|on-?call)\b|\blooping in\b|\bloop(?:ed)? in\b/i;

/** Whether a message's text reads like a decision. */
export function readsLikeDecision(text: string): boolean {
  return DECISION.test(text);
}

/** The timeline kind of a chat message from its words: a decision, an escalation, or a note. */
export function chatMessageKind(text: string): TimelineKind {
  return DECISION.test(text) ? 'decision' : ESCALATION.test(text) ? 'escalation' : 'note';
}
