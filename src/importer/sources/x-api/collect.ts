import { MentionAccumulator } from '../../model/mentions.ts';
import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import { ImportError } from '../../errors.ts';
import type { NumberedPage } from './pages.ts';
import type { ApiError, CountsPage, Tweet, User } from './schema.ts';

/**
 * Turns X API pages into a PartialIncident, page by page:
 * - the brand's posts (author username in --brand-handle) become public `statement` events, or
 *   `reply` events with `inReplyToId` = `x:<user id>` of the account replied to, so the lesson
 *   engine can count replies per person; a later version of an edited brand post (per
 *   `edit_history_tweet_ids`) is a `correction` with `correctsId` = the version it replaces;
 * - every other account's post (in `data`) is a mention (sentiment unknown) and its author a person;
 * - public_metrics of the brand's posts are summed into `engagement`.
 * Referenced posts in `includes.tweets` are context: a brand post among them is still a statement,
 * other posts there are not counted as mentions (the query did not return them).
 */

const ADAPTER = 'x-api';

interface BrandPost {
  tweet: Tweet;
  line: number;
}

const METRICS = {
  likes: 'like_count',
  reposts: 'retweet_count',
  replies: 'reply_count',
  quotes: 'quote_count',
  impressions: 'impression_count',
} as const;

export class XCollector {
  private readonly file: string;
  private readonly brandHandles: Set<string>;
  private readonly users = new Map<string, User>();
  private readonly brandPosts = new Map<string, BrandPost>();
  /** Author of every post seen, to resolve `replied_to` references without in_reply_to_user_id. */
  private readonly authors = new Map<string, string>();
  /** Edit chains already counted as mentions (keyed by the chain's first id). */
  private readonly counted = new Set<string>();
  private readonly people = new Map<string, Person>();
  private readonly mentions = new MentionAccumulator();
  /** The counts endpoint's buckets: the query's whole volume, kept apart from the posts seen. */
  private readonly countedVolume = new MentionAccumulator();
  private countBuckets = 0;
  /** Posts the API could not return, by its reason (`title`): deleted, protected, suspended. */
  private readonly unavailableBy = new Map<string, number>();
  private damaged: { line: number; problem: string } | undefined;
  private unavailable = 0;
  private unplacedContext = 0;
  private unknownAuthors = 0;
  private pages = 0;

  constructor(file: string, brandHandles: string[]) {
    this.file = file;
    this.brandHandles = new Set(brandHandles.map((h) => h.toLowerCase().replace(/^@/, '')));
  }

  add(numbered: NumberedPage): void {
    if ('damaged' in numbered) {
      this.damaged = { line: numbered.line, problem: numbered.damaged };
      return;
    }
    this.pages++;
    if ('counts' in numbered) {
      this.addCounts(numbered.counts, numbered.line);
      return;
    }
    const { line, page } = numbered;
    // Users first: a page's posts are described by the same page's includes.
    for (const user of page.includes?.users ?? []) this.users.set(user.id, user);
    const data = page.data ?? [];
    for (const tweet of [...data, ...(page.includes?.tweets ?? [])]) {
      if (tweet.author_id) this.authors.set(tweet.id, tweet.author_id);
    }
    data.forEach((tweet, i) => this.addResult(tweet, line, `data[${i}]`));
    page.includes?.tweets?.forEach((tweet, i) => {
      if (!this.isBrand(tweet.author_id)) return;
      if (tweet.created_at === undefined) this.unplacedContext++;
      else {
        this.placed(tweet, `line ${line}, includes.tweets[${i}] (post ${tweet.id})`);
        this.addBrandPost(tweet, line);
      }
    });
    for (const error of page.errors ?? []) this.addError(error);
  }

  /** An entry of `errors`: a post the API could not return becomes a note, never a silent gap. */
  private addError(error: ApiError): void {
    if (error.resource_type !== undefined && error.resource_type !== 'tweet') return;
    this.unavailable++;
    const reason = error.title ?? 'unknown reason';
    this.unavailableBy.set(reason, (this.unavailableBy.get(reason) ?? 0) + 1);
  }

