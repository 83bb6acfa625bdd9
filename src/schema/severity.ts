import { z } from 'zod';

/**
 * Severity levels 1–4, shared by the "Crisis now" triage page and every post-mortem, so that
 * "a level 2" means the same thing during the crisis and in the library afterwards.
 * Level 1 is the most severe.
 */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityLevel {
  level: Severity;
  /** Short name used in badges and filters. */
  name: string;
  /** Reach and velocity: how far and how fast it is spreading. */
  reach: string;
  /** Whether mainstream media have picked it up. */
  media: string;
  /** Safety, legal or regulatory exposure. */
  exposure: string;
  /** Whether executives are involved or must be. */
  executives: string;
  /** Who to alert, and how fast. */
  alert: string;
}

export const SEVERITY_LEVELS: readonly SeverityLevel[] = [
  {
    level: 1,
    name: 'Critical',
    reach:
      'Trending nationally or in several markets; mentions at 20× the normal hourly rate or more and still climbing.',
    media: 'National or international outlets are reporting, or have asked for comment.',
    exposure: 'Anyone’s physical safety, a regulator, a data breach or likely litigation is involved.',
    executives: 'The CEO or a board member is named, or must speak.',
    alert:
      'Within 15 minutes: crisis lead, head of communications, legal, the executive on call; CEO briefed within the hour.',
  },
  {
    level: 2,
    name: 'High',
    reach: 'Spreading beyond our followers: 5–20× normal volume, shared by accounts with large audiences.',
    media: 'Trade press or local media are asking, or one outlet has published.',
    exposure: 'Possible legal or policy exposure (claims about discrimination, false advertising, privacy).',
    executives: 'A senior leader is mentioned, or the issue needs a decision above the social team.',
    alert: 'Within 30 minutes: crisis lead, head of communications, the owning business team; legal on standby.',
  },
  {
    level: 3,
    name: 'Elevated',
    reach: 'Above normal (2–5×) but mostly within our own audience; a handful of posts drive it.',
    media: 'No media interest yet.',
    exposure: 'No safety or legal angle beyond an ordinary customer complaint.',
    executives: 'Handled at team level.',
    alert: 'Within 2 hours: social media lead and the customer-service lead; log it in the crisis channel.',
  },
  {
    level: 4,
    name: 'Watch',
    reach: 'Normal volume; one or a few unhappy posts that could grow.',
    media: 'None.',
    exposure: 'None.',
    executives: 'None.',
    alert: 'Same day: the community manager on shift tracks it and notes it in the monitoring log.',
  },
];

/** A severity as written in front matter: a whole number 1 (critical) to 4 (watch). */
export const severitySchema = z
  .number({ error: 'expected a severity from 1 (critical) to 4 (watch)' })
  .int('expected a whole number from 1 to 4')
  .min(1, 'severity runs from 1 (critical) to 4 (watch)')
  .max(4, 'severity runs from 1 (critical) to 4 (watch)');

export function severityName(level: number): string {
  return SEVERITY_LEVELS.find((s) => s.level === level)?.name ?? `Level ${level}`;
}
