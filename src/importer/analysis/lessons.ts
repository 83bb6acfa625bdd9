import type { IncidentEvent } from '../model/incident.ts';
import type { TimelineKind } from '../../schema/taxonomy.ts';
import type { DerivedTimes } from './key-times.ts';

/**
 * Lessons drafted from evidence. Each rule looks for one pattern the playbook warns about and,
 * when it finds it, drafts a lesson tied to the playbook step it illustrates, citing the events.
 * They are suggestions: the writer marks them for the author to confirm or delete.
 */

/** One event a drafted lesson rests on. */
export interface Evidence {
  /** When it happened. */
  at: Date;
  /** What happened (raw, untrusted text: the writer redacts and escapes it). */
  text: string;
  /** The kind of moment, as a reader would name it. */
  kind: TimelineKind | 'metric';
}

/** A lesson drafted by a rule, waiting for a human to confirm it. */
export interface DraftLesson {
  /** Which rule drafted it (stable id, for tests and for the author's reference). */
  rule: string;
  /** The playbook method step the lesson illustrates. */
  step: number;
  /** The lesson in one or two sentences, without names. */
  text: string;
  /** The events it rests on, in time order; at least one. */
  evidence: Evidence[];
}

/** What the rules look at. */
export interface LessonInput {
  /** Every event, in time order. */
  events: readonly IncidentEvent[];
  /** The derived key times. */
  times: DerivedTimes;
  /** Mentions in the busiest hour, when volume was measured. */
  peakCount?: number | undefined;
  /** Action items already written (from an authored export), by type. */
  actionItems: readonly { type: string; title: string }[];
  /** Person ids of the brand's own accounts (replies to them are not replies to the public). */
  brandIds: ReadonlySet<string>;
}

/** A public reply this soon after detection was posted before anyone could verify the facts. */
export const HASTY_REPLY_MINUTES = 15;