  /** Hourly (or finer) post counts: the mention series. Coarser buckets cannot be placed in hours. */
  private addCounts(page: CountsPage, line: number): void {
    page.data.forEach((bucket, i) => {
      const start = new Date(bucket.start);
      const length = new Date(bucket.end).getTime() - start.getTime();
      if (length > 3_600_000) {
        throw new ImportError(
          this.file,
          `a count bucket of ${Math.round(length / 3_600_000)} hours; expected hourly or per-minute counts (the mention series is hourly): request the counts with granularity=hour`,
          `line ${line}, data[${i}]`,
        );
      }
      this.countBuckets++;
      this.countedVolume.add({ at: start, count: bucket.tweet_count, source: 'x' });
    });
  }

  private isBrand(userId: string | undefined): boolean {
    if (userId === undefined) return false;
    const user = this.users.get(userId);
    return user !== undefined && this.brandHandles.has(user.username.toLowerCase());
  }

  private addResult(tweet: Tweet, line: number, path: string): void {
    const where = `line ${line}, ${path} (post ${tweet.id})`;
    if (tweet.author_id === undefined) {
      throw new ImportError(
        this.file,
        'a post without author_id; expected the collection to request tweet.fields=author_id (twarc2 does by default)',
        where,
      );
    }
    const at = this.placed(tweet, where);
    if (this.isBrand(tweet.author_id)) {
      this.addBrandPost(tweet, line);
      return;
    }
    // One mention per edit chain: every version of an edited post may be in the collection.
    const chain = tweet.edit_history_tweet_ids?.[0] ?? tweet.id;
    if (this.counted.has(chain)) return;
    this.counted.add(chain);
    const user = this.users.get(tweet.author_id);
    if (!user) this.unknownAuthors++;
    this.mentions.add({ at, source: 'x', author: user?.username, reach: tweet.public_metrics?.impression_count });
    this.person(tweet.author_id, 'public');
  }

  /** The post's time, or an ImportError: a post we cannot place would be silently out of the timeline. */
  private placed(tweet: Tweet, where: string): Date {
    if (tweet.created_at === undefined) {
      throw new ImportError(
        this.file,
        'a post without created_at; expected the collection to request tweet.fields=created_at (twarc2 does by default)',
        where,
      );
    }
    const at = new Date(tweet.created_at);
    if (Number.isNaN(at.getTime())) {
      throw new ImportError(
        this.file,
        `created_at ${JSON.stringify(tweet.created_at)} is not a date; expected ISO 8601 as the API writes it`,
        where,
      );
    }
    return at;
  }

  private addBrandPost(tweet: Tweet, line: number): void {
    const seen = this.brandPosts.get(tweet.id);
    if (!seen) {
      this.brandPosts.set(tweet.id, { tweet, line });
      return;
    }
    // The same post in several pages: keep the sighting with metrics, the highest figures.
    if (
      !seen.tweet.public_metrics ||
      (tweet.public_metrics && (tweet.public_metrics.like_count ?? 0) > (seen.tweet.public_metrics.like_count ?? 0))
    ) {
      this.brandPosts.set(tweet.id, { tweet, line: seen.line });
    }
  }

  private person(userId: string, role: Person['role']): string {
    const id = `x:${userId}`;
    if (!this.people.has(id)) {
      const person: Person = { id, role };
      const user = this.users.get(userId);
      if (user) {
        person.handle = user.username;
        if (user.name !== undefined) person.name = user.name;
        if (user.verified !== undefined) person.verified = user.verified;
        if (user.public_metrics?.followers_count !== undefined) person.followers = user.public_metrics.followers_count;
      }
      this.people.set(id, person);
    }
    return id;
  }

  /** The account a brand post replies to: in_reply_to_user_id, else the author of the replied_to post. */
  private repliedTo(tweet: Tweet): string | undefined {
    if (tweet.in_reply_to_user_id) return tweet.in_reply_to_user_id;
    const ref = tweet.referenced_tweets?.find((r) => r.type === 'replied_to');
    return ref ? (this.authors.get(ref.id) ?? '') : undefined;
  }

