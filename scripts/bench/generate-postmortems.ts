import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postmortemFile as writePostmortemFile } from '../../src/lib/postmortem-file.ts';
import { postmortemSchema, type PostmortemInput } from '../../src/schema/postmortem.ts';
import { BODY_OUTLINE } from '../../src/schema/body-outline.ts';
import { METHOD_STEP_COUNT } from '../../src/schema/playbook.ts';
import { postmortemId, slugify } from '../../src/schema/slug.ts';
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
} from '../../src/schema/taxonomy.ts';
import { SENTENCE_MAX_WORDS, prose, sampleText, wordCount, type Prose } from './prose.ts';
import { requiredSeverity, triageSignalsOf } from '../../src/schema/triage.ts';

/** An inclusive range of counts. */
type Range = readonly [min: number, max: number];

/**
 * The shape of the generated library, in one place (the unit test holds the generator to it).
 * The ranges are those of real post-mortems written with the importer and by hand: the
 * project's samples sit at the low end (11–14 events, 0–24 buckets, 3–5 lessons), imported
 * incidents carry long timelines and a week of hourly mentions. Counts are uniform over each range.
 */
export const SHAPE = {
  /** Entries with none of timeline, mention series, lessons, action items or body (drafts and entries in review). */
  bareShare: 0.05,
  /** Of the others: published (the rest are drafts or in review, half each). */
  publishedShare: 0.9,
  timelineEvents: [10, 60] as Range,
  /** Share of the non-bare entries that carry a mention series (hand-written ones often don't). */
  mentionSeriesShare: 0.6,
  /** Hourly buckets. */
  mentionBuckets: [24, 200] as Range,
  lessons: [3, 8] as Range,
  actionItems: [3, 8] as Range,
  bodyWords: [300, 1200] as Range,
  contributingFactors: [1, 6] as Range,
  wentWellOrPoorly: [0, 5] as Range,
  sources: [0, 5] as Range,
  related: [0, 3] as Range,
  tags: [1, 6] as Range,
  responders: [1, 6] as Range,
  goodwillGestures: [0, 2] as Range,
  gotLucky: [0, 3] as Range,
  /** Share of timeline events with a link. */
  linkedEvents: 0.2,
  /**
   * Incidents that started before this time are settled: a team finishes or drops most action
   * items within weeks, so only this share of theirs are still open (the check warns on each
   * overdue one, and a library where every old item is open is a backlog, not a library).
   */
  settledBefore: Date.UTC(2025, 0, 1),
  openShareOfSettled: 0.05,
} as const;

/** Small deterministic PRNG (mulberry32): the same seed always yields the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated post-mortem, before it is written. */
export interface GeneratedPostmortem {
  /** The file name without `.md`: `<YYYY-MM-DD>-<slug>`. */
  id: string;
  data: PostmortemInput;
  /** The Markdown body (may be empty). */
  body: string;
}

const SYLLABLES = 'ka lo mi ren tar vel dor sa ni bri qua zen mor el fin gus ta ro pe lin da vo cor ash'.split(' ');
const ROLES = [
  'Social media lead',
  'Head of communications',
  'Community manager',
  'Customer-service lead',
  'Head of e-commerce',
  'Legal counsel',
  'Brand manager',
  'Security lead',
];
/** The body's sections are the outline every entry is written from, so pages have its shape. */
const HEADINGS = BODY_OUTLINE.map((section) => section.heading);
const CURRENCIES = ['GBP', 'EUR', 'USD'];
const HOUR = 3_600_000;
const MINUTE = 60_000;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * Generates `count` post-mortems in memory (pure: same seed and samples, same result). Each is
 * parsed with the real schema, so a generator change that breaks validity fails here, loudly.
 */
