import { SEVERITY_LEVELS, VOLUME_MULTIPLE, type Severity } from './severity.ts';
import { days, duration, multiple } from './units.ts';

/**
 * Every deadline, cadence, threshold and count the playbook repeats, in one place. Pages never
 * type these numbers: front matter and Markdown write `{{name}}` and MDX writes `{n('name')}`,
 * and both render the phrase below. A test fails when a page hard-codes a deadline instead.
 * The per-level numbers (alert, holding statement, update cadence, volume) live in severity.ts.
 */
export const DEADLINES = {
  /** The first moves of a runbook fit in this many minutes: evidence, triage, alerts, the pause. */
  firstMovesMinutes: 15,
  /** Archive the original posts (screenshots, links, authors, times) within this many minutes of seeing them. */
  evidenceMinutes: 15,
  /** First private message to a customer who was moved to DM, e-mail or phone. */
  firstPrivateMessageMinutes: 15,
  /** An approver for public statements must be reachable within this many minutes, day or night. */
  approverReachableMinutes: 30,
  /** Team check-ins while the crisis is live. */
  teamCheckInMinutes: 30,
  /** The person watching the conversation reports volume and new accounts this often. */
  watchReportMinutes: 30,
  /** Re-run the triage this often, or whenever something new happens. */
  triageRerunMinutes: 60,
  /** Volume above the first listening threshold for this long is an escalation trigger. */
  sustainedVolumeMinutes: 30,
  /** Leave a draft this long, then re-read it as a screenshot out of context. */
  draftCoolingMinutes: 10,
  /** Re-check the profiles of the accounts driving the conversation this often. */
  profileRecheckMinutes: 120,
  /** The root-cause session is held within this many working days of resolution. */
  rootCauseWorkingDays: 2,
  /** Length of the root-cause session. */
  rootCauseSessionMinutes: 60,
  /** The post-mortem is written within this many working days. */
  postmortemWorkingDays: 5,
  /** Length of the post-mortem review meeting. */
  reviewMeetingMinutes: 45,
  /** Length of a tabletop exercise. */
  tabletopMinutes: 45,
  /** First check of open action items after the post-mortem. */
  firstActionCheckDays: 30,
  /** Second check of open action items. */
  secondActionCheckDays: 90,
  /** How far back to read the public posts of an account driving the conversation. */
  profileHistoryDays: 30,
  /** Accounts created this recently are a sign of coordination. */
  newAccountDays: 30,
  /** A platform action card older than this is flagged by the content check: menus move. */
  platformCardMaxAgeDays: 180,
} as const;

export const COUNTS = {
  /** Profile at least this many accounts driving the conversation, by reach and engagement. */
  profileAccounts: 10,
  /** Brand replies to any one account in a public thread, at most. */
  maxRepliesPerAccount: 2,
  /** Goodwill gestures agents may give without asking, as a percentage of the order value. */
  gestureCapPercent: 25,
  /** Tabletop exercises a year. */
  tabletopsPerYear: 2,
  /** An account with at least this many followers joining in is an escalation trigger. */
  largeAccountFollowers: 100_000,
  /** The short version of a statement fits a post or reply on every platform. */
  shortPostCharacters: 280,
} as const;

/** A cadence: "every 30 minutes", "every hour", "every 2 hours". */
const every = (minutes: number | undefined) =>
  minutes === undefined ? 'as needed' : minutes === 60 ? 'every hour' : `every ${duration(minutes)}`;
const level = (n: Severity) => SEVERITY_LEVELS[n - 1]!;
const minutesOf = (value: number | undefined, fallback: string) => (value === undefined ? fallback : duration(value));
const spelled = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (value: number) => spelled[value] ?? value.toLocaleString('en-GB');

/**
 * The phrase each `{{name}}` renders: deadlines as a duration (`{{holding-2}}` → "1 hour", written
 * after "within"), cadences with their "every" (`{{check-in}}` → "every 30 minutes").
 */
