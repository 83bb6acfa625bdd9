import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readYaml } from '../../lib/yaml.ts';
import { frontmatterYaml, postmortemFile } from '../../lib/postmortem-file.ts';
import { postmortemFileSchema } from '../../schema/postmortem-file.ts';
import { ImportError } from '../errors.ts';
import { firstIssue, issuePlace } from '../../lib/zod-issues.ts';
import type { RedactedDraft } from '../redact.ts';
import { renderBody } from './body.ts';
import { checkPageSize } from './page-size.ts';

export { MAX_PAGE_BYTES } from './page-size.ts';

/**
 * The writer: renders an already redacted draft (the file through src/lib/postmortem-file.ts, body
 * through the Markdown escaping of ./markdown.ts), checks it with the post-mortem schema, and
 * writes it atomically. It never sees raw export text and never redacts.
 */

/** A rendered page, checked against the post-mortem schema. */
export interface Page {
  /** `<YYYY-MM-DD>-<slug>`; the file is `<id>.md`. */
  id: string;
  /** The whole file: front matter and body. */
  content: string;
  draft: RedactedDraft;
}

/**
 * Renders the page and proves it: the front matter is parsed back from the rendered text and
 * validated with the same schema the site uses, so what is written is what was checked; a page
 * over MAX_PAGE_BYTES is refused.
 */
export function renderPage(draft: RedactedDraft, displayDir: string): Page {
  // The one post-mortem writer (src/lib/postmortem-file.ts), which quotes what YAML would misread.
  const content = postmortemFile({ frontmatter: draft.frontmatter, body: renderBody(draft.body) });
  const yaml = frontmatterYaml(draft.frontmatter);
  // Before the parse-back: an 8 MB page is refused without being parsed again.
  const series = (draft.frontmatter['impact'] as { mentionSeries?: unknown[] } | undefined)?.mentionSeries;
  checkPageSize(join(displayDir, `${draft.id}.md`), content, series?.length ?? 0);
  const parsedBack = readYaml(yaml).data;
  // The same reading the site and the check give a draft: the fields only a person can decide
  // may still be empty.
  const result = postmortemFileSchema.safeParse(parsedBack);
  if (!result.success) {
    const issue = firstIssue(result.error.issues, parsedBack);
    throw new ImportError(
      join(displayDir, `${draft.id}.md`),
      `the drafted page does not pass the post-mortem schema (${issue.message}); nothing was written`,
      `field ${issuePlace(issue.path)}`,
    );
  }
  return { id: draft.id, content, draft };
}

/**
 * Writes `content` to `path` atomically: a temporary file in the same folder, then a rename
 * (with --force) or a hard link that fails if the page appeared meanwhile (without). A reader
 * never sees half a page, and an existing page is never replaced without --force.
 */
export function writePageAtomically(path: string, displayPath: string, content: string, force: boolean): void {
  if (!force && existsSync(path)) {
    throw new ImportError(displayPath, 'already exists; use --force to overwrite it, or --slug to pick another name');
  }
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ImportError(
      displayPath,
      `cannot create the output folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    if (force) renameSync(temp, path);
    else linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ImportError(displayPath, 'already exists; use --force to overwrite it, or --slug to pick another name');
    throw new ImportError(displayPath, `cannot write the page (${code ?? 'error'}); nothing was written`);
  } finally {
    rmSync(temp, { force: true });
  }
}
