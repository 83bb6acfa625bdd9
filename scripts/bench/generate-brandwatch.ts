import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * Writes a synthetic Brandwatch "Bulk Mentions Download" CSV of any size, for the importer's
 * benchmark and large-input tests: UTF-8 with BOM, every field quoted, `"Label:","value"`
 * preamble rows and a blank row, `Date` as `YYYY-MM-DD HH:MM:SS.0` without zone, an embedded
 * line break and doubled quotes every so often, and a crisis-shaped volume curve (a slow start,
 * a peak some hours in, a long tail). Content is invented and deterministic (seeded).
 *
 * Usage: node scripts/bench/generate-brandwatch.ts <out.csv> <rows> [--old-headers]
 */

export interface GenerateOptions {
  /** First mention (default 2025-03-01T08:00:00Z). */
  start?: Date;
  /** Hours the mentions spread over (default 72). */
  hours?: number;
  /** Use the pre-2023 `Twitter …` column names instead of `X …`. */
  oldHeaders?: boolean;
  /** Seed for the pseudo-random content (default 1). */
  seed?: number;
}

const COLUMNS = (old: boolean) => [
  'Query Id',
  'Query Name',
  'Date',
  'Mention Id',
  'Resource Id',
  'Url',
  'Domain',
  'Page Type',
  'Language',
  'Sentiment',
  'Title',
  'Snippet',
  'Full Text',
  'Author',
  'Full Name',
  'Thread Entry Type',
  'Likes',
  'Comments',
  'Shares',
  'Impressions',
  'Reach (new)',
  old ? 'Twitter Followers' : 'X Followers',
  old ? 'Twitter Retweets' : 'X Reposts',
  old ? 'Twitter Replies' : 'X Replies',
  old ? 'Twitter Verified' : 'X Verified',
  'Added',
];

const SITES: [string, string][] = [
  ['x', 'x.com'],
  ['x', 'x.com'],
  ['x', 'x.com'],
  ['x', 'x.com'],
  ['reddit', 'reddit.com'],
  ['news', 'news.example.com'],
  ['facebook', 'facebook.com'],
  ['instagram', 'instagram.com'],
  ['blog', 'blog.example.org'],
  ['forum', 'forum.example.net'],
];
const SENTIMENTS = ['negative', 'negative', 'negative', 'neutral', 'neutral', 'positive'];
const PHRASES = [
  'my ExampleBrand kettle is leaking again',
  'anyone else seeing this? the base got really hot',
  'ExampleBrand support has not answered in two days',
  'recall when?? this is dangerous',
  'mine works fine, not sure what the fuss is about',
  'the statement says "no known injuries" - really?',
  'cancelled my order after reading this thread',
];

/** A small, fast, seeded generator (mulberry32): the same file for the same options. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;

/** `2025-03-01 14:02:11.0`, Brandwatch's zone-less date. */
function brandwatchDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}.0`;
}

/** Writes `rows` mention rows to `path` (streamed, bounded memory); resolves when the file is closed. */
export async function generateBrandwatchCsv(path: string, rows: number, options: GenerateOptions = {}): Promise<void> {
  const start = (options.start ?? new Date('2025-03-01T08:00:00Z')).getTime();
  const spanMs = (options.hours ?? 72) * 3_600_000;
  const rand = random(options.seed ?? 1);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };

  await write(
    '\uFEFF' +
      [
        ['Report:', 'Bulk Mentions Download'],
        ['Brand:', 'Example Brand - Crisis'],
        ['From:', new Date(start).toUTCString()],
        ['To:', new Date(start + spanMs).toUTCString()],
        ['Label:', 'Synthetic benchmark'],
      ]
        .map((cells) => cells.map(quote).join(','))
        .join('\n') +
      '\n\n' +
      COLUMNS(options.oldHeaders ?? false)
        .map(quote)
        .join(',') +
      '\n',
  );

  const BATCH = 2_000;
  let batch = '';
  for (let i = 0; i < rows; i++) {
    // Crisis curve: squaring a uniform draw bunches mentions early; the shift puts the peak a few hours in.
    const u = rand();
    const offset = Math.min(spanMs - 1, Math.floor((u * u * 0.9 + 0.1 * rand()) * spanMs));
    const [pageType, domain] = SITES[Math.floor(rand() * SITES.length)]!;
    const sentiment = SENTIMENTS[Math.floor(rand() * SENTIMENTS.length)]!;
    const user = `user${Math.floor(rand() * 200_000)}`;
    let text = PHRASES[Math.floor(rand() * PHRASES.length)]!;
    // Every 50th mention spans two lines, as real comments and articles do.
    if (i % 50 === 0) text += '\nsecond line, with a comma';
    const likes = Math.floor(rand() * rand() * 500);
    const shares = Math.floor(rand() * rand() * 100);
    const replies = Math.floor(rand() * 20);
    const followers = Math.floor(rand() * rand() * rand() * 1_000_000);
    const id = 41_000_000_000 + i;
    const url = pageType === 'news' ? `https://${domain}/story/${id}` : `https://${domain}/${user}/status/${id}`;
    batch +=
      [
        2000000001,
        'Example Brand - Crisis',
        brandwatchDate(start + offset),
        id,
        `r${id}`,
        url,
        domain,
        pageType,
        'en',
        sentiment,
        pageType === 'news' ? 'ExampleBrand faces kettle questions' : '',
        text.slice(0, 40),
        text,
        user,
        `User ${user.slice(4)}`,
        'post',
        likes,
        replies,
        shares,
        followers * 3,
        followers,
        followers,
        shares,
        replies,
        followers > 500_000 ? 'true' : 'false',
        new Date(start + offset + 60_000).toISOString(),
      ]
        .map(quote)
        .join(',') + '\n';
    if ((i + 1) % BATCH === 0) {
      await write(batch);
      batch = '';
    }
  }
  if (batch) await write(batch);
  out.end();
  await once(out, 'close');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, rowsText] = process.argv.slice(2);
  const rows = Number(rowsText);
  if (!path || !Number.isInteger(rows) || rows < 0) {
    console.error('usage: node scripts/bench/generate-brandwatch.ts <out.csv> <rows> [--old-headers]');
    process.exit(2);
  }
  const started = performance.now();
  await generateBrandwatchCsv(path, rows, { oldHeaders: process.argv.includes('--old-headers') });
  console.log(`${rows} rows → ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
