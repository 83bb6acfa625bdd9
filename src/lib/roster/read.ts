import { existsSync, readFileSync } from 'node:fs';
import { rosterSchema, type Roster } from '../../schema/roster.ts';
import type { Problem } from '../content-check/problem.ts';
import { readYaml, YamlError } from '../yaml.ts';

/** The committed, fictional roster: the shape to copy, never real people. */
export const EXAMPLE_ROSTER_FILE = 'content/roster.example.yaml';

/**
 * Reads and validates a roster file with the project's one YAML reader. Returns the roster, or
 * the problems (file, line, field, message) and no roster: a broken roster must fail an
 * internal build rather than show half of it.
 */
export function readRoster(path: string, displayName: string = path): { roster?: Roster; problems: Problem[] } {
  const problem = (message: string, field = '', line?: number): Problem => ({
    file: displayName,
    field,
    level: 'error',
    message,
    ...(line ? { line } : {}),
  });
  if (!existsSync(path)) {
    return { problems: [problem(`no roster file here; copy ${EXAMPLE_ROSTER_FILE} to it and fill in your team`)] };
  }
  let document: ReturnType<typeof readYaml>;
  try {
    document = readYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    return { problems: [problem(`not valid YAML: ${error.message}`, '', error.line)] };
  }
  const result = rosterSchema.safeParse(document.data ?? {});
  if (result.success) return { roster: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const fieldPath = key === undefined ? issue.path : [...issue.path, key];
      problems.push(
        problem(
          key === undefined ? issue.message : `unknown field "${key}"`,
          fieldPath.map(String).join('.'),
          document.lineOf(fieldPath),
        ),
      );
    }
  }
  return { problems };
}
