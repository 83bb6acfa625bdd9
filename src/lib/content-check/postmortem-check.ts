import type { Postmortem } from '../../schema/postmortem.ts';
import { bodyProblems, type MarkdownParser } from './body-rules.ts';
import { readEntry, type RawEntry } from './entry.ts';
import { findPlaceholders } from './placeholders.ts';
import { postmortemProblems } from './postmortem-entry.ts';
import { postmortemReferenceProblems, type ReferenceContext } from './postmortem-references.ts';
import { lintPrivacy, type PrivacyAllowlist } from './privacy-rules.ts';
import type { Problem } from './problem.ts';

/** Everything one post-mortem is checked against besides itself. */
export interface PostmortemRules extends ReferenceContext {
  /** The privacy allowlist (content/privacy-allowlist.yaml, as read by ./privacy.ts). */
  allowlist: PrivacyAllowlist;
  /** The Markdown parser for the body rules: Sätteri in the check, micromark in the browser. */
  parseMarkdown: MarkdownParser;
}

/**
 * Every rule of `npm run check` that concerns one post-mortem on its own: the schema (with the
 * undecided fields), its references, the body's links and raw HTML, placeholders left outside a
 * draft, and the privacy lint. `checkContent` runs it on every post-mortem and the contribute
 * form on the file it is about to hand over, so both say the same thing in the same words.
 * Pure: nothing here touches the file system.
 */
export function checkPostmortemEntry(
  entry: RawEntry,
  rules: PostmortemRules,
  own: readonly Problem[] = postmortemOwnProblems(entry, rules),
): { valid?: Postmortem; problems: Problem[] } {
  const checked = postmortemProblems(entry);
  const problems = [...checked.problems, ...postmortemReferenceProblems(entry, rules), ...own];
  return { ...(checked.valid ? { valid: checked.valid } : {}), problems };
}

/**
 * The rules that depend on nothing but the entry's own text and the allowlist: the body's links
 * and raw HTML, placeholders left outside a draft, the privacy lint. The costly part of the
 * check, so `checkContent` may reuse their results for an unchanged file (./entry-cache.ts).
 */
export function postmortemOwnProblems(entry: RawEntry, rules: PostmortemRules): Problem[] {
  return [
    ...bodyProblems(entry, rules.parseMarkdown, { rawHtml: true }),
    ...findPlaceholders([entry]),
    ...lintPrivacy([entry], rules.allowlist),
  ];
}

/** Orders problems as the check prints them: by file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * One post-mortem file's text, checked as `npm run check` checks it inside the library: read
 * (front matter and body, by Astro's boundaries), then `checkPostmortemEntry`. `file` is the
 * path the problems name, e.g. `content/postmortems/2025-03-14-promo-code-leak.md`.
 */
export function checkPostmortemText(
  file: string,
  text: string,
  rules: PostmortemRules,
): { entry?: RawEntry; valid?: Postmortem; problems: Problem[] } {
  const id = (file.split('/').pop() ?? file).replace(/\.mdx?$/, '');
  const read = readEntry(id, file, text);
  if ('problem' in read) return { problems: [read.problem] };
  const checked = checkPostmortemEntry(read.entry, rules);
  return { entry: read.entry, ...checked, problems: sortProblems(checked.problems) };
}
