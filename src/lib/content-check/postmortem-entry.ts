import { postmortemSchema, type Postmortem } from '../../schema/postmortem.ts';
import { postmortemFileSchema } from '../../schema/postmortem-file.ts';
import { emptyUndecidedFields, samePath } from '../../schema/undecided.ts';
import { problemAt, problemsFromIssues, type IssueSource } from './issues.ts';
import type { Problem } from './problem.ts';

/**
 * One post-mortem against its schema, as the check reports it: undecided fields left empty
 * (src/schema/undecided.ts) are placeholders while the entry is a draft, and errors naming
 * what to decide once it is in review; every other issue goes through `problemsFromIssues`.
 * No file system: the contribute form runs this same function in the browser.
 */
export function postmortemProblems(entry: IssueSource & { data: Record<string, unknown> }): {
  valid?: Postmortem;
  problems: Problem[];
} {
  const result = postmortemSchema.safeParse(entry.data);
  if (result.success) return { valid: result.data, problems: [] };
  const empty = emptyUndecidedFields(entry.data);
  const isEmpty = (path: readonly PropertyKey[]) => empty.some((field) => samePath(field.path, path));
  const problems = problemsFromIssues(
    entry,
    result.error.issues.filter((issue) => !isEmpty(issue.path)),
  );
  if (entry.data['status'] !== 'draft') {
    for (const field of empty) {
      problems.push(
        problemAt(entry, field.path, `undecided: ${field.hint}; fill it in before review (or set status: draft)`),
      );
    }
    return { problems };
  }
  // A draft whose only gaps are undecided fields is read as the pages read it (with stand-ins),
  // so the search index and the pages hold the same drafts.
  const read = problems.length === 0 ? postmortemFileSchema.safeParse(entry.data) : undefined;
  return read?.success ? { valid: read.data, problems } : { problems };
}
