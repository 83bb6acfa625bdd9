import type { MentionBucket, MentionSummary } from './incident.ts';

/**
 * Streaming mention statistics: adapters feed mentions one at a time and only counters are kept,
 * so a million-row listening export costs a few kilobytes here, not a million objects.
 * Pure (no I/O), shared by the listening-CSV and X adapters and their tests.
 */

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface MentionInput {
  at: Date;
  /** Undefined when the export gives none: bucketed as neutral, left out of the negative share. */
  sentiment?: Sentiment | undefined;
  /** Reach, impressions or followers figure the export gives for this mention. */
  reach?: number | undefined;
  /** Site, platform or domain the mention came from. */
  source?: string | undefined;
  /** Author handle or name; only counted (bounded), never listed in the summary. */
  author?: string | undefined;
  /**
   * How many mentions this stands for (default 1): a platform's own count of posts in a time
   * bucket (the X counts endpoint) adds the whole bucket at once.
   */
  count?: number | undefined;
}

const HOUR_MS = 3_600_000;

/**
 * Longest span `summary()` fills hour by hour (about 11 years). Past it only the hours with
 * mentions are listed: one post dated in year 1 would otherwise ask for 17 million empty hours
 * before the incident window (analysis/window.ts) could keep the few the page needs.
 */
export const GAP_FILL_MAX_HOURS = 100_000;

/** Distinct sources (or authors) counted exactly before the long tail is pruned. */
export const DEFAULT_COUNTER_CAPACITY = 2_000;

/**
 * Counts keys with bounded memory. While there are at most `capacity` distinct keys the counts
 * are exact; beyond that the least-counted half is dropped, so heavy hitters survive and their
 * counts become lower bounds (`approximate` says so). Pruning sorts, but only once every
 * capacity/2 new keys, so the cost per key stays constant.
 */
export class BoundedCounter {
  readonly capacity: number;
  private readonly counts = new Map<string, number>();
  private pruned = false;

  constructor(capacity = DEFAULT_COUNTER_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError('capacity must be an integer ≥ 2');
    this.capacity = capacity;
  }

  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
    if (this.counts.size > this.capacity) this.prune();
  }

  /** True once keys were dropped: counts are then lower bounds. */
  get approximate(): boolean {
    return this.pruned;
  }

  /** The `n` most counted keys, most first (ties by name, so results are stable). */
  top(n: number): { name: string; count: number }[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map(([name, count]) => ({ name, count }));
  }

  private prune(): void {
    const keep = this.top(Math.floor(this.capacity / 2));
    this.counts.clear();
    for (const { name, count } of keep) this.counts.set(name, count);
    this.pruned = true;
  }
}

export interface MentionAccumulatorOptions {
  /** How many sources the summary lists (default 10). */
  topSources?: number;
  /** Distinct sources counted exactly before pruning (default 2,000). */
  counterCapacity?: number;
}

/** Hourly counters: [positive, neutral (incl. unrated), negative, unrated, reach, earliest ms]. */
type Counts = [number, number, number, number, number, number];

export class MentionAccumulator {
  private readonly hours = new Map<number, Counts>();
  private readonly sources: BoundedCounter;
  private readonly authors: BoundedCounter;
  private readonly topSourceCount: number;
  private total = 0;
  private rated = 0;
  private negative = 0;
  private reach = 0;
  private reachSeen = false;
  private firstMs = Infinity;
  private lastMs = -Infinity;

  constructor(options: MentionAccumulatorOptions = {}) {
    this.topSourceCount = options.topSources ?? 10;
    this.sources = new BoundedCounter(options.counterCapacity);
    this.authors = new BoundedCounter(options.counterCapacity);
  }

