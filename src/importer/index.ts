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
import type { MergedIncident } from './merge.ts';
import { analyzeIncident, type IncidentAnalysis } from './analysis/index.ts';
import { redactDraft } from './redact.ts';
import { readExports, type ReadOptions } from './read.ts';
import { renderPage, writePageAtomically, type Page } from './write/index.ts';

export { ImportError } from './errors.ts';
export { readExports, type ReadOptions, type ReadProgress } from './read.ts';
export { ADAPTERS } from './registry.ts';
export { explainExports, formatExplanations, type ExportExplanation } from './explain.ts';
export type { AdapterOptions } from './sources/types.ts';
export type { MergedIncident } from './merge.ts';
export type { IncidentWindow, WindowBounds } from './analysis/window.ts';
export { parseWindowBound } from './analysis/window-bounds.ts';
export type { Page } from './write/index.ts';
export type { IncidentAnalysis } from './analysis/index.ts';
export type { RedactedDraft } from './redact.ts';

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
