import { checkPostmortemText } from '../../lib/content-check/postmortem-check.ts';
import { draftSummary } from '../../lib/content-check/placeholders.ts';
import { toAllowlist } from '../../lib/content-check/privacy-rules.ts';
import type { Problem } from '../../lib/content-check/problem.ts';
import { parseWithMicromark } from './markdown-parse.ts';

/** What the page was built with that the rules look across: written into the page as JSON. */
export interface ContributeContext {
  /** The post-mortem folder, `content/postmortems`. */
  postmortemDir: string;
  /** Ids of every post-mortem in the library, for `related`. */
  incidentIds: string[];
  /** Steps a playbook page teaches, for `playbookSteps` and each lesson's step. */
  stepNumbers: number[];
  /** content/privacy-allowlist.yaml as the check reads it. */
  allowlist: { handles: string[]; emailDomains: string[]; phones: string[]; phoneRegions: string[] };
}

/** The form's verdict on a file: the check's problems, and the check's draft line for a draft that passes. */
export interface Verdict {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** `draft: 3 placeholders left, first at …` (drafts only). */
  draft?: string;
}

/**
 * The file as `npm run check` would judge it inside the library: the same function the check
 * runs on every post-mortem (src/lib/content-check/postmortem-check.ts), with the ids, steps and
 * allowlist the site was built with, so the messages are the check's, word for word.
 */
export function judgeFile(path: string, text: string, context: ContributeContext): Verdict {
  const rules = {
    postmortemDir: context.postmortemDir,
    incidentIds: new Set([...context.incidentIds, idOf(path)]),
    stepNumbers: new Set(context.stepNumbers),
    allowlist: toAllowlist(context.allowlist),
    parseMarkdown: parseWithMicromark,
  };
  const checked = checkPostmortemText(path, text, rules);
  const errors = checked.problems.filter((problem) => problem.level === 'error').length;
  const draft = checked.entry && checked.entry.data['status'] === 'draft' ? draftSummary(checked.entry) : undefined;
  return {
    problems: checked.problems,
    errors,
    warnings: checked.problems.length - errors,
    ...(draft ? { draft } : {}),
  };
}

function idOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/, '');
}
