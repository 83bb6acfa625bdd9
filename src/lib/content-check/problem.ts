/** One thing wrong (or worth a look) in one content file. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line of the offending front-matter key, when it can be found. */
  line?: number;
  /** Dotted path of the field, e.g. `timeline.2.at`; empty for the file as a whole. */
  field: string;
  /** What is wrong and what was expected. */
  message: string;
  /** Errors fail the build and `npm run check`; warnings are printed only. */
  level: 'error' | 'warning';
}

/** `path:line  field  message`, the one-line form editors and CI logs can jump to. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const tag = problem.level === 'warning' ? 'warning: ' : '';
  return `${where}  ${problem.field || '(file)'}  ${tag}${problem.message}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const lines = problems.map(formatProblem);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}
