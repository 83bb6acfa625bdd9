import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { DEADLINES, unknownNumberNames } from '../../schema/deadlines.ts';
import { platformCardSchema, type PlatformCard } from '../../schema/platform-card.ts';
import { roleCardSchema, type RoleCard } from '../../schema/role-card.ts';
import { ROLES } from '../../schema/roles.ts';
import { RUNBOOK_TYPES, runbookSchema, type Runbook } from '../../schema/runbook.ts';
import { scenarioTemplateSchema, type ScenarioTemplate } from '../../schema/scenario-template.ts';
import { eachFrontmatterString, lineOfIndex } from './strings.ts';
import { problemAt, problemsFromIssues } from './issues.ts';
import { loadFolder, type RawEntry } from './load.ts';
import { displayPath } from '../file-paths.ts';
import { EXAMPLE_ROSTER_FILE, readRoster } from '../roster/read.ts';
import { rosterFile } from '../../build-flags.ts';
import type { Problem } from './problem.ts';

/** The folders of the operational playbook; a folder left out is not checked (tests of other parts). */
export interface OperationalDirs {
  runbooks?: string;
  platforms?: string;
  roles?: string;
  scenarioTemplates?: string;
}

export interface OperationalCheck {
  runbooks: (RawEntry & { valid?: Runbook })[];
  platforms: (RawEntry & { valid?: PlatformCard })[];
  roles: (RawEntry & { valid?: RoleCard })[];
  scenarioTemplates: (RawEntry & { valid?: ScenarioTemplate })[];
}

function validated<T>(
  root: string,
  folder: string | undefined,
  schema: z.ZodType<T>,
  problems: Problem[],
): (RawEntry & { valid?: T })[] {
  if (folder === undefined) return [];
  return loadFolder(root, folder, problems).map((entry) => {
    const result = schema.safeParse(entry.data);
    if (result.success) return { ...entry, valid: result.data };
    problems.push(...problemsFromIssues(entry, result.error.issues));
    return entry;
  });
}

const DAY_MS = 86_400_000;

/**
 * The rules of the operational playbook: each runbook, platform card, role card and scenario
 * template against its schema, then across files: one runbook per crisis type and one card per
 * role (file name = key), references to templates, platform cards and steps that exist, platform
 * cards checked against their sources within the last 180 days (a warning), `{{number}}` tokens
 * that exist, and the roster (the example, and the real one when FIREBREAK_ROSTER names it).
 * The privacy lint runs on these pages in `checkContent`, as on every public page.
 */
