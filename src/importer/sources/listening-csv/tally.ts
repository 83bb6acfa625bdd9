import { MentionAccumulator } from '../../model/mentions.ts';
import type { Platform } from '../../../schema/taxonomy.ts';
import type { MentionRow, Snapshot } from './mention-row.ts';
import { TopK } from './top-k.ts';

/**
 * The accumulate step of the mentions reader: every mention row goes into counters, and only a
 * bounded number of candidate events is kept, so memory does not grow with the file.
 */

/** Candidate events kept per list. */
const CANDIDATES = 5;
const MEDIA_EVENTS = 10;
const BRAND_EVENTS = 200;

export class MentionTally {
  readonly counts = new MentionAccumulator();
  /** Mentions per platform (brand posts included). */
  readonly platforms = new Map<Platform, number>();
  /** The earliest public mention. */
  first: Snapshot | undefined;
  readonly negative = new TopK<Snapshot>(CANDIDATES);
  readonly engaged = new TopK<Snapshot>(CANDIDATES);
  readonly media = new TopK<Snapshot>(MEDIA_EVENTS);
  /** The brand's own posts, earliest first. */
  readonly brandPosts = new TopK<Snapshot>(BRAND_EVENTS);
  readonly #brand: ReadonlySet<string>;

  /** `brand`: the brand's handles, lowercased, without @. */
  constructor(brand: ReadonlySet<string>) {
    this.#brand = brand;
  }

  add(row: MentionRow): void {
    this.platforms.set(row.platform, (this.platforms.get(row.platform) ?? 0) + 1);
    if (row.author !== undefined && this.#brand.has(row.author.toLowerCase())) {
      // The brand's own posts are its statements, not public mentions of it.
      this.brandPosts.offer(-row.at.getTime(), row.snapshot);
      return;
    }
    this.counts.add({ at: row.at, sentiment: row.sentiment, reach: row.reach, source: row.source, author: row.author });
    if (!this.first || row.at < this.first.at) this.first = row.snapshot();
    const score = row.engagement + (row.reach ?? 0) / 1e9;
    if (row.sentiment === 'negative') this.negative.offer(score, row.snapshot);
    this.engaged.offer(score, row.snapshot);
    if (row.news) this.media.offer(-row.at.getTime(), row.snapshot);
  }
}
