import { VOLUME_MULTIPLE, type Severity } from './severity.ts';

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
    signals: ['physical safety', 'a data breach', 'a regulator', 'a likely lawsuit'],
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