export const NUMBER_PHRASES = {
  'alert-1': minutesOf(level(1).alertWithinMinutes, 'the same day'),
  'alert-2': minutesOf(level(2).alertWithinMinutes, 'the same day'),
  'alert-3': minutesOf(level(3).alertWithinMinutes, 'the same day'),
  'holding-1': minutesOf(level(1).holdingStatementWithinMinutes, 'none'),
  'holding-2': minutesOf(level(2).holdingStatementWithinMinutes, 'none'),
  'update-1': every(level(1).updateEveryMinutes),
  'update-2': every(level(2).updateEveryMinutes),
  'volume-1': multiple(VOLUME_MULTIPLE.critical),
  'volume-2': multiple(VOLUME_MULTIPLE.high),
  'volume-3': multiple(VOLUME_MULTIPLE.elevated),
  'first-moves': duration(DEADLINES.firstMovesMinutes),
  evidence: duration(DEADLINES.evidenceMinutes),
  'first-private-message': duration(DEADLINES.firstPrivateMessageMinutes),
  approver: duration(DEADLINES.approverReachableMinutes),
  'check-in': every(DEADLINES.teamCheckInMinutes),
  'watch-report': every(DEADLINES.watchReportMinutes),
  'triage-rerun': every(DEADLINES.triageRerunMinutes),
  'sustained-volume': duration(DEADLINES.sustainedVolumeMinutes),
  'draft-cooling': duration(DEADLINES.draftCoolingMinutes),
  'profile-recheck': every(DEADLINES.profileRecheckMinutes),
  'root-cause': days(DEADLINES.rootCauseWorkingDays, 'working days'),
  'root-cause-session': duration(DEADLINES.rootCauseSessionMinutes),
  postmortem: days(DEADLINES.postmortemWorkingDays, 'working days'),
  'review-meeting': duration(DEADLINES.reviewMeetingMinutes),
  tabletop: duration(DEADLINES.tabletopMinutes),
  'action-check-1': days(DEADLINES.firstActionCheckDays),
  'action-check-2': days(DEADLINES.secondActionCheckDays),
  'profile-history': days(DEADLINES.profileHistoryDays),
  'new-accounts': days(DEADLINES.newAccountDays),
  'card-age': days(DEADLINES.platformCardMaxAgeDays),
  'profile-accounts': String(COUNTS.profileAccounts),
  'max-replies': count(COUNTS.maxRepliesPerAccount),
  'gesture-cap': `${COUNTS.gestureCapPercent} percent`,
  tabletops: count(COUNTS.tabletopsPerYear),
  'large-account': COUNTS.largeAccountFollowers.toLocaleString('en-GB'),
  'short-post': `${COUNTS.shortPostCharacters} characters`,
} as const satisfies Record<string, string>;

export type NumberName = keyof typeof NUMBER_PHRASES;

/** `{{name}}` in front matter and Markdown. */
export const NUMBER_TOKEN = /\{\{\s*([a-z0-9-]+)\s*\}\}/g;

export function isNumberName(name: string): name is NumberName {
  return Object.hasOwn(NUMBER_PHRASES, name);
}

/** The phrase of one number, for MDX: `{n('holding-2')}`. Throws on a name that does not exist. */
export function n(name: NumberName): string {
  if (!isNumberName(name)) {
    throw new Error(
      `unknown playbook number "${String(name)}": expected one of ${Object.keys(NUMBER_PHRASES).join(', ')}`,
    );
  }
  return NUMBER_PHRASES[name];
}

/** Text with every `{{name}}` replaced by its phrase. Unknown names throw (the check reports them first). */
export function fillNumbers(text: string): string {
  return text.replace(NUMBER_TOKEN, (_, name: string) => n(name as NumberName));
}

/** The `{{name}}` tokens in a text that name no number, for the content check. */
export function unknownNumberNames(text: string): string[] {
  return [...text.matchAll(NUMBER_TOKEN)].map((m) => m[1]!).filter((name) => !isNumberName(name));
}

/**
 * How long things may wait after a crisis: the action-item deadlines by severity and the
 * playbook's review age, read by the insights and actions pages and by the content check.
 */

/**
 * Days an open action item without an agreed `due` date gets, counted from the day the incident
 * was resolved (or detected, while it is still running): the worse the crisis, the sooner the fix.
 */
export const ACTION_DEADLINE_DAYS: Readonly<Record<Severity, number>> = { 1: 15, 2: 15, 3: 30, 4: 30 };

/** A playbook page not reviewed for longer than this is flagged by the content check. */
export const PLAYBOOK_REVIEW_MAX_DAYS = 180;

/**
 * Upper bounds, in days, of the age groups the insights page sorts open action items into
 * (0–30, 31–90, 91–180, older): "still fresh", "should be moving", "stalled", "forgotten".
 */
export const ACTION_AGE_GROUP_DAYS = [30, 90, 180] as const;