  private brandEvent({ tweet, line }: BrandPost): IncidentEvent {
    const authorId = tweet.author_id!;
    const username = this.users.get(authorId)!.username;
    const event: IncidentEvent = {
      at: new Date(tweet.created_at!),
      kind: 'statement',
      text: tweet.text,
      link: `https://x.com/${username}/status/${tweet.id}`,
      actor: 'brand',
      actorId: this.person(authorId, 'brand'),
      visibility: 'public',
      platform: 'x',
      sourceId: tweet.id,
      evidence: { adapter: ADAPTER, file: this.file, ref: `line ${line}, post ${tweet.id}` },
    };
    const history = tweet.edit_history_tweet_ids ?? [tweet.id];
    const version = history.indexOf(tweet.id);
    if (history.length > 1) event.signals = { edited: true };
    if (version > 0) {
      event.kind = 'correction';
      event.correctsId = history[version - 1]!;
      return event;
    }
    const target = this.repliedTo(tweet);
    // A reply to the brand's own post is a thread continuing a statement, not a reply to someone.
    if (target !== undefined && !(target !== '' && this.isBrand(target))) {
      event.kind = 'reply';
      if (target !== '') event.inReplyToId = this.person(target, 'public');
    }
    return event;
  }

  result(): PartialIncident {
    const posts = [...this.brandPosts.values()].sort((a, b) => a.tweet.created_at!.localeCompare(b.tweet.created_at!));
    const events = posts.map((post) => this.brandEvent(post));
    events.sort((a, b) => a.at.getTime() - b.at.getTime());

    const engagement: Record<string, number> = {};
    for (const { tweet } of posts) {
      for (const [name, field] of Object.entries(METRICS)) {
        const value = tweet.public_metrics?.[field];
        if (value !== undefined) engagement[name] = (engagement[name] ?? 0) + value;
      }
    }

    const notes: string[] = [];
    if (this.brandHandles.size === 0)
      notes.push('No --brand-handle given: every post is counted as a public mention and none as a brand statement.');
    else if (posts.length === 0)
      notes.push(`No posts by ${[...this.brandHandles].map((h) => `@${h}`).join(', ')} in this export.`);
    if (this.unavailable > 0) {
      const reasons = [...this.unavailableBy]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([reason, n]) => `${n} ${reason}`)
        .join(', ');
      notes.push(
        `X API: ${this.unavailable} post(s) were unavailable to the API (deleted, protected or suspended: ${reasons}); they are not in the timeline or the counts.`,
      );
    }
    if (this.damaged) {
      notes.push(
        `X API: the last line (${this.file}:${this.damaged.line}) is damaged (${this.damaged.problem}; an interrupted capture?) and was skipped; the ${this.pages} page(s) before it were read.`,
      );
    }
    const counted = this.countedVolume.count > 0 || this.countBuckets > 0;
    if (counted && this.mentions.count > 0) {
      notes.push(
        `X API: the file has both posts and counts; the mention series comes from the counts (${this.countedVolume.count} posts in ${this.countBuckets} buckets), the posts only give the brand's statements and replies.`,
      );
    } else if (counted) {
      notes.push(
        `X API: mention volume from the counts endpoint: ${this.countedVolume.count} posts in ${this.countBuckets} buckets; counts carry no sentiment and no authors.`,
      );
    }
    if (this.unplacedContext > 0)
      notes.push(`${this.unplacedContext} brand post(s) among referenced posts had no created_at and were left out.`);
    if (this.unknownAuthors > 0)
      notes.push(
        `${this.unknownAuthors} post(s) by accounts missing from includes.users: counted, but without handle or followers.`,
      );
    if (this.pages === 0) notes.push('The export has no API pages.');

    const mentions = counted ? this.countedVolume.summary() : this.mentions.summary();
    const result: PartialIncident = {
      adapter: ADAPTER,
      file: this.file,
      platforms: ['x'],
      events,
      people: [...this.people.values()],
      mentions,
      notes,
    };
    if (Object.keys(engagement).length > 0) result.engagement = engagement;
    const firsts = [mentions.first, events[0]?.at].filter((d): d is Date => d !== undefined);
    if (firsts.length > 0) result.started = new Date(Math.min(...firsts.map((d) => d.getTime())));
    return result;
  }
}
