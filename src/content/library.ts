import type { Postmortem } from '../schema/postmortem.ts';

/**
 * What the build knows of each post-mortem after reading it once, shared by the stages that
 * run in one process but are loaded as separate module graphs (the content check and the
 * Pagefind integration through astro.config.mjs, the content loader and the pages through
 * Vite): a registry on `globalThis` under a registered symbol, so every copy of this module
 * sees the same maps. It holds little per entry: the heavy parts of each post-mortem live in
 * its details file (src/content/postmortem-details.ts), read when needed.
 */
export interface CheckedFile {
  /** `contentDigest` (src/lib/content-digest.ts) of the file as the check read it. */
  digest: string;
  /** The front matter as validated by the check, when it passed its schema. */
  valid?: Postmortem;
}

/** A post-mortem the loader stored: enough to choose what to index, the rest is in its details file. */
export interface LoadedPostmortem {
  id: string;
  status: Postmortem['status'];
  started: Date;
}

interface Registry {
  /** By absolute file path: what the content check read, for the loader to reuse instead of parsing again. */
  checked: Map<string, CheckedFile>;
  /** By id: what the loader stored, for the search records. */
  loaded: Map<string, LoadedPostmortem>;
  /** The folder of the details files, set by the loader (Astro's cache folder is known there). */
  detailsDir?: string;
}

const KEY = Symbol.for('firebreak.postmortem-library');

function registry(): Registry {
  const global = globalThis as { [KEY]?: Registry };
  global[KEY] ??= { checked: new Map(), loaded: new Map() };
  return global[KEY];
}

/** The content check's reading of a file, kept for the loader. */
export function rememberChecked(path: string, file: CheckedFile): void {
  registry().checked.set(path, file);
}

/**
 * What the check read of this file, if it read this very content (same digest). Taken once:
 * the loader asks for each file once, and the validated data must not outlive its use (at
 * 10,000 entries it is hundreds of MB).
 */
export function takeChecked(path: string, digest: string): CheckedFile | undefined {
  const file = registry().checked.get(path);
  registry().checked.delete(path);
  return file?.digest === digest ? file : undefined;
}

/** Forget the check's readings (the loader has taken what it needs). */
export function forgetChecked(): void {
  registry().checked.clear();
}

export function rememberLoaded(entry: LoadedPostmortem): void {
  registry().loaded.set(entry.id, entry);
}

export function forgetLoaded(id: string): void {
  registry().loaded.delete(id);
}

/** Every post-mortem the loader stored in this process, in id order. */
export function loadedPostmortems(): LoadedPostmortem[] {
  return [...registry().loaded.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function setDetailsDir(dir: string): void {
  registry().detailsDir = dir;
}

/** The folder of the details files; only known once the loader has run in this process. */
export function detailsDir(): string {
  const dir = registry().detailsDir;
  if (!dir) throw new Error('post-mortem details asked for before the content loader ran');
  return dir;
}
