import { problemAt } from './issues.ts';
import type { RawEntry } from './entry.ts';
import type { Problem } from './problem.ts';

/** What a post-mortem's references are checked against: the other entries and the playbook. */
export interface ReferenceContext {
  /** Every post-mortem id in the library (this one included). */
  incidentIds: ReadonlySet<string>;
  /** The step numbers a playbook page teaches; empty when there is no playbook (no step is checked). */
  stepNumbers: ReadonlySet<number>;
  /** The post-mortem folder as messages name it, e.g. `content/postmortems`. */
  postmortemDir: string;
}

/**
 * The rules that look past one post-mortem's own fields: its file name, its format (Markdown,
 * never MDX), related incidents that exist, and playbook steps (of the entry and of each
 * lesson) that a page teaches. No file system: the contribute form runs them with the ids and
 * steps the page was built with.
 */
export function postmortemReferenceProblems(
  entry: Pick<RawEntry, 'id' | 'file' | 'data' | 'lineOf'>,
  { incidentIds, stepNumbers, postmortemDir }: ReferenceContext,
): Problem[] {
  const problems: Problem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}-/.test(entry.id)) {
    problems.push(
      problemAt(entry, [], 'post-mortem files are named <YYYY-MM-DD>-<slug>.md, e.g. 2025-03-14-promo-code-leak.md'),
    );
  }
  if (entry.file.endsWith('.mdx')) {
    // MDX is code: its imports and {expressions} run at build time and its JSX reaches the
    // page. Post-mortems come from anyone, so they are data only (the build never compiles
    // an .mdx post-mortem; see src/content.config.ts).
    problems.push(
      problemAt(
        entry,
        [],
        'post-mortems are Markdown (.md) only: MDX runs code at build time; rename the file to .md and remove any import, export, {expression} or component',
      ),
    );
  }
  const related = entry.data['related'];
  if (Array.isArray(related)) {
    related.forEach((ref: unknown, index) => {
      if (typeof ref !== 'string') return;
      if (ref === entry.id)
        problems.push(problemAt(entry, ['related', index], 'an incident cannot be related to itself'));
      else if (!incidentIds.has(ref)) {
        problems.push(
          problemAt(entry, ['related', index], `no post-mortem "${ref}" (expected ${postmortemDir}/${ref}.md)`),
        );
      }
    });
  }
  const missingStep = (step: unknown) => typeof step === 'number' && stepNumbers.size > 0 && !stepNumbers.has(step);
  const steps = entry.data['playbookSteps'];
  if (Array.isArray(steps)) {
    steps.forEach((step, index) => {
      if (missingStep(step))
        problems.push(problemAt(entry, ['playbookSteps', index], `no playbook page teaches step ${String(step)}`));
    });
  }
  const lessons = entry.data['lessons'];
  if (Array.isArray(lessons)) {
    lessons.forEach((lesson: unknown, index) => {
      const step = (lesson as { step?: unknown } | null)?.step;
      if (missingStep(step))
        problems.push(problemAt(entry, ['lessons', index, 'step'], `no playbook page teaches step ${String(step)}`));
    });
  }
  return problems;
}