export function checkOperational(
  root: string,
  dirs: OperationalDirs,
  context: { stepNumbers: ReadonlySet<number>; now: Date; playbook: readonly RawEntry[] },
  problems: Problem[],
): OperationalCheck {
  const runbooks = validated(root, dirs.runbooks, runbookSchema, problems);
  const platforms = validated(root, dirs.platforms, platformCardSchema, problems);
  const roles = validated(root, dirs.roles, roleCardSchema, problems);
  const scenarioTemplates = validated(root, dirs.scenarioTemplates, scenarioTemplateSchema, problems);

  const templateIds = new Set(scenarioTemplates.map((entry) => entry.id));
  const cardIds = new Set(platforms.map((entry) => entry.id));

  // A project without the folder has no operational playbook yet; one with it needs it complete.
  if (dirs.runbooks !== undefined && existsSync(resolve(root, dirs.runbooks))) {
    for (const type of RUNBOOK_TYPES) {
      if (!runbooks.some((entry) => entry.id === type)) {
        problems.push({
          file: dirs.runbooks,
          field: '',
          level: 'error',
          message: `no runbook for the crisis type "${type}" (expected ${dirs.runbooks}/${type}.mdx)`,
        });
      }
    }
  }
  for (const entry of runbooks) {
    const data = entry.data;
    if (typeof data['crisisType'] === 'string' && data['crisisType'] !== entry.id) {
      problems.push(
        problemAt(
          entry,
          ['crisisType'],
          `a runbook is named after its crisis type: expected "${entry.id}" or rename the file`,
        ),
      );
    }
    strings(data['templates']).forEach(([id, index]) => {
      if (dirs.scenarioTemplates !== undefined && !templateIds.has(id))
        problems.push(
          problemAt(
            entry,
            ['templates', index],
            `no scenario template "${id}" (expected ${dirs.scenarioTemplates}/${id}.md)`,
          ),
        );
    });
    if (Array.isArray(data['platformActions'])) {
      data['platformActions'].forEach((action: unknown, index) => {
        const card = (action as { card?: unknown } | null)?.card;
        if (typeof card === 'string' && dirs.platforms !== undefined && !cardIds.has(card))
          problems.push(
            problemAt(
              entry,
              ['platformActions', index, 'card'],
              `no platform card "${card}" (expected ${dirs.platforms}/${card}.md)`,
            ),
          );
      });
    }
    if (Array.isArray(data['steps']) && context.stepNumbers.size > 0) {
      data['steps'].forEach((step: unknown, index) => {
        if (typeof step === 'number' && !context.stepNumbers.has(step))
          problems.push(problemAt(entry, ['steps', index], `no playbook page teaches step ${step}`));
      });
    }
  }

  if (dirs.roles !== undefined && existsSync(resolve(root, dirs.roles))) {
    for (const role of ROLES) {
      if (!roles.some((entry) => entry.id === role)) {
        problems.push({
          file: dirs.roles,
          field: '',
          level: 'error',
          message: `no role card for "${role}" (expected ${dirs.roles}/${role}.md)`,
        });
      }
    }
  }
  for (const entry of roles) {
    if (typeof entry.data['role'] === 'string' && entry.data['role'] !== entry.id)
      problems.push(
        problemAt(entry, ['role'], `a role card is named after its role: expected "${entry.id}" or rename the file`),
      );
  }

  const maxAge = DEADLINES.platformCardMaxAgeDays;
  for (const entry of platforms) {
    const verified = entry.valid?.lastVerified;
    if (verified && context.now.getTime() - verified.getTime() > maxAge * DAY_MS) {
      const age = Math.floor((context.now.getTime() - verified.getTime()) / DAY_MS);
      problems.push(
        problemAt(
          entry,
          ['lastVerified'],
          `last verified ${age} days ago (more than ${maxAge}): follow the steps against the linked help pages, fix what moved and update lastVerified`,
          'warning',
        ),
      );
    }
  }

  const everything = [...context.playbook, ...runbooks, ...platforms, ...roles, ...scenarioTemplates];
  for (const entry of everything) {
    eachFrontmatterString(entry.data, (text, path) => {
      for (const name of unknownNumberNames(text))
        problems.push(problemAt(entry, path, `unknown number "{{${name}}}": use a name from src/schema/deadlines.ts`));
    });
    for (const match of entry.body.matchAll(/\{\{\s*([a-z0-9-]+)\s*\}\}/g)) {
      if (unknownNumberNames(match[0]).length === 0) continue;
      problems.push({
        file: entry.file,
        line: entry.bodyLine + lineOfIndex(entry.body, match.index) - 1,
        field: 'body',
        level: 'error',
        message: `unknown number "${match[0]}": use a name from src/schema/deadlines.ts`,
      });
    }
  }

  // The roster: the committed example always, the real one when FIREBREAK_ROSTER names it.
  for (const file of new Set([EXAMPLE_ROSTER_FILE, ...(rosterFile ? [rosterFile] : [])])) {
    const path = resolve(root, file);
    if (file === EXAMPLE_ROSTER_FILE && !existsSync(path)) continue;
    const shown = displayPath(root, path);
    const { roster, problems: rosterProblems } = readRoster(path, shown);
    problems.push(...rosterProblems);
    roster?.platformSupport.forEach((contact, index) => {
      if (dirs.platforms !== undefined && !cardIds.has(contact.card))
        problems.push({
          file: shown,
          field: `platformSupport.${index}.card`,
          level: 'error',
          message: `no platform card "${contact.card}" (expected ${dirs.platforms}/${contact.card}.md)`,
        });
    });
  }

  return { runbooks, platforms, roles, scenarioTemplates };
}

function strings(value: unknown): [string, number][] {
  return Array.isArray(value)
    ? value.flatMap((item, index): [string, number][] => (typeof item === 'string' ? [[item, index]] : []))
    : [];
}
