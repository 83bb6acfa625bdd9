import { playbookSchema, type PlaybookPage } from '../../schema/playbook.ts';
import type { Postmortem } from '../../schema/postmortem.ts';
import { problemAt, problemsFromIssues } from './issues.ts';
import { listFolder, loadFolder, readListed, type RawEntry } from './load.ts';
import { markdownProblems, parseWithSatteri } from './markdown-rules.ts';
import { checkPostmortemEntry, postmortemOwnProblems, sortProblems } from './postmortem-check.ts';
import { lessonSource, playbookLearningProblems, postmortemLearningProblems } from './learning-loop.ts';
import type { LessonsOf } from '../insights/lessons.ts';
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
  /** Lint everything afresh, then save the results to `cache` (a build with `--force`). */
  fresh?: boolean;
  /**
   * Whether the post-mortems come back with their validated data (the default, for callers
   * that read it, such as tests of the built pages). The build and the dev server want the
   * problems only and keep none of it: the build's loader gets each entry's data through
   * `onPostmortem` instead, as it is checked.
   */
  keepData?: boolean;
  /**
   * Called once everything but the post-mortems is checked (the playbook, the operational
   * playbook, the synonyms), with the problems found so far, before the first post-mortem is
   * read: the build fails on these at once, as Astro would otherwise trip over them first.
   */
  onSiteChecked?: (problems: readonly Problem[]) => void;
  /**
   * Called with each post-mortem once its own rules ran, in name order, with its validated
   * data whatever `keepData` says: the build's check worker hands them to the content loader
   * as it goes, so the two run side by side.
   */
  onPostmortem?: (entry: Pick<RawEntry, 'file' | 'digest'> & { valid?: Postmortem }) => void;
}

export interface CheckedEntry<T> extends RawEntry {
  /** The validated data, present only when the file passed its schema. */
  valid?: T;
}

/**
 * A post-mortem as the check keeps it once every rule on it ran (they run as each file is read,
 * the learning loop's included): its name, digest and validated data, not its reading. At 10,000
 * entries all the readings held through the check were 780 MB; this is 450, mostly the validated
 * data (none with `keepData: false`, as the build and the dev server run it).
 */
export type CheckedPostmortem =
  | (Pick<RawEntry, 'id' | 'file' | 'digest'> & { valid?: Postmortem })
  /** A draft is kept whole: `npm run check` reports the placeholders left in its body. */
  | (CheckedEntry<Postmortem> & { draft: true });

export interface ContentCheck extends OperationalCheck {
  problems: Problem[];
  playbook: CheckedEntry<PlaybookPage>[];
  postmortems: CheckedPostmortem[];
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

  // Link targets the URL policy refuses in the playbook's bodies, which may not hold raw HTML either.
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

  const allowlist = readPrivacyAllowlist(root, problems);
  // Personal data and secrets (src/lib/privacy/patterns.ts): playbook pages and the operational
  // playbook are always published, so always errors (post-mortems: errors once in review,
  // warnings in drafts, below). Phone numbers belong in the roster, which is never published.
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

  options.onSiteChecked?.(problems);

  // Listed now, read one at a time below: only what the check keeps of each stays in memory.
  const listedPostmortems = listFolder(root, dirs.postmortems, problems);
  const rules = {
    // Every file there counts as an incident that exists, one whose front matter cannot be read
    // too: its own problem says what is wrong with it, a reference to it is not a second one.
    incidentIds: new Set(listedPostmortems.map((listed) => listed.id)),
    stepNumbers: new Set(stepOwners.keys()),
    postmortemDir: dirs.postmortems,
    allowlist,
    parseMarkdown: parseWithSatteri,
  };
  // The rules that look at one post-mortem alone are the costly part at 10,000 entries, so
  // their results are kept by content digest when asked; schema and references always run.
  const allowlistPath = resolve(root, PRIVACY_ALLOWLIST_FILE);
  const cache = options.cache
    ? openEntryCache(options.cache, [existsSync(allowlistPath) ? readFileSync(allowlistPath, 'utf8') : ''], {
        fresh: options.fresh ?? false,
      })
    : undefined;
  const lessons: LessonsOf[] = [];
  // Each post-mortem by the rules the contribute form runs too (src/lib/content-check/postmortem-check.ts):
  // schema, references, body links and raw HTML, placeholders outside drafts, privacy lint.
  const postmortems: CheckedPostmortem[] = listedPostmortems.flatMap((listed) => {
    const entry = readListed(listed, problems);
    if (!entry) return [];
    let own = cache?.get(entry.file, entry.digest);
    if (!own) {
      own = postmortemOwnProblems(entry, rules);
      cache?.set(entry.file, entry.digest, own);
    }
    const checked = checkPostmortemEntry(entry, rules, own);
    problems.push(...checked.problems);
    options.onPostmortem?.({ file: entry.file, digest: entry.digest, ...(checked.valid && { valid: checked.valid }) });
    if (checked.valid) {
      // Lessons back into the playbook, action items on time: while the reading is at hand.
      problems.push(...postmortemLearningProblems(entry, checked.valid, pageIds, today));
      lessons.push(lessonSource(entry.id, checked.valid));
    }
    return [kept(entry, options.keepData === false ? undefined : checked.valid)];
  });
  cache?.save();

  // Pages reviewed, and the lessons that cite them applied.
  problems.push(...playbookLearningProblems(playbook, lessons, today));

  sortProblems(problems);
  return { problems, playbook, postmortems, ...operational };
}

/** What the check keeps of a post-mortem it read (see `CheckedPostmortem`). */
function kept(entry: RawEntry, valid: Postmortem | undefined): CheckedPostmortem {
  if (entry.data['status'] === 'draft') return { ...entry, ...(valid && { valid }), draft: true };
  const { id, file, digest } = entry;
  return { id, file, digest, ...(valid && { valid }) };
}

function eachString(value: unknown, visit: (item: string, index: number) => void): void {
  if (!Array.isArray(value)) return;
  value.forEach((item, index) => {
    if (typeof item === 'string') visit(item, index);
  });
}
