import { z } from 'zod';

/**
 * Severity levels 1–4, shared by the "Crisis now" triage page and every post-mortem, so that
 * "a level 2" means the same thing during the crisis and in the library afterwards.
 * Level 1 is the most severe. Every number a page repeats about a level (alert, holding
 * statement, update cadence, volume) is a field here; the other playbook numbers live in
 * deadlines.ts, which also gives pages their `{{name}}` phrases.
 */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Mention volume as a multiple of the normal hourly rate, at which each level starts. The
 * triage ladder and the level criteria both quote these numbers.
 */
export const VOLUME_MULTIPLE = { critical: 20, high: 5, elevated: 2 } as const;

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
  /** The roles to alert at this level, most urgent first. */
  alertWho: readonly string[];
  /** Alert them within this many minutes of the triage. */
  alertWithinMinutes: number;
  /** What else the alert involves (a briefing, a standby), or nothing. */
  alertNote?: string;
  /** The role that runs the response at this level. */
  lead: string;
  /** A holding statement goes out within this many minutes when people are waiting; none at the lowest levels. */
  holdingStatementWithinMinutes?: number;
  /** What the public reply looks like when there is no holding statement deadline. */
  replyNote?: string;
  /** Longest gap between public updates while the crisis is live, in minutes; none at the lowest levels. */
  updateEveryMinutes?: number;
}

const { critical, high, elevated } = VOLUME_MULTIPLE;

export const SEVERITY_LEVELS: readonly SeverityLevel[] = [
  {
    level: 1,
    name: 'Critical',
    reach: `Trending nationally or in several markets; mentions at ${critical}× the normal hourly rate or more and still climbing.`,
    media: 'National or international outlets are reporting, or have asked for comment.',
    exposure:
      'Anyone’s physical safety is at risk or credibly claimed to be, or a regulator, a data breach or likely litigation is involved.',
    executives: 'The CEO or a board member is named, or must speak.',
    alertWho: ['crisis lead', 'head of communications', 'legal', 'the executive on call'],
    alertWithinMinutes: 15,
    alertNote: 'CEO briefed within the hour.',
    lead: 'crisis lead',
    holdingStatementWithinMinutes: 60,
    updateEveryMinutes: 60,
  },
  {
    level: 2,
    name: 'High',
    reach: `Spreading beyond our followers: ${high}–${critical}× normal volume, shared by accounts with large audiences.`,
    media: 'Trade press or local media are asking, or one outlet has published.',
    exposure: 'Possible legal or policy exposure (claims about discrimination, false advertising, privacy).',
    executives: 'A senior leader is mentioned, or the issue needs a decision above the social team.',
    alertWho: ['crisis lead', 'head of communications', 'the owning business team'],
    alertWithinMinutes: 30,
    alertNote: 'Legal on standby.',
    lead: 'crisis lead or the deputy',
    holdingStatementWithinMinutes: 120,
    updateEveryMinutes: 120,
  },
  {
    level: 3,
    name: 'Elevated',
    reach: `Above normal (${elevated}–${high}×) but mostly within our own audience; a handful of posts drive it.`,
    media: 'No media interest yet.',
    exposure: 'No safety or legal angle beyond an ordinary customer complaint.',
    executives: 'Handled at team level.',
    alertWho: ['social media lead', 'customer-service lead'],
    alertWithinMinutes: 120,
    alertNote: 'Log it in the crisis channel.',
    lead: 'social media lead',
    replyNote: 'Reply to the people involved the same day.',
  },
  {
    level: 4,
    name: 'Watch',
    reach: 'Normal volume; one or a few unhappy posts that could grow.',
    media: 'None.',
    exposure: 'None.',
    executives: 'None.',
    alertWho: ['the community manager on shift'],
    alertWithinMinutes: 24 * 60,
    alertNote: 'Track it and note it in the monitoring log.',
    lead: 'community manager on shift',
    replyNote: 'Ordinary customer care; no statement.',
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

export function severityLevel(level: number): SeverityLevel | undefined {
  return SEVERITY_LEVELS.find((s) => s.level === level);
}
