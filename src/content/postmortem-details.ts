import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { postmortemFields, type MentionBucket, type Postmortem, type TimelineEvent } from '../schema/postmortem.ts';
import {
  PAGE_ONLY_FIELDS,
  type LearningFields,
  type PageOnlyFields,
  type PostmortemSummary,
} from '../schema/postmortem-summary.ts';
import { contentDigest } from '../lib/content-digest.ts';
import type { SearchRecord } from '../lib/search-record.ts';
import { detailsDir } from './library.ts';

/**
 * The heavy part of a post-mortem, kept out of Astro's content store: its timeline, its mention
 * series and its rendered body are about 80% of an entry, and Astro holds its store several
 * times over in every page-rendering process (as JSON text, as the module it is compiled into,
 * parsed). At 10,000 realistic entries that was 4 GB of heap. So the loader stores each entry's
 * summary (src/schema/postmortem-summary.ts) in Astro's store, and writes the rest here, one
 * file per entry in Astro's cache folder, which the incident page, the open data and the search
 * index read one at a time. Written with V8's own serializer (the structured clone format): it
 * keeps the Dates, and it is several times faster than a JavaScript one at 10,000 entries. A
 * file another Node version wrote is not readable, and counts as missing: the entry is rendered
 * again.
 *
 * A file holds two serialized values, its head (`DetailsHead`, a few kB) first, after its
 * length: refilling Astro's store reads the heads alone, not the bodies and search records.
 */
export interface DetailsHead {
  /** Content digest of the file these were made from: a details file for other content is stale. */
  digest: string;
  /** The site's `base` the search record's URL was made for. */
  base: string;
  /** `codeDigest()` of the code that made these: details made by other code are stale. */
  code: string;
  /** What Astro's store gets: kept here too, so a store Astro cleared is refilled without rendering again. */
  summary: PostmortemSummary;
  /** The lessons and action items (`LEARNING_FIELDS`), which the learning loop's aggregations read with the head alone. */
  learning: LearningFields;
}

export interface PostmortemDetails extends DetailsHead {
  /** The front-matter fields only the incident's own page shows (src/schema/postmortem-summary.ts). */
  page: PageOnlyFields;
  timeline: TimelineEvent[];
  mentionSeries?: MentionBucket[] | undefined;
  /** The body as the site's Markdown processor rendered it. */
  html: string;
  /** The Pagefind record of this post-mortem (src/lib/search-record.ts). */
  record: SearchRecord;
}

/** The folder of the details files inside Astro's cache folder. */
export function detailsFolder(cacheDir: string): string {
  return join(cacheDir, 'firebreak-postmortems');
}

const fileOf = (dir: string, id: string) => join(dir, `${id}.v8`);

/** Bytes before the head: its length, little-endian. */
const HEAD_LENGTH_BYTES = 4;

/** Writes one entry's details whole or not at all (a half-written file is never read as details). */
export async function writeDetails(dir: string, id: string, details: PostmortemDetails): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileOf(dir, id);
  const partial = `${file}.${process.pid}.part`;
  const { digest, base, code, summary, learning, ...rest } = details;
  const head = serialize({ digest, base, code, summary, learning } satisfies DetailsHead);
  const length = Buffer.alloc(HEAD_LENGTH_BYTES);
  length.writeUInt32LE(head.length);
  await writeFile(partial, Buffer.concat([length, head, serialize(rest)]));
  await rename(partial, file);
}

function readAll(bytes: Buffer): PostmortemDetails {
  const headLength = bytes.readUInt32LE(0);
  const head = deserialize(bytes.subarray(HEAD_LENGTH_BYTES, HEAD_LENGTH_BYTES + headLength)) as DetailsHead;
  const rest = deserialize(bytes.subarray(HEAD_LENGTH_BYTES + headLength)) as Omit<PostmortemDetails, keyof DetailsHead>;
  return { ...head, ...rest };
}

/**
 * The code a details file depends on: the schemas, the content reader, the shared library (search
 * records, durations, the Markdown rules), the inert-Markdown integration, the Astro config and
 * Astro's version. Read once per process. (Paths from a list, so Vite does not take them for
 * assets of the pages' bundle.)
 */
const CODE_SOURCES = [
  '../schema/',
  './',
  '../lib/',
  '../integrations/inert-markdown.ts',
  '../../astro.config.mjs',
  '../../node_modules/astro/package.json',
];
let code: string | undefined;

