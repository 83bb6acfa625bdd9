import { SEVERITY_LEVELS } from '../../src/schema/severity.ts';
import { renderBodyOutline } from '../../src/schema/body-outline.ts';
import { TODO } from '../../src/schema/undecided.ts';
import { postmortemFile } from '../../src/lib/postmortem-file.ts';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  CRISIS_TYPES,
  DETECTION_SOURCES,
  FACTOR_CATEGORIES,
  IMPACT_RATINGS,
  ORIGINS,
  PLATFORMS,
  SCCT_CLUSTERS,
  SOURCE_KINDS,
  TIMELINE_KINDS,
  type CrisisType,
  type Platform,
} from '../../src/schema/taxonomy.ts';

/** What the contributor chose; everything else in the draft is a placeholder to replace. */
export interface DraftChoices {
  /** The incident in a few words (5–120 characters). */
  title: string;
  /** The day it started, YYYY-MM-DD; also the first part of the file name. */
  date: string;
  /** Peak severity 1 (critical) … 4 (watch). */
  severity: number;
  /** What kind of crisis it was. */
  crisisType: CrisisType;
  /** Where it played out, the first where it started. */
  platforms: Platform[];
  /** The zone written on every timestamp, e.g. `Z` or `+01:00`. */
  zone: string;
}

/** The schema path as seen from content/postmortems/, for the YAML language server. */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../../public/schemas/postmortem.schema.json';

const list = (values: readonly string[]) => values.join(', ');
const quoted = (value: string) => JSON.stringify(value);

/**
 * A new post-mortem as Markdown: a draft `npm run check` accepts from the first minute (it
 * prints how many placeholders are left), each field with a one-line hint, and every body
 * section with a line saying what belongs there. What only a person can decide
 * (src/schema/undecided.ts: times, ratings, where it came from…) is left empty, never guessed,
 * so an untouched scaffold cannot pass review; text to write starts with "TODO:". The allowed
 * values of each list field are in the comment next to it.
 */
export function renderDraft(choices: DraftChoices): string {
  const at = `${choices.date}T09:00:00${choices.zone}`;
  const eg = quoted(at);
  const severities = SEVERITY_LEVELS.map((level) => `${level.level} ${level.name.toLowerCase()}`).join(' · ');
  const frontmatter = {
    title: choices.title,
    summary: `${TODO} one paragraph: what happened, how bad it got, how it ended.`,
    status: 'draft',
    example: false,
    tags: [],
    severity: choices.severity,
    crisisType: choices.crisisType,
    scct: null,
    platforms: choices.platforms,
    origin: null,
    detectionSource: null,
    started: null,
    detected: null,
    timeline: [
      {
        at: null,
        kind: 'trigger',
        text: `${TODO} the first post or event, in one plain sentence (no names of private people)`,
      },
    ],
    impact: { summary: `${TODO} who was affected and how, in a sentence or two`, rating: null },
    contributingFactors: [
      { category: null, text: `${TODO} a condition of the system (process, tooling, approvals) that let this happen` },
    ],
    wentWell: [`${TODO} something that helped`],
    wentPoorly: [`${TODO} something that hurt`],
    lessons: [{ text: `${TODO} a lesson the next responder can act on` }],
    actionItems: [
      {
        title: `${TODO} the change to make, as a task`,
        ownerRole: `${TODO} the role that owns it, e.g. Social media lead`,
        type: null,
        status: 'open',
      },
    ],
    playbookSteps: [],
    related: [],
    sources: [],
  };
  return postmortemFile(
    { frontmatter, body: renderBodyOutline({}, (section) => `${TODO} ${section.hint}`) },
    {
      header: [
        SCHEMA_COMMENT.replace(/^# /, ''),
        'Replace every "TODO:" (npm run check refuses them once status is in-review), then run: npm run check',
      ],
      comments: {
        status: 'draft while you write; in-review when the pull request is ready; published once signed off',
        example: 'true only for fictional sample entries',
        tags: 'a few search keywords, e.g. [discount code, influencer]',
        severity: `peak severity: ${severities}`,
        crisisType: list(CRISIS_TYPES),
        scct: `${TODO} how much responsibility the public put on us: ${list(SCCT_CLUSTERS)}`,
        platforms: `where it played out, the first is where it started: ${list(PLATFORMS)}`,
        origin: `${TODO} where it came from: ${list(ORIGINS)}`,
        detectionSource: `${TODO} how we found out: ${list(DETECTION_SOURCES)}`,
        started: `${TODO} when it began, with a zone, e.g. ${eg} (Z is UTC; or +01:00)`,
        detected: `${TODO} when someone on the team first knew, e.g. ${eg}`,
        timeline: 'what happened when, in order',
        'timeline.0.at': `${TODO} when, with a zone, e.g. ${eg}`,
        'timeline.0.kind': list(TIMELINE_KINDS),
        'impact.rating': `${TODO} ${list(IMPACT_RATINGS)}`,
        contributingFactors: 'why it happened, in blameless terms: what made the mistake easy, not who made it',
        'contributingFactors.0.category': `${TODO} ${list(FACTOR_CATEGORIES)}`,
        wentWell: 'what helped, so we keep doing it',
        wentPoorly: 'what hurt, without blaming a person',
        lessons: 'what we now know, each tied to the playbook step it teaches',
        actionItems: 'what we will change; every item needs the role that owns it',
        'actionItems.0.type': `${TODO} ${list(ACTION_TYPES)}`,
        'actionItems.0.status': list(ACTION_STATUSES),
        playbookSteps: 'the playbook method steps (1 to 10) this incident exercised, e.g. [2, 5]',
        related: 'other post-mortems by id (file name without .md), e.g. [2025-03-14-promo-code-leak]',
        sources: `where the facts come from; each: { title: …, url: https://…, kind: ${list(SOURCE_KINDS)} }`,
      },
      after: {
        detected: [
          `firstResponse: ${eg} # when we first said something in public; leave out if we never did`,
          `resolved: ${eg} # when volume and sentiment were back to normal; needed before publishing`,
        ],
        'timeline.0.text': ['link: https://… # where to see it, if anywhere'],
        'impact.rating': [
          'metrics: only what was measured: peakMentionsPerHour, negativeShare (0 to 1), reach, mediaArticles, supportTickets, followerChange',
        ],
        'lessons.0.text': ['step: 5 # the playbook method step (1 to 10) this lesson teaches'],
        'actionItems.0.status': [`due: "${choices.date}" # the agreed due date, YYYY-MM-DD`],
      },
    },
  );
}

/** Today in the machine's time zone, YYYY-MM-DD. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The machine's UTC offset on a given day at 09:00, as `Z` or `±HH:MM`. */
export function localZone(date: string): string {
  const minutes = -new Date(`${date}T09:00:00`).getTimezoneOffset();
  if (minutes === 0) return 'Z';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
