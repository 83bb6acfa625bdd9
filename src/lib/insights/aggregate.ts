import { ACTION_AGE_GROUP_DAYS } from '../../schema/deadlines.ts';
import { SEVERITIES, type Severity } from '../../schema/severity.ts';
import {
  CRISIS_TYPES,
  PLATFORMS,
  SCCT_CLUSTERS,
  type CrisisType,
  type Platform,
  type ScctCluster,
} from '../../schema/taxonomy.ts';
import { openActions } from './actions.ts';
import { countsInInsights, type InsightEntry, type InsightScope } from './entry.ts';
import { median } from './median.ts';
import { quarterOf, quartersBetween, type Quarter } from './quarters.ts';

/** The three durations the team's response is judged by, in the order a crisis runs. */
export const TREND_MEASURES = ['toDetect', 'toFirstResponse', 'toResolve'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface QuarterRow {
  quarter: Quarter;
  /** Incidents that started in the quarter, by crisis type (types with none are absent). */
  byType: Partial<Record<CrisisType, number>>;
  total: number;
  /** Median minutes per measure; absent when no incident of the quarter has that duration. */
  medians: Partial<Record<TrendMeasure, number>>;
  /** How many incidents each median rests on. */
  counts: Record<TrendMeasure, number>;
}

export interface Tally<K> {
  key: K;
  count: number;
}

/** One age group of open action items, e.g. 31–90 days. */
export interface AgeGroup {
  /** Youngest age in the group, in days. */
  from: number;
  /** Oldest age in the group; absent for the last, open-ended group. */
  to?: number;
  label: string;
}

export interface Insights {
  /** Entries counted (drafts never; examples unless left out). */
  counted: number;
  /** Of those, fictional examples. */
  examples: number;
  /** Every quarter from the first incident to the last, empty ones included. */
  quarters: QuarterRow[];
  /** Crisis types that occur, in vocabulary order (the legend of the quarter chart). */
  crisisTypes: CrisisType[];
  /** Incidents per platform, most first (an incident counts once for each platform it played out on). */
  byPlatform: Tally<Platform>[];
  bySeverity: Tally<Severity>[];
  byScct: Tally<ScctCluster>[];
  /** Method steps by the number of lessons that cite them, most cited first; steps never cited are left out. */
  stepCitations: Tally<number>[];
  /** Open action items by owner role and age group, the role with most open items first. */
  openActions: {
    groups: AgeGroup[];
    byOwner: { ownerRole: string; perGroup: number[]; total: number }[];
    total: number;
  };
}

const OLDEST = ACTION_AGE_GROUP_DAYS[ACTION_AGE_GROUP_DAYS.length - 1]!;

/** The age groups of `ACTION_AGE_GROUP_DAYS`, with the open-ended last one. */
export const AGE_GROUPS: readonly AgeGroup[] = [
  ...ACTION_AGE_GROUP_DAYS.map((to, i) => {
    const from = i === 0 ? 0 : ACTION_AGE_GROUP_DAYS[i - 1]! + 1;
    return { from, to, label: `${from}–${to} days` };
  }),
  { from: OLDEST + 1, label: `over ${OLDEST} days` },
];

function ageGroupIndex(ageDays: number): number {
  const index = ACTION_AGE_GROUP_DAYS.findIndex((to) => ageDays <= to);
  return index === -1 ? ACTION_AGE_GROUP_DAYS.length : index;
}

function tallies<K extends string | number>(keys: readonly K[], counts: Map<K, number>, keepZero: boolean): Tally<K>[] {
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 })).filter((t) => keepZero || t.count > 0);
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Everything the insights page shows, in one pass over the entries (plus sorting each quarter's
 * durations for its medians), so it stays cheap at 10,000 post-mortems. Durations are the ones
 * already computed for each entry; `today` dates the age of open action items.
 */
export function buildInsights(entries: readonly InsightEntry[], today: Date, scope: InsightScope): Insights {
  const perQuarter = new Map<string, { quarter: Quarter; byType: Map<CrisisType, number>; values: number[][] }>();
  const platforms = new Map<Platform, number>();
  const severities = new Map<Severity, number>();
  const clusters = new Map<ScctCluster, number>();
  const steps = new Map<number, number>();
  let counted = 0;
  let examples = 0;
  let first: Quarter | undefined;
  let last: Quarter | undefined;

  for (const { data, durations } of entries) {
    if (!countsInInsights(data, scope)) continue;
    counted++;
    if (data.example) examples++;
    const quarter = quarterOf(data.started);
    let row = perQuarter.get(quarter.key);
    if (!row) {
      row = { quarter, byType: new Map(), values: TREND_MEASURES.map(() => []) };
      perQuarter.set(quarter.key, row);
      if (!first || quarter.key < first.key) first = quarter;
      if (!last || quarter.key > last.key) last = quarter;
    }
    bump(row.byType, data.crisisType);
    TREND_MEASURES.forEach((measure, i) => {
      const value = durations[measure];
      if (value !== undefined) row.values[i]!.push(value);
    });
    for (const platform of new Set(data.platforms)) bump(platforms, platform);
    bump(severities, data.severity as Severity);
    bump(clusters, data.scct);
    for (const lesson of data.lessons) if (lesson.step !== undefined) bump(steps, lesson.step);
  }

  const quarters: QuarterRow[] =
    first && last
      ? quartersBetween(first, last).map((quarter) => {
          const row = perQuarter.get(quarter.key);
          const byType: Partial<Record<CrisisType, number>> = row ? Object.fromEntries(row.byType) : {};
          const medians: Partial<Record<TrendMeasure, number>> = {};
          const counts = {} as Record<TrendMeasure, number>;
          TREND_MEASURES.forEach((measure, i) => {
            const values = row?.values[i] ?? [];
            counts[measure] = values.length;
            const middle = median(values);
            if (middle !== undefined) medians[measure] = middle;
          });
          return { quarter, byType, total: row ? sum(row.byType) : 0, medians, counts };
        })
      : [];

  const owners = new Map<string, number[]>();
  const open = openActions(entries, today, scope);
  for (const action of open) {
    const perGroup = owners.get(action.ownerRole) ?? AGE_GROUPS.map(() => 0);
    perGroup[ageGroupIndex(action.ageDays)]!++;
    owners.set(action.ownerRole, perGroup);
  }

  return {
    counted,
    examples,
    quarters,
    crisisTypes: CRISIS_TYPES.filter((type) => quarters.some((q) => q.byType[type])),
    byPlatform: tallies(PLATFORMS, platforms, false).sort((a, b) => b.count - a.count),
    bySeverity: tallies(SEVERITIES, severities, true),
    byScct: tallies(SCCT_CLUSTERS, clusters, true),
    stepCitations: [...steps]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key - b.key),
    openActions: {
      groups: [...AGE_GROUPS],
      byOwner: [...owners]
        .map(([ownerRole, perGroup]) => ({ ownerRole, perGroup, total: perGroup.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.total - a.total || a.ownerRole.localeCompare(b.ownerRole)),
      total: open.length,
    },
  };
}

function sum(counts: Map<unknown, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}
