import { TODO, emptyUndecidedFields } from '../../schema/undecided.ts';
import { eachFrontmatterString, lineOfIndex } from './strings.ts';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';
import { issuePath } from '../zod-issues.ts';

/** What the placeholder rules need of a content file. */
export type PlaceholderEntry = Pick<RawEntry, 'file' | 'data' | 'lineOf' | 'body' | 'bodyLine'>;

/** One thing left to fill in: a "TODO:" text or an undecided field still empty. */
export interface Placeholder {
  /** Dotted field path, or `body`. */
  field: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

/**
 * Everything still to fill in, in file order: every "TODO:" in a front-matter string, every
 * "TODO:" in the body, and every field of UNDECIDED_FIELDS (src/schema/undecided.ts) left empty.
 */
export function placeholdersOf(entry: PlaceholderEntry): Placeholder[] {
  const found: Placeholder[] = [];
  const at = (path: readonly PropertyKey[], field: string) => {
    const line = entry.lineOf(path);
    found.push({ field, ...(line ? { line } : {}) });
  };
  eachFrontmatterString(entry.data, (text, path) => {
    if (text.includes(TODO)) at(path, issuePath(path));
  });
  for (const { path } of emptyUndecidedFields(entry.data)) at(path, issuePath(path));
  for (let index = entry.body.indexOf(TODO); index !== -1; index = entry.body.indexOf(TODO, index + TODO.length)) {
    found.push({ field: 'body', line: entry.bodyLine + lineOfIndex(entry.body, index) - 1 });
  }
  return found.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/**
 * "TODO:" hints left from `npm run new`, `npm run import` or the contribute form in a post-mortem
 * that is no longer a draft. All three write drafts the check accepts (so it is green from the
 * first minute), which means the schema alone cannot tell a finished entry from an untouched
 * one; this rule can. Drafts may keep them (they get a summary line instead, `draftSummary`).
 * In the body, the first one is reported. Undecided fields left empty are reported by the
 * schema check (`postmortemProblems`), by name.
 */
export function findPlaceholders(entries: readonly PlaceholderEntry[]): Problem[] {
  const problems: Problem[] = [];
  const message = `still holds a "${TODO}" placeholder: replace it with the real content, or set status: draft`;
  for (const entry of entries) {
    if (entry.data['status'] === 'draft') continue;
    eachFrontmatterString(entry.data, (text, path) => {
      if (!text.includes(TODO)) return;
      const line = entry.lineOf(path);
      problems.push({
        file: entry.file,
        field: issuePath(path),
        level: 'error',
        message,
        ...(line ? { line } : {}),
      });
    });
    const index = entry.body.indexOf(TODO);
    if (index !== -1) {
      problems.push({
        file: entry.file,
        line: entry.bodyLine + lineOfIndex(entry.body, index) - 1,
        field: 'body',
        level: 'error',
        message,
      });
    }
  }
  return problems;
}

/**
 * The line `npm run check` prints for a draft, so "OK" never hides how much is left:
 * `draft: 19 placeholders left, first at content/postmortems/x.md:5`.
 */
export function draftSummary(entry: PlaceholderEntry, shownFile: string = entry.file): string {
  const left = placeholdersOf(entry);
  if (left.length === 0) return `draft: no placeholders left in ${shownFile}; set status: in-review when it is ready`;
  const first = left[0]!;
  const where = first.line ? `${shownFile}:${first.line}` : shownFile;
  return `draft: ${left.length} placeholder${left.length === 1 ? '' : 's'} left, first at ${where} (${first.field})`;
}
