import { PLATFORM_LABELS } from '../../schema/taxonomy-labels.ts';
import { words } from './tokens.ts';

/**
 * What a query asks for, judged from its words:
 * - `answer`: a how-to or what-now question ("should we reply", "who do I call", "pause
 *   scheduled posts"): the playbook answers it, so playbook pages rank first;
 * - `event`: a past incident ("ceo linkedin post", "tiktok discount code 2025"): a platform,
 *   a year or "incident" in it, so incidents rank first;
 * - `topic`: neither; Pagefind's ranking stands.
 */
export type QueryIntent = 'answer' | 'event' | 'topic';

/** Words that open a question or a request for instructions. */
const QUESTION_WORDS = new Set(
  'how why should what who whom when which can could must shall do does is are need may'.split(' '),
);

/**
 * Question words that ask for a way or a reason wherever they stand ("find out why it
 * happened", "instagram hacked how to recover"): a playbook page answers those, even when
 * the rest of the query names an event.
 */
const ASKING_ANYWHERE = new Set(['how', 'why']);

/** Things a responder does: a query built on one asks what to do, not what happened. */
const ACTION_WORDS = new Set(
  (
    'reply respond answer apologise apologize apology say tell write draft pause stop halt delete remove ' +
    'escalate call contact alert notify phone lock recover secure report handle deal hide mute block ban ' +
    'correct announce approve sign monitor prepare plan statement template templates checklist step steps ' +
    'triage role roles owner lead duty duties todo first now next playbook guide runbook card'
  ).split(' '),
);

/** Words that point at something that happened, besides platform names and years. */
const EVENT_WORDS = new Set('incident incidents postmortem happened went viral story'.split(' '));

const PLATFORM_WORDS = new Set(
  [
    ...Object.keys(PLATFORM_LABELS),
    ...Object.values(PLATFORM_LABELS).flatMap((label) => words(label)),
    'twitter',
    'tweet',
    'insta',
    'ig',
    'fb',
  ].filter((word) => !['other', 'media', 'news', 'sites', 'review'].includes(word)),
);

export function queryIntent(queryWords: readonly string[]): QueryIntent {
  const first = queryWords[0];
  if (first !== undefined && (QUESTION_WORDS.has(first) || ACTION_WORDS.has(first))) return 'answer';
  if (queryWords.some((word) => ASKING_ANYWHERE.has(word))) return 'answer';
  const event = queryWords.some(
    (word) => EVENT_WORDS.has(word) || PLATFORM_WORDS.has(word) || /^(19|20)\d\d$/.test(word),
  );
  if (event) return 'event';
  if (queryWords.some((word) => ACTION_WORDS.has(word))) return 'answer';
  return 'topic';
}

/**
 * Whether pages of this kind come first under this intent: the playbook for an answer, incidents
 * for an event. Within each group Pagefind's order stands.
 */
export function favoured(intent: QueryIntent, isPlaybook: boolean): boolean {
  if (intent === 'answer') return isPlaybook;
  if (intent === 'event') return !isPlaybook;
  return false;
}
