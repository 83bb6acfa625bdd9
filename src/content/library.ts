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
  /** Loader calls waiting, by path, for a file the running check has not handed over yet. */
  waiting: Map<string, (file: CheckedFile | undefined) => void>;
  /**
   * A check handing its readings over as it goes (`astro build`'s check worker); `ended` once
   * it has handed over all it will, or the loader has taken all it needs.
   */
  handover?: { verdict: Promise<void>; stop: () => void; ended: boolean };
  /** By id: what the loader stored, for the search records. */
  loaded: Map<string, LoadedPostmortem>;
  /** The folder of the details files, set by the loader (Astro's cache folder is known there). */
  detailsDir?: string;
}

const KEY = Symbol.for('firebreak.postmortem-library');

function registry(): Registry {
  const global = globalThis as { [KEY]?: Registry };
  global[KEY] ??= { checked: new Map(), waiting: new Map(), loaded: new Map() };
  return global[KEY];
}

/**
 * A check started that will hand its readings over one by one (`rememberChecked`) while the
 * loader runs, and end with `checkEnded`. `verdict` settles when it is done: it rejects with
 * the build's failure when the check found errors. `stop` tells it the loader wants no more.
 */
export function checkStarted(verdict: Promise<void>, stop: () => void): void {
  // Awaited by the build and, on a file it cannot load, by the loader; not necessarily before it fails.
  verdict.catch(() => undefined);
  registry().handover = { verdict, stop, ended: false };
}

/** The content check's reading of a file, kept for the loader (or handed to the loader waiting for it). */
export function rememberChecked(path: string, file: CheckedFile): void {
  const { checked, waiting, handover } = registry();
  // Late: the loader is done with the check's readings.
  if (handover?.ended) return;
  const waiter = waiting.get(path);
  if (waiter) {
    waiting.delete(path);
    waiter(file);
  } else {
    checked.set(path, file);
  }
}

/** The running check has handed over all it will: a loader still waiting reads its file itself. */
export function checkEnded(): void {
  const state = registry();
  if (state.handover) state.handover.ended = true;
  for (const waiter of state.waiting.values()) waiter(undefined);
  state.waiting.clear();
}

/**
 * What the check read of this file, if it read this very content (same digest). Taken once:
 * the loader asks for each file once, and the validated data must not outlive its use (at
 * 10,000 entries it is hundreds of MB). While a check is still handing readings over, waits
 * for this file's (it checks the files in the loader's order, so the two run side by side).
 */
export async function takeChecked(path: string, digest: string): Promise<CheckedFile | undefined> {
  const state = registry();
  let file = state.checked.get(path);
  state.checked.delete(path);
  if (!file && state.handover && !state.handover.ended) {
    file = await new Promise<CheckedFile | undefined>((resolve) => state.waiting.set(path, resolve));
  }
  return file?.digest === digest ? file : undefined;
}

/**
 * What the check found, once it is done: rejects with the build's failure (every problem
 * listed) when it found errors. Resolves at once when no check runs alongside the loader.
 */
export function checkVerdict(): Promise<void> {
  return registry().handover?.verdict ?? Promise.resolve();
}

/** Forget the check's readings, and take no more (the loader has taken what it needs). */
export function forgetChecked(): void {
  const state = registry();
  state.checked.clear();
  if (state.handover && !state.handover.ended) {
    state.handover.ended = true;
    state.handover.stop();
  }
}

export function rememberLoaded(entry: LoadedPostmortem): void {
  registry().loaded.set(entry.id, entry);
}

export function forgetLoaded(id: string): void {
  registry().loaded.delete(id);
}

/**
 * The library's order, newest first: by start, then by id, so entries that started at the same
 * moment always come in the same order (the lists, the feed and the open data share it).
 */
export function newestFirst(a: Pick<LoadedPostmortem, 'id' | 'started'>, b: Pick<LoadedPostmortem, 'id' | 'started'>): number {
  return b.started.getTime() - a.started.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