/** Replies to one account from this count on are a public argument, not customer care. */
export const REPLY_THREAD_LIMIT = 3;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Words of a denial: the brand saying a claim is untrue. */
const DENIAL =
  /\b(?:not true|untrue|(?:is|are|was) false|false (?:claims?|rumou?rs?|reports?|information)|fake news|deny|denies|denied|no evidence|never happened|misinformation|baseless|we (?:did|do|have|had|were|are|would) not|we (?:didn't|don't|haven't|hadn't|weren't|aren't|wouldn't)|we did nothing wrong)\b/i;

/** Words of an apology. */
const APOLOGY =
  /\b(?:sorry|apologi[sz]e[sd]?|apology|apologies|we were wrong|we got (?:this|it) wrong|our mistake|we messed up|we take (?:full )?responsibility)\b/i;

/** An invitation to continue in private. */
const PRIVATE_MOVE =
  /\b(?:DMs?|direct messages?|private messages?|PMs?|inbox|message us|send us a message|contact us (?:at|via|on)|e-?mail us|call us)\b/i;

function evidenceOf(event: IncidentEvent): Evidence {
  return { at: event.at, text: event.text, kind: event.kind };
}

function isBrandPublic(event: IncidentEvent): boolean {
  return event.actor === 'brand' && event.visibility === 'public';
}

/** Step 3: a public reply within minutes of detection that was later corrected or deleted. */
export function hastyReplyCorrected(input: LessonInput): DraftLesson | undefined {
  const deadline = input.times.detected.getTime() + HASTY_REPLY_MINUTES * MINUTE;
  for (const reply of input.events) {
    if (!isBrandPublic(reply) || (reply.kind !== 'reply' && reply.kind !== 'statement')) continue;
    if (reply.at.getTime() > deadline) break;
    const fix = input.events.find(
      (event) =>
        event.at >= reply.at &&
        event !== reply &&
        event.actor === 'brand' &&
        (event.kind === 'correction' || event.kind === 'deletion') &&
        // Unlinked corrections count: many exports cannot say which post a correction fixes.
        (event.correctsId === undefined || event.correctsId === reply.sourceId),
    );
    if (!fix) continue;
    const minutes = Math.max(0, Math.round((reply.at.getTime() - input.times.detected.getTime()) / MINUTE));
    const what = fix.kind === 'deletion' ? 'deleted' : 'corrected';
    return {
      rule: 'hasty-reply-corrected',
      step: 3,
      text: `A public ${reply.kind} went out ${minutes} min after detection and later had to be ${what}: take the time to verify before answering in public.`,
      evidence: [evidenceOf(reply), evidenceOf(fix)],
    };
  }
  return undefined;
}

/** Step 7: three or more public replies to the same person. */
export function repliesToOnePerson(input: LessonInput): DraftLesson | undefined {
  const threads = new Map<string, IncidentEvent[]>();
  for (const event of input.events) {
    if (!isBrandPublic(event) || event.kind !== 'reply' || !event.inReplyToId) continue;
    if (input.brandIds.has(event.inReplyToId)) continue;
    const thread = threads.get(event.inReplyToId) ?? [];
    thread.push(event);
    threads.set(event.inReplyToId, thread);
  }
  const longest = [...threads.values()].sort(
    (a, b) => b.length - a.length || a[0]!.at.getTime() - b[0]!.at.getTime(),
  )[0];
  if (!longest || longest.length < REPLY_THREAD_LIMIT) return undefined;
  return {
    rule: 'replies-to-one-person',
    step: 7,
    text: `The brand replied ${longest.length} times in public to the same account: after one clear answer, stop fighting for the last word and move the conversation elsewhere.`,
    evidence: longest.map(evidenceOf),
  };
}

/** Step 5: the brand answered people in public but never moved a conversation to a private channel. */
export function noPrivateMove(input: LessonInput): DraftLesson | undefined {
  const replies = input.events.filter(
    (event) =>
      isBrandPublic(event) && event.kind === 'reply' && !(event.inReplyToId && input.brandIds.has(event.inReplyToId)),
  );
  if (replies.length === 0) return undefined;
  const movedPrivate = input.events.some(
    (event) => event.kind === 'private-outreach' || (event.actor === 'brand' && PRIVATE_MOVE.test(event.text)),
  );
  if (movedPrivate) return undefined;
  return {
    rule: 'no-private-move',
    step: 5,
    text: `The brand answered ${replies.length === 1 ? 'a complaint' : `${replies.length} complaints`} in public and no conversation was moved to a private channel: offer a DM, e-mail or phone call early.`,
    evidence: [evidenceOf(replies[0]!)],
  };
}

/** Step 6: a public denial later followed by an apology. */
export function denialThenApology(input: LessonInput): DraftLesson | undefined {
  const denial = input.events.find(
    (event) => isBrandPublic(event) && DENIAL.test(event.text) && !APOLOGY.test(event.text),
  );
  if (!denial) return undefined;
  const apology = input.events.find(
    (event) => isBrandPublic(event) && event.at > denial.at && APOLOGY.test(event.text),
  );
  if (!apology) return undefined;
  return {
    rule: 'denial-then-apology',
    step: 6,
    text: 'The brand first denied the problem in public and apologised later: a denial that has to be taken back costs more trust than an early admission.',
    evidence: [evidenceOf(denial), evidenceOf(apology)],
  };
}

/** Step 2: the first public response came only after the busiest hour. */
export function responseAfterPeak(input: LessonInput): DraftLesson | undefined {
  const { firstResponse, peak } = input.times;
  if (!firstResponse || !peak) return undefined;
  if (firstResponse.getTime() < peak.getTime() + HOUR) return undefined;
  const hours = Math.round(((firstResponse.getTime() - peak.getTime()) / HOUR) * 10) / 10;
  const peakEvidence: Evidence = {
    at: peak,
    text: `Mention peak: ${input.peakCount ?? 'the most'} mentions in this hour`,
    kind: 'metric',
  };
  const response = input.times.firstResponseEvent;
  return {
    rule: 'response-after-peak',
    step: 2,
    text: `The first public response came ${hours} h after the busiest hour of mentions began, when the story had already peaked: act before it escalates.`,
    evidence: response
      ? [peakEvidence, evidenceOf(response)]
      : [peakEvidence, { at: firstResponse, text: 'First public response', kind: 'statement' }],
  };
}

/** Step 9: no action item addresses a root cause (none of type "prevent"). */
export function noRootCauseAction(input: LessonInput): DraftLesson | undefined {
  if (input.actionItems.some((item) => item.type === 'prevent')) return undefined;
  const trigger = input.events.find((event) => event.kind === 'trigger') ?? input.events[0];
  const evidence: Evidence = trigger
    ? evidenceOf(trigger)
    : { at: input.times.started, text: 'Start of the incident', kind: 'trigger' };
  return {
    rule: 'no-root-cause-action',
    step: 9,
    text:
      input.actionItems.length === 0
        ? 'No action item exists yet, so nothing addresses the root cause: add at least one "prevent" action for what triggered this.'
        : `None of the ${input.actionItems.length} action items addresses the root cause (none is of type "prevent"): add one for what triggered this.`,
    evidence: [evidence],
  };
}

/** Every rule, in playbook step order. */
export const LESSON_RULES = [
  responseAfterPeak,
  hastyReplyCorrected,
  noPrivateMove,
  denialThenApology,
  repliesToOnePerson,
  noRootCauseAction,
] as const;

/** Runs every rule and returns the lessons they drafted, in playbook step order. */
export function draftLessons(input: LessonInput): DraftLesson[] {
  return LESSON_RULES.flatMap((rule) => {
    const lesson = rule(input);
    return lesson ? [lesson] : [];
  });
}