  add(mention: MentionInput): void {
    const ms = mention.at.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('mention date is invalid');
    const n = mention.count ?? 1;
    if (!Number.isInteger(n) || n < 0) throw new RangeError('mention count must be a whole number ≥ 0');
    // An empty bucket says nothing happened: it neither starts the series nor counts.
    if (n === 0) return;
    const hour = Math.floor(ms / HOUR_MS) * HOUR_MS;
    let counts = this.hours.get(hour);
    if (counts === undefined) {
      counts = [0, 0, 0, 0, 0, ms];
      this.hours.set(hour, counts);
    }
    switch (mention.sentiment) {
      case 'positive':
        counts[0] += n;
        this.rated += n;
        break;
      case 'negative':
        counts[2] += n;
        this.rated += n;
        this.negative += n;
        break;
      case 'neutral':
        counts[1] += n;
        this.rated += n;
        break;
      default:
        counts[1] += n;
        counts[3] += n;
    }
    this.total += n;
    if (ms < counts[5]) counts[5] = ms;
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
    if (mention.reach !== undefined && Number.isFinite(mention.reach)) {
      this.reach += mention.reach;
      counts[4] += mention.reach;
      this.reachSeen = true;
    }
    if (mention.source) this.sources.add(mention.source, n);
    if (mention.author) this.authors.add(mention.author, n);
  }

  /** Mentions added so far. */
  get count(): number {
    return this.total;
  }

  /**
   * Hours from the first to the last mention's hour, inclusive: the length of the gap-free
   * series `summary()` would build. Adapters check it first, because one mistyped year would
   * otherwise make a series of hundreds of thousands of empty hours.
   */
  get spanHours(): number {
    if (this.total === 0) return 0;
    return Math.floor(this.lastMs / HOUR_MS) - Math.floor(this.firstMs / HOUR_MS) + 1;
  }

  /** The earliest and latest mention, if any. */
  get range(): { first: Date; last: Date } | undefined {
    return this.total === 0 ? undefined : { first: new Date(this.firstMs), last: new Date(this.lastMs) };
  }

  /** True when more distinct sources were seen than counted exactly. */
  get sourcesApproximate(): boolean {
    return this.sources.approximate;
  }

  /** The most active authors, for notes; bounded like sources. */
  topAuthors(n: number): { name: string; count: number }[] {
    return this.authors.top(n);
  }

  /** Every hour from the first to the last mention, or only those with mentions past GAP_FILL_MAX_HOURS. */
  private *seriesHours(): Generator<number> {
    if (this.spanHours > GAP_FILL_MAX_HOURS) {
      yield* [...this.hours.keys()].sort((a, b) => a - b);
      return;
    }
    const end = Math.floor(this.lastMs / HOUR_MS) * HOUR_MS;
    for (let hour = Math.floor(this.firstMs / HOUR_MS) * HOUR_MS; hour <= end; hour += HOUR_MS) yield hour;
  }

  summary(): MentionSummary {
    const series: MentionBucket[] = [];
    let peakHour: Date | undefined;
    let peakCount = 0;
    if (this.total > 0) {
      for (const hour of this.seriesHours()) {
        const [positive, neutral, negative, unrated, reach, earliest] = this.hours.get(hour) ?? [0, 0, 0, 0, 0, 0];
        const count = positive + neutral + negative;
        // Strictly greater: on a tie the earlier hour is the peak.
        if (count > peakCount) {
          peakCount = count;
          peakHour = new Date(hour);
        }
        const bucket: MentionBucket = { at: new Date(hour), positive, neutral, negative };
        if (count > 0) bucket.first = new Date(earliest);
        if (unrated > 0) bucket.unrated = unrated;
        if (this.reachSeen) bucket.reach = reach;
        series.push(bucket);
      }
    }
    const summary: MentionSummary = {
      series,
      total: this.total,
      peakCount,
      topSources: this.sources.top(this.topSourceCount),
    };
    if (this.total > 0) summary.first = new Date(this.firstMs);
    if (peakHour) summary.peakHour = peakHour;
    if (this.rated > 0) summary.negativeShare = this.negative / this.rated;
    if (this.reachSeen) summary.totalReach = this.reach;
    return summary;
  }
}
