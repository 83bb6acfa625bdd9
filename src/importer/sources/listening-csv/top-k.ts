/**
 * The k highest-scoring items of a stream, in O(k) memory: how the listening adapter keeps
 * candidate events (most engaged, most negative, earliest news pickups) without keeping rows.
 */
export class TopK<T> {
  readonly k: number;
  /** Sorted by score, highest first. */
  private readonly items: { score: number; item: T }[] = [];
  /** Items offered, kept or not. */
  seen = 0;

  constructor(k: number) {
    this.k = k;
  }

  /** Offers an item; `make` runs only when it gets in, so callers build snapshots lazily. */
  offer(score: number, make: () => T): void {
    this.seen++;
    if (!Number.isFinite(score)) return;
    if (this.items.length === this.k && score <= this.items[this.items.length - 1]!.score) return;
    let i = this.items.length;
    // Equal scores keep arrival order: the first one offered ranks higher.
    while (i > 0 && this.items[i - 1]!.score < score) i--;
    this.items.splice(i, 0, { score, item: make() });
    if (this.items.length > this.k) this.items.pop();
  }

  values(): T[] {
    return this.items.map((e) => e.item);
  }
}
