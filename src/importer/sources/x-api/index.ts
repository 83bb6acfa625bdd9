import { ImportError } from '../../errors.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../types.ts';
import { XCollector } from './collect.ts';
import { DEFAULT_PAGE_LIMITS, documentPage, isPrettyPrinted, jsonLinePages, type PageLimits } from './pages.ts';

/**
 * X (Twitter) API v2 responses: twarc2 JSON Lines (one response page per line, with `data`,
 * `includes`, `meta`, `__twarc`) or a single raw API response (one JSON object, possibly
 * pretty-printed): post lookups and searches, and the counts endpoint
 * (`/2/tweets/counts/recent|all`, whose buckets are the mention series). See x-api/collect.ts
 * for what becomes events, mentions, people and engagement.
 */

/** A tweet object's own fields, as opposed to other JSON tools' exports. */
const TWEET_FIELD = /"(author_id|edit_history_tweet_ids|conversation_id|referenced_tweets)"\s*:/;

/** Content-based: a JSON object with an X API page's keys and tweet fields (head only). */
function detect(input: ExportInput): boolean {
  if (input.kind !== 'file') return false;
  const text = input.head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text.startsWith('{')) return false;
  if (/"__twarc"\s*:/.test(text)) return true;
  // The counts endpoint: buckets of post counts instead of posts.
  if (/"data"\s*:/.test(text) && /"tweet_count"\s*:/.test(text)) return true;
  // A response whose posts could not all be returned: the API's own problem types.
  if (/"https:\/\/api\.(?:twitter|x)\.com\/2\/problems\//.test(text)) return true;
  return /"data"\s*:/.test(text) && TWEET_FIELD.test(text);
}

/** The adapter's read with adjustable limits (tests lower the line cap). */
export async function readXApi(input: ExportInput, options: AdapterOptions, limits: PageLimits = DEFAULT_PAGE_LIMITS) {
  const file = input.path;
  if (input.kind !== 'file') throw new ImportError(file, 'expected an X API JSON or JSON Lines file, got a folder');
  const collector = new XCollector(file, options.brandHandles);
  const onBytes = (n: number) => options.onProgress?.(n, input.size);
  if (isPrettyPrinted(input.head)) {
    collector.add(await documentPage(file, input.open(), limits, onBytes));
  } else {
    const stream = input.open();
    try {
      for await (const page of jsonLinePages(file, stream, limits, onBytes)) collector.add(page);
    } finally {
      stream.destroy();
    }
  }
  return collector.result();
}

export const xApiAdapter: Adapter = {
  name: 'x-api',
  label: 'X API v2 responses (twarc2 JSON Lines or a raw API response)',
  detect,
  read: (input, options) => readXApi(input, options),
};
