/**
 * The importer as a library: incident exports in, one draft post-mortem page out. The command
 * line (`scripts/import.ts`) only parses flags, calls `importExports` and prints; tests and any
 * other tool call the same functions.
 *
 * The flow runs one way: each path → `io/` (what the file is) → `registry` (which format) →
 * `sources/<format>/` (one partial incident per export) → `merge` (each kept to the incident
 * window of `analysis/window.ts`, then one incident) →
 * `analysis/` (key times, durations, lessons, severity, the timeline's events) → `redact`
 * (a draft whose every free text is redacted once) → `write/` (renders and escapes the draft,
 * checks it against the post-mortem schema before anything is written).
 */
import { resolve } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import { ImportError } from './errors.ts';
import { toExportInput } from './io/inputs.ts';
import { mergeIncidents, type MergedIncident } from './merge.ts';
import { analyzeIncident, type IncidentAnalysis } from './analysis/index.ts';
import { redactDraft } from './redact.ts';
import { ADAPTERS, selectAdapter } from './registry.ts';
import type { Adapter, AdapterOptions, ExportInput } from './sources/types.ts';
import type { PartialIncident } from './model/incident.ts';
import type { WindowBounds } from './analysis/window.ts';
import { renderPage, writePageAtomically, type Page } from './write/index.ts';

export { ImportError } from './errors.ts';
export { ADAPTERS } from './registry.ts';
export { explainExports, formatExplanations, type ExportExplanation } from './explain.ts';
export type { AdapterOptions } from './sources/types.ts';
export type { MergedIncident } from './merge.ts';
export type { IncidentWindow, WindowBounds } from './analysis/window.ts';
export { parseWindowBound } from './analysis/window-bounds.ts';
export type { Page } from './write/index.ts';
export type { IncidentAnalysis } from './analysis/index.ts';
export type { RedactedDraft } from './redact.ts';

/** Progress on one export while it is read: a callback, and what to do when it is done. */
export interface ReadProgress {
  onProgress?: AdapterOptions['onProgress'];
  stop(): void;
}

/** How to read the exports (the CLI's --format, --channel, --brand-handle, --map, --tz). */
export interface ReadOptions extends Omit<AdapterOptions, 'onProgress'> {
  /** Read every export as this format (an adapter name) instead of detecting it. */
  format?: string | undefined;
  /** Relative paths are resolved against this folder (default: the working directory). */
  cwd?: string;
  /** Called for each export before it is read; may show a progress bar. */
  progress?: (label: string, size: number) => ReadProgress;
  /** --from/--to: the incident window, instead of the one found from the evidence. */
  window?: WindowBounds | undefined;
}

/** How to write the draft (the CLI's --title, --slug, --no-redact, --keep, --region). */
export interface ImportOptions extends ReadOptions {
  title?: string | undefined;
  slug?: string | undefined;
  /** False only with --no-redact. */
  redact: boolean;
  /** Handles or names that may appear unredacted, lowercased without @. */
  keep: string[];
  /** Regions whose national phone forms are redacted. */
  phoneRegions?: readonly CountryCode[];
  /** The folder the page is meant for, as messages show it. */
  displayDir: string;
}

export interface ImportResult {
  /** The rendered page, already checked against the post-mortem schema. */
  page: Page;
  /** The merged incident the page was drafted from. */
  incident: MergedIncident;
  /** What analysis derived from it (raw, before redaction). */
  analysis: IncidentAnalysis;
  /** How many exports were read. */
  exports: number;
}

/**
 * Reads each export with its adapter and merges them into one incident. Throws `ImportError`
 * naming the file (and the place in it) for anything it cannot read.
 */
export async function readExports(paths: readonly string[], options: ReadOptions): Promise<MergedIncident> {
  const { format, cwd = process.cwd(), progress, window, ...adapterOptions } = options;
  const chosen: { input: ExportInput; adapter: Adapter }[] = [];
  for (const path of paths) {
    const input = await toExportInput(path, cwd);
    chosen.push({ input, adapter: selectAdapter(input, format, ADAPTERS, Object.keys(adapterOptions.map).length > 0) });
  }
  const partials = [];
  const readTogether = new Set<Adapter>();
  for (const { input, adapter } of chosen) {
    if (adapter.readTogether) {
      // Every file of a format read together goes in at the place of its first file.
      if (readTogether.has(adapter)) continue;
      readTogether.add(adapter);
      const inputs = chosen.filter((each) => each.adapter === adapter).map((each) => each.input);
      partials.push(
        await readWith(adapter, inputs, adapterOptions, progress, (watched) => adapter.readTogether!(inputs, watched)),
      );
    } else {
      partials.push(
        await readWith(adapter, [input], adapterOptions, progress, (watched) => adapter.read(input, watched)),
      );
    }
  }
  return mergeIncidents(partials, { window });
}

/** Runs one adapter's read with progress, turning anything but an ImportError into one naming the file. */
async function readWith(
  adapter: Adapter,
  inputs: readonly ExportInput[],
  options: AdapterOptions,
  progress: ReadOptions['progress'],
  run: (options: AdapterOptions) => Promise<PartialIncident>,
): Promise<PartialIncident> {
  const paths = inputs.map((input) => input.path).join(', ');
  const watch = progress?.(
    `${adapter.name} ${paths}`,
    inputs.reduce((sum, input) => sum + input.size, 0),
  );
  try {
    return await run({ ...options, ...(watch?.onProgress && { onProgress: watch.onProgress }) });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(paths, `could not be read as ${adapter.label}: ${message.split('\n')[0]}`);
  } finally {
    watch?.stop();
  }
}

/** Turns one incident's exports into one draft page (not written: see `writeImportedPage`). */
export async function importExports(paths: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const incident = await readExports(paths, options);
  const analysis = analyzeIncident(incident);
  const draft = redactDraft(incident, analysis, {
    title: options.title,
    slug: options.slug,
    tz: options.tz,
    redact: options.redact,
    brandHandles: options.brandHandles,
    keep: options.keep,
    ...(options.phoneRegions && { phoneRegions: options.phoneRegions }),
  });
  const page = renderPage(draft, options.displayDir);
  return { page, incident, analysis, exports: paths.length };
}

/**
 * Writes the page into `outDir` as `<id>.md`, atomically, never over an existing page unless
 * `force`. Returns the path written.
 */
export function writeImportedPage(page: Page, outDir: string, display: (path: string) => string, force: boolean) {
  const target = resolve(outDir, `${page.id}.md`);
  writePageAtomically(target, display(target), page.content, force);
  return target;
}
