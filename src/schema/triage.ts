import { VOLUME_MULTIPLE, type Severity } from './severity.ts';
import { oneOf } from './taxonomy.ts';

/**
 * The 60-second triage on Crisis now (and on the printed crisis card): yes/no questions asked
 * in order, where the first yes sets the severity level. The thresholds are the ones the
 * severity levels define, so the ladder and the level cards cannot drift apart.
 */
export interface TriageRung {
  /** The question the person on shift answers with yes or no, in plain words. */
  question: string;
  /** The signals that each count as a yes, for a reader who is unsure. */
  signals: readonly string[];
  /** The level a yes lands on. A no moves to the next rung. */
  yes: Severity;
}

const { critical, high, elevated } = VOLUME_MULTIPLE;

export const TRIAGE_LADDER: readonly TriageRung[] = [
  {
    question: 'Is anyone’s safety at risk, or is it a legal matter?',
    signals: ['physical safety at risk, or credibly claimed to be', 'a data breach', 'a regulator', 'a likely lawsuit'],
    yes: 1,
  },
  {
    question: 'Is it national news or trending in several markets?',
    signals: [
      'national or international media reporting or asking',
      `${critical}× normal volume or more`,
      'the CEO or a board member named',
    ],
    yes: 1,
  },
  {
    question: 'Is it spreading beyond our followers?',
    signals: [
      `${high}–${critical}× normal volume`,
      'trade or local media asking',
      'a claim of discrimination, false advertising or a privacy breach',
      'a senior leader named',
    ],
    yes: 2,
  },
  {
    question: 'Is volume above normal, mostly within our own audience?',
    signals: [`${elevated}–${high}× normal volume`, 'a handful of posts drive it'],
    yes: 3,
  },
];

/** Where the ladder ends when every answer is no: one or a few unhappy posts that could grow. */
export const TRIAGE_FALLBACK: Severity = 4;

/**
 * The answers of the ladder above, as facts a post-mortem records ("what the
 * triage found at the peak"). Each signal forces a level: the incident is at least that severe.
 * Pages, the post-mortem check and the sample test all read this one table.
 */
export const TRIAGE_SIGNALS = {
  safety: { level: 1, label: 'Someone’s physical safety is at risk, or is credibly claimed to be' },
  'data-breach': { level: 1, label: 'Personal data has been exposed' },
  regulator: { level: 1, label: 'A regulator is involved or must be told' },
  litigation: { level: 1, label: 'A lawsuit is likely' },
  'national-media': { level: 1, label: 'National or international media are reporting or asking' },
  'multi-market-trend': { level: 1, label: 'Trending in several markets at the level-1 volume' },
  'ceo-named': { level: 1, label: 'The CEO or a board member is named' },
  'beyond-followers': { level: 2, label: 'Spreading beyond our followers at the level-2 volume' },
  'local-media': { level: 2, label: 'Trade or local media are asking, or one outlet has published' },
  'discrimination-claim': { level: 2, label: 'A claim of discrimination' },
  'false-advertising-claim': { level: 2, label: 'A claim of false advertising' },
  'privacy-claim': { level: 2, label: 'A claim of a privacy breach (not confirmed)' },
  'senior-leader-named': { level: 2, label: 'A senior leader is named' },
  'above-normal': { level: 3, label: 'Volume at the level-3 multiple, mostly within our audience' },
} as const satisfies Record<string, { level: Severity; label: string }>;

export type TriageSignal = keyof typeof TRIAGE_SIGNALS;
export const TRIAGE_SIGNAL_KEYS = Object.keys(TRIAGE_SIGNALS) as [TriageSignal, ...TriageSignal[]];
export const triageSignalSchema = oneOf(TRIAGE_SIGNAL_KEYS);

/** What the rest of a post-mortem already says about the triage, whatever the author listed. */
export interface TriageFacts {
  triage?: readonly string[] | undefined;
  platforms?: readonly string[] | undefined;
  origin?: string | undefined;
}

/**
 * The signals a post-mortem carries: the ones it lists, plus the ones its other fields imply
 * (news media among the platforms means at least trade or local media; an executive's own
 * statement names a senior leader).
 */
export function triageSignalsOf(facts: TriageFacts): TriageSignal[] {
  const signals = new Set<TriageSignal>();
  for (const signal of facts.triage ?? [])
    if (Object.hasOwn(TRIAGE_SIGNALS, signal)) signals.add(signal as TriageSignal);
  if (facts.platforms?.includes('news-media')) signals.add('local-media');
  if (facts.origin === 'executive-statement') signals.add('senior-leader-named');
  return [...signals];
}

/** The least severe level the triage allows for these signals (4 when none applies). */
export function requiredSeverity(signals: readonly TriageSignal[]): Severity {
  return signals.reduce<Severity>((worst, signal) => Math.min(worst, TRIAGE_SIGNALS[signal].level) as Severity, 4);
}

/** The signals that force the required level, for a message that says why. */
export function decisiveSignals(signals: readonly TriageSignal[]): TriageSignal[] {
  const required = requiredSeverity(signals);
  return signals.filter((signal) => TRIAGE_SIGNALS[signal].level === required);
}