export function generateLibrary(count: number, seed = 42, text = sampleText()): GeneratedPostmortem[] {
  const rand = random(seed);
  const words = prose(text, rand);
  const int = ([min, max]: Range) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number) => rand() < p;
  const library: GeneratedPostmortem[] = [];

  for (let i = 0; i < count; i++) {
    const bare = chance(SHAPE.bareShare);
    const status = bare || !chance(SHAPE.publishedShare) ? (chance(0.5) ? 'draft' : 'in-review') : 'published';
    const brand = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
    const Brand = brand[0]!.toUpperCase() + brand.slice(1);

    const buckets = !bare && chance(SHAPE.mentionSeriesShare) ? int(SHAPE.mentionBuckets) : 0;
    const started = Date.UTC(2019, 0, 1) + Math.floor(rand() * 7 * 365 * 24) * HOUR + Math.floor(rand() * 60) * MINUTE;
    const detected = started + int([5, 600]) * MINUTE;
    const firstResponse = chance(0.9) ? detected + int([5, 600]) * MINUTE : undefined;
    const span = buckets > 0 ? buckets * HOUR : int([6, 200]) * HOUR;
    const resolved = Math.max((firstResponse ?? detected) + HOUR, started + span);

    const timeline: PostmortemInput['timeline'] = [];
    if (!bare) {
      const events = int(SHAPE.timelineEvents);
      const fixed: [number, (typeof TIMELINE_KINDS)[number]][] = [
        [started, 'trigger'],
        [detected, 'detection'],
        ...(firstResponse ? [[firstResponse, 'statement'] as [number, 'statement']] : []),
        [resolved, 'resolution'],
      ];
      const free = TIMELINE_KINDS.filter((kind) => kind !== 'trigger' && kind !== 'resolution');
      const moments = [...fixed];
      while (moments.length < events) {
        moments.push([started + Math.floor(rand() * ((resolved - started) / MINUTE)) * MINUTE, pick(free)]);
      }
      moments.sort((a, b) => a[0] - b[0]); // stable: at the same minute, the fixed moments stay first
      for (const [at, kind] of moments) {
        timeline.push({
          at: iso(at),
          kind,
          text: words.sentence(),
          ...(chance(SHAPE.linkedEvents) ? { link: `https://example.com/${brand}/post-${int([1, 9999])}` } : {}),
        });
      }
    }

    const seriesStart = Math.floor(started / HOUR) * HOUR;
    const peakAt = int([2, Math.max(2, Math.floor(buckets / 3))]);
    const peak = int([50, 5000]);
    const mentionSeries = Array.from({ length: buckets }, (_, k) => {
      const volume = Math.round(5 + peak * Math.exp(-(((k - peakAt) / (4 + peakAt)) ** 2)));
      const negative = Math.round(volume * (0.2 + rand() * 0.5));
      const positive = Math.round((volume - negative) * rand() * 0.4);
      return { at: iso(seriesStart + k * HOUR), positive, neutral: volume - negative - positive, negative };
    });
    const metrics = chance(0.75)
      ? {
          peakMentionsPerHour: buckets
            ? Math.max(...mentionSeries.map((b) => b.positive + b.neutral + b.negative))
            : int([10, 5000]),
          negativeShare: Math.round(rand() * 100) / 100,
          ...(chance(0.7) ? { reach: int([1000, 5_000_000]) } : {}),
          ...(chance(0.6) ? { mediaArticles: int([0, 40]) } : {}),
          ...(chance(0.5) ? { supportTickets: int([0, 4000]) } : {}),
          ...(chance(0.5) ? { followerChange: int([-5000, 20000]) } : {}),
        }
      : undefined;

    const list = (range: Range) => Array.from({ length: bare ? 0 : int(range) }, () => words.sentence());
    const steps = [...new Set(Array.from({ length: int([0, 6]) }, () => int([1, METHOD_STEP_COUNT])))].sort(
      (a, b) => a - b,
    );
    const title = `${Brand}: ${words.phrase(int([3, 8]))}`.slice(0, 120).trim();
    const day = iso(started).slice(0, 10);
    const id = postmortemId(day, `${slugify(title).slice(0, 48).replace(/-+$/, '')}-${i + 1}`);
    const platforms = [...new Set(Array.from({ length: int([1, 3]) }, () => pick(PLATFORMS)))];
    const origin = pick(ORIGINS);
    // A real team rates no milder than its triage allows (news coverage, a senior leader named).
    const severity = Math.min(int([1, 4]), requiredSeverity(triageSignalsOf({ platforms, origin })));

    const data: PostmortemInput = {
      title,
      summary: summary(words, Brand),
      status,
      example: true,
      tags: [...new Set(Array.from({ length: int(SHAPE.tags) }, () => words.phrase(int([1, 2]))))],
      severity,
      crisisType: pick(CRISIS_TYPES),
      scct: pick(SCCT_CLUSTERS),
      platforms,
      origin,
      detectionSource: pick(DETECTION_SOURCES),
      started: iso(started),
      detected: iso(detected),
      ...(firstResponse ? { firstResponse: iso(firstResponse) } : {}),
      ...(status === 'published' || chance(0.5) ? { resolved: iso(resolved) } : {}),
      ...(timeline.length ? { timeline } : {}),
      impact: {
        summary: words.sentence(),
        rating: pick(IMPACT_RATINGS),
        ...(metrics ? { metrics } : {}),
        ...(buckets ? { mentionSeries } : {}),
      },
      contributingFactors: Array.from({ length: int(SHAPE.contributingFactors) }, () => ({
        category: pick(FACTOR_CATEGORIES),
        text: words.sentence(),
      })),
      wentWell: list(SHAPE.wentWellOrPoorly),
      wentPoorly: list(SHAPE.wentWellOrPoorly),
      responders: Array.from({ length: bare ? 0 : int(SHAPE.responders) }, () => ({
        role: pick(ROLES),
        ...(chance(0.7) ? { did: words.phrase(int([3, 8])) } : {}),
      })),
      // Every public statement of the timeline is also listed with its platform, as the importer does.
      statements: timeline
        .filter((event) => event.kind === 'statement')
        .map((event) => ({
          at: event.at,
          platform: pick(platforms),
          text: words.sentence(),
          ...(chance(0.6) ? { link: `https://example.com/${brand}/statement-${int([1, 9999])}` } : {}),
        })),
      goodwillGestures: Array.from({ length: bare ? 0 : int(SHAPE.goodwillGestures) }, () => ({
        gesture: words.phrase(int([3, 8])),
        ...(chance(0.6) ? { cost: { amount: int([50, 50000]), currency: pick(CURRENCIES) } } : {}),
      })),
      gotLucky: list(SHAPE.gotLucky),
      ...(!bare && chance(0.4)
        ? {
            costs: {
              refunds: { amount: int([0, 100000]), currency: pick(CURRENCIES) },
              refundCount: int([0, 5000]),
              ...(chance(0.5) ? { note: words.sentence() } : {}),
            },
          }
        : {}),
      lessons: list(SHAPE.lessons).map((text) => ({
        text,
        ...(chance(0.8) ? { step: int([1, METHOD_STEP_COUNT]) } : {}),
      })),
      actionItems: list(SHAPE.actionItems).map((text) => ({
        title: text
          .split(' ')
          .slice(0, 14)
          .join(' ')
          .replace(/[.,;]$/, ''),
        ownerRole: pick(ROLES),
        type: pick(ACTION_TYPES),
        status:
          started < SHAPE.settledBefore
            ? chance(SHAPE.openShareOfSettled)
              ? 'open'
              : pick(ACTION_STATUSES.filter((status) => status !== 'open'))
            : pick(ACTION_STATUSES),
        ...(chance(0.5) ? { due: iso(resolved + int([7, 120]) * 24 * HOUR).slice(0, 10) } : {}),
      })),
      playbookSteps: steps,
      related: [...new Set(Array.from({ length: i > 0 ? int(SHAPE.related) : 0 }, () => library[int([0, i - 1])]!.id))],
      sources: Array.from({ length: int(SHAPE.sources) }, (_, k) => ({
        title: words.phrase(int([3, 7])),
        url: `https://example.org/${brand}/source-${k + 1}`,
        kind: pick(SOURCE_KINDS),
      })),
    };
    postmortemSchema.parse(data);
    const [fewest, most] = SHAPE.bodyWords;
    const target = int([fewest, most - BODY_OVERSHOOT]);
    library.push({ id, data, body: bare ? '' : body(words, target, brand, int, chance) });
  }
  return library;
}

