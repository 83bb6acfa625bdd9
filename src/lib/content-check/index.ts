import { playbookSchema, type PlaybookPage } from '../../schema/playbook.ts';
import type { Postmortem } from '../../schema/postmortem.ts';
import { problemAt, problemsFromIssues } from './issues.ts';
import { loadFolder, type RawEntry } from './load.ts';
import { markdownProblems } from './markdown-rules.ts';
import { findPlaceholders } from './placeholders.ts';
import { postmortemProblems } from './postmortem-entry.ts';
import { learningLoopProblems } from './learning-loop.ts';
import { lintPrivacy, PRIVACY_ALLOWLIST_FILE, readPrivacyAllowlist } from './privacy.ts';
import { openEntryCache } from './entry-cache.ts';
import { synonymProblems } from './synonyms.ts';
import type { Problem } from './problem.ts';
import { contentPaths } from '../../content-paths.ts';
import { checkOperational, type OperationalCheck, type OperationalDirs } from './operational.ts';
import { buildDay } from '../../build-flags.ts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type { Problem } from './problem.ts';
export { formatProblem, formatReport } from './problem.ts';

/** The name of the lint cache in a cache folder (Astro's `cacheDir`, which `npm run check` shares). */
export const CHECK_CACHE_FILE = 'firebreak-content-check.json';

export interface ContentDirs extends OperationalDirs {
  /** Playbook folder, relative to the root (or absolute). */
  playbook: string;
  /** Post-mortem folder, relative to the root (or absolute). */
  postmortems: string;
}

export interface CheckOptions {
  /** "Today", for the age of platform cards, overdue action items and review dates; tests pin it. */
  now?: Date;
  /**
   * A file where each post-mortem's own lint results are kept by content digest between runs
   * (src/lib/content-check/entry-cache.ts): the build and `npm run check` pass one, so after
   * one edit only that entry is linted again. Without it everything is checked afresh.
   */
  cache?: string;
}

export interface CheckedEntry<T> extends RawEntry {
  /** The validated data, present only when the file passed its schema. */
  valid?: T;
}

export interface ContentCheck extends OperationalCheck {
  problems: Problem[];
  playbook: CheckedEntry<PlaybookPage>[];
  postmortems: CheckedEntry<Postmortem>[];
}

/**
 * Validates all content of a Firebreak project: each file against its zod schema, then the
 * rules across files (unique step numbers, references that resolve). Every problem is
 * collected; nothing throws for bad content. `today` dates the deadline and review warnings
 * (the build's day unless `FIREBREAK_TODAY` fixes it; tests pass their own).
 */
export function checkContent(root: string, dirs: ContentDirs = contentPaths, options: CheckOptions = {}): ContentCheck {
  const today = options.now ?? buildDay();
  const problems: Problem[] = [];

  const playbook: CheckedEntry<PlaybookPage>[] = loadFolder(root, dirs.playbook, problems).map((entry) => {
    const result = playbookSchema.safeParse(entry.data);
    if (result.success) return { ...entry, valid: result.data };
    problems.push(...problemsFromIssues(entry, result.error.issues));
    return entry;
  });
  const postmortems: CheckedEntry<Postmortem>[] = loadFolder(root, dirs.postmortems, problems).map((entry) => {
    const checked = postmortemProblems(entry);
    problems.push(...checked.problems);
    return checked.valid ? { ...entry, valid: checked.valid } : entry;
  });

  const pageIds = new Set(playbook.map((page) => page.id));
  const stepOwners = new Map<number, CheckedEntry<PlaybookPage>>();
  for (const page of playbook) {
    const step = page.data['step'];
    if (typeof step === 'number' && page.valid) {
      const owner = stepOwners.get(step);
      if (owner) {
        problems.push(
          problemAt(
            page,
            ['step'],
            `step ${step} is already claimed by ${owner.file}; each step number belongs to one page`,
          ),
        );
      } else {
        stepOwners.set(step, page);
      }
    }
    eachString(page.data['related'], (ref, index) => {
      if (ref === page.id) problems.push(problemAt(page, ['related', index], 'a page cannot be related to itself'));
      else if (!pageIds.has(ref)) {
        problems.push(
          problemAt(
            page,
            ['related', index],
            `no playbook page "${ref}" (expected a file ${dirs.playbook}/${ref}.mdx or .md)`,
          ),
        );
      }
    });
  }

  const incidentIds = new Set(postmortems.map((entry) => entry.id));
  for (const entry of postmortems) {
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
    eachString(entry.data['related'], (ref, index) => {
      if (ref === entry.id)
        problems.push(problemAt(entry, ['related', index], 'an incident cannot be related to itself'));
      else if (!incidentIds.has(ref)) {
        problems.push(
          problemAt(entry, ['related', index], `no post-mortem "${ref}" (expected ${dirs.postmortems}/${ref}.md)`),
        );
      }
    });
    const missingStep = (step: unknown) => typeof step === 'number' && stepOwners.size > 0 && !stepOwners.has(step);
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
  }

  // Each post-mortem on its own: link targets the URL policy refuses and raw HTML in the body,
  // "TODO:" left in an entry that is no longer a draft, and personal data and secrets
  // (src/lib/privacy/patterns.ts: errors once in review, warnings in drafts). The costly part
  // of the check at 10,000 entries, so its results are kept by content digest when asked.
  const allowlistPath = resolve(root, PRIVACY_ALLOWLIST_FILE);
  const cache = options.cache
    ? openEntryCache(options.cache, [existsSync(allowlistPath) ? readFileSync(allowlistPath, 'utf8') : ''])
    : undefined;
  const allowlist = readPrivacyAllowlist(root, problems);
  for (const entry of postmortems) {
    const cached = cache?.get(entry.file, entry.digest);
    if (cached) {
      problems.push(...cached);
      continue;
    }
    const own = [
      ...markdownProblems(entry, { rawHtml: true }),
      ...findPlaceholders([entry]),
      ...lintPrivacy([entry], allowlist),
    ];
    cache?.set(entry.file, entry.digest, own);
    problems.push(...own);
  }
  cache?.save();
  for (const page of playbook) problems.push(...markdownProblems(page, { rawHtml: false }));
  // Runbooks, platform cards, role cards and scenario templates, and the rules they share with the playbook.
  const operational = checkOperational(
    root,
    dirs,
    { stepNumbers: new Set(stepOwners.keys()), now: today, playbook },
    problems,
  );
  // The same URL policy in the operational playbook's bodies.
  for (const entry of [
    ...operational.runbooks,
    ...operational.platforms,
    ...operational.roles,
    ...operational.scenarioTemplates,
  ])
    problems.push(...markdownProblems(entry, { rawHtml: false }));

  // Lessons back into the playbook, action items on time, pages reviewed.
  problems.push(...learningLoopProblems(playbook, postmortems, today));

  // Personal data and secrets in playbook pages and the operational playbook: always
  // published, so always errors. Phone numbers belong in the roster, which is never published.
  problems.push(
    ...lintPrivacy(
      [
        ...playbook,
        ...operational.runbooks,
        ...operational.platforms,
        ...operational.roles,
        ...operational.scenarioTemplates,
      ],
      allowlist,
    ),
  );
  // The search synonym table is content too: a term in two groups silently merges them.
  problems.push(...synonymProblems(root));

  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, playbook, postmortems, ...operational };
}

function eachString(value: unknown, visit: (item: string, index: number) => void): void {
  if (!Array.isArray(value)) return;
  value.forEach((item, index) => {
    if (typeof item === 'string') visit(item, index);
  });
}