export function codeDigest(): string {
  if (code === undefined) {
    const parts: string[] = [];
    for (const source of CODE_SOURCES) {
      const url = new URL(source, import.meta.url);
      const files = source.endsWith('/')
        ? readdirSync(url, { recursive: true, encoding: 'utf8' })
            .filter((name) => /\.(ts|mjs|astro)$/.test(name))
            .sort()
            .map((name) => new URL(name, url))
        : [url];
      for (const file of files) parts.push(file.pathname, readFileSync(file, 'utf8'));
    }
    code = contentDigest(parts.join('\0'));
  }
  return code;
}

/** The head of the details file of `id` in `dir`, undefined when there is none or it cannot be read. Reads the head only. */
async function readHead(dir: string, id: string): Promise<DetailsHead | undefined> {
  let file;
  try {
    file = await open(fileOf(dir, id));
    const length = Buffer.alloc(HEAD_LENGTH_BYTES);
    await file.read(length, 0, HEAD_LENGTH_BYTES, 0);
    const bytes = Buffer.alloc(length.readUInt32LE(0));
    const { bytesRead } = await file.read(bytes, 0, bytes.length, HEAD_LENGTH_BYTES);
    return bytesRead === bytes.length ? (deserialize(bytes) as DetailsHead) : undefined;
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}

/**
 * The head of the stored details of `id` when they were made from this content (`digest`) for
 * this `base` by this code; undefined when there are none, they are unreadable or stale.
 */
export async function storedHead(dir: string, id: string, digest: string, base: string): Promise<DetailsHead | undefined> {
  const head = await readHead(dir, id);
  return head?.digest === digest && head.base === base && head.code === codeDigest() ? head : undefined;
}

/** The lessons and action items of a stored post-mortem, for the learning loop (the loader wrote them in this build). */
export async function readLearning(id: string): Promise<LearningFields> {
  const head = await readHead(detailsDir(), id);
  if (!head) throw new Error(`the details file of post-mortem ${id} is missing or unreadable; build again`);
  return head.learning;
}

export async function removeDetails(dir: string, id: string): Promise<void> {
  await rm(fileOf(dir, id), { force: true });
}

/** The details of a stored post-mortem, for the pages (the loader wrote them in this process's build). */
export async function readDetails(id: string): Promise<PostmortemDetails> {
  return readAll(await readFile(fileOf(detailsDir(), id)));
}

/**
 * A post-mortem whole again: its summary with its page-only fields, lessons, action items,
 * timeline and mention series back in place.
 */
export function withDetails(summary: PostmortemSummary, details: PostmortemDetails): Postmortem {
  const { durations: _durations, impact, ...rest } = summary;
  const whole: Record<string, unknown> = {
    ...rest,
    ...details.learning,
    ...details.page,
    timeline: details.timeline,
    impact: { ...impact, ...(details.mentionSeries ? { mentionSeries: details.mentionSeries } : {}) },
  };
  // In the schema's order, as the schema gave them: the open data lists fields as a file's front matter is validated.
  return Object.fromEntries(FIELD_ORDER.filter((field) => field in whole).map((field) => [field, whole[field]])) as Postmortem;
}

const FIELD_ORDER = Object.keys(postmortemFields.shape);

/**
 * What a validated post-mortem's summary leaves to its details: the learning loop's fields, the
 * page-only fields, timeline and mention series.
 */
export function splitPostmortem(
  data: Postmortem,
  durations: PostmortemSummary['durations'],
): { summary: PostmortemSummary; learning: LearningFields; page: PageOnlyFields } {
  const {
    timeline: _timeline,
    impact: { mentionSeries: _series, ...impact },
    lessons,
    actionItems,
    ...fields
  } = data;
  // Only the fields the entry has: an optional one left out stays left out when the page puts it back.
  const page = Object.fromEntries(
    PAGE_ONLY_FIELDS.filter((field) => field in fields).map((field) => [field, fields[field]]),
  ) as PageOnlyFields;
  const rest = Object.fromEntries(
    Object.entries(fields).filter(([field]) => !(PAGE_ONLY_FIELDS as readonly string[]).includes(field)),
  ) as Omit<typeof fields, keyof PageOnlyFields>;
  return { summary: { ...rest, impact, durations }, learning: { lessons, actionItems }, page };
}