/** One to three sentences, within the schema's 500 characters. */
function summary(words: Prose, brand: string): string {
  let text = `${brand} had a problem.`;
  for (let n = 0; n < 3; n++) {
    const longer = `${text} ${words.sentence()}`;
    if (longer.length > 480) break;
    text = longer;
  }
  return text;
}

/**
 * How far past its target a body may run: it ends on a whole block (a heading of up to five
 * words, a paragraph of at least 12 words ending on a whole sentence, a link sentence), so the
 * target is drawn this far below the shape's maximum.
 */
const BODY_OVERSHOOT = 5 + 12 + SENTENCE_MAX_WORDS + 4;

/** Markdown sections of paragraphs (some bullet lists, a few links) until `target` words. */
function body(
  words: Prose,
  target: number,
  brand: string,
  int: (range: Range) => number,
  chance: (p: number) => boolean,
): string {
  const parts: string[] = [];
  let count = 0;
  // Every section of the outline, in order, each with an equal share of the words.
  for (const [index, heading] of HEADINGS.entries()) {
    const end = Math.round((target * (index + 1)) / HEADINGS.length);
    parts.push(`## ${heading}`);
    count += wordCount(heading);
    do {
      const left = end - count;
      let block: string;
      // A list is up to six whole sentences, so only where that many still fit.
      if (left >= 6 * (SENTENCE_MAX_WORDS + 1) && chance(0.15)) {
        block = Array.from({ length: int([3, 6]) }, () => `- ${words.sentence()}`).join('\n');
      } else {
        block = words.paragraph(Math.max(Math.min(left, int([40, 140])), 12));
        if (chance(0.2)) block += ` See [the ${brand} notes](https://example.com/${brand}/notes).`;
      }
      parts.push(block);
      count += wordCount(block);
    } while (count < end);
  }
  return parts.join('\n\n');
}

/** The file a generated post-mortem is written as: YAML front matter, then the body. */
export function postmortemFile({ data, body }: GeneratedPostmortem): string {
  return writePostmortemFile({ frontmatter: data as Record<string, unknown>, body });
}

/** Writes `count` generated post-mortems into `dir` as `<id>.md` (for the site benchmark). */
export function generatePostmortems(dir: string, count: number, seed = 42): GeneratedPostmortem[] {
  mkdirSync(dir, { recursive: true });
  const library = generateLibrary(count, seed);
  for (const entry of library) writeFileSync(join(dir, `${entry.id}.md`), postmortemFile(entry));
  return library;
}
