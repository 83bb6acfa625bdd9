import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MentionBucket, Postmortem, TimelineEvent } from '../schema/postmortem.ts';
import type { PostmortemSummary } from '../schema/postmortem-summary.ts';
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
 */
export interface PostmortemDetails {
  /** Content digest of the file these were made from: a details file for other content is stale. */
  digest: string;
  /** The site's `base` the search record's URL was made for. */
  base: string;
  /** `codeDigest()` of the code that made these: details made by other code are stale. */
  code: string;
  /** What Astro's store gets: kept here too, so a store Astro cleared is refilled without reading the file again. */
  summary: PostmortemSummary;
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

/** Writes one entry's details whole or not at all (a half-written file is never read as details). */
export async function writeDetails(dir: string, id: string, details: PostmortemDetails): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileOf(dir, id);
  const partial = `${file}.${process.pid}.part`;
  await writeFile(partial, serialize(details));
  await rename(partial, file);
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

/**
 * The stored details of `id` made from this content (`digest`) for this `base` by this code, or
 * undefined when there are none, they are unreadable or stale.
 */
export async function storedDetails(
  dir: string,
  id: string,
  digest: string,
  base: string,
): Promise<PostmortemDetails | undefined> {
  try {
    const details = deserialize(await readFile(fileOf(dir, id))) as PostmortemDetails;
    return details.digest === digest && details.base === base && details.code === codeDigest() ? details : undefined;
  } catch {
    return undefined;
  }
}

export async function removeDetails(dir: string, id: string): Promise<void> {
  await rm(fileOf(dir, id), { force: true });
}

/** The details of a stored post-mortem, for the pages (the loader wrote them in this process's build). */
export async function readDetails(id: string): Promise<PostmortemDetails> {
  return deserialize(await readFile(fileOf(detailsDir(), id))) as PostmortemDetails;
}

/** A post-mortem whole again: its summary with its timeline and mention series back in place. */
export function withDetails(summary: PostmortemSummary, details: PostmortemDetails): Postmortem {
  const { durations: _durations, impact, ...rest } = summary;
  return {
    ...rest,
    timeline: details.timeline,
    impact: { ...impact, ...(details.mentionSeries ? { mentionSeries: details.mentionSeries } : {}) },
  };
}

/** The summary of a validated post-mortem: all but its timeline and mention series, with its durations. */
export function summaryOf(data: Postmortem, durations: PostmortemSummary['durations']): PostmortemSummary {
  const {
    timeline: _timeline,
    impact: { mentionSeries: _series, ...impact },
    ...rest
  } = data;
  return { ...rest, impact, durations };
}
