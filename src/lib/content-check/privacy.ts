import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readYaml, YamlError } from '../yaml.ts';
import { problemsFromIssues } from './issues.ts';
import type { Problem } from './problem.ts';
import {
  EMPTY_ALLOWLIST,
  PRIVACY_ALLOWLIST_FILE,
  allowlistFileSchema,
  toAllowlist,
  type PrivacyAllowlist,
} from './privacy-rules.ts';

export {
  EMPTY_ALLOWLIST,
  PRIVACY_ALLOWLIST_FILE,
  lintPrivacy,
  toAllowlist,
  type PrivacyAllowlist,
  type PrivacyEntry,
} from './privacy-rules.ts';

/**
 * Reads `content/privacy-allowlist.yaml` when it exists. A broken allowlist is reported as a
 * problem of that file (with its line) and the lint goes on with an empty allowlist, which
 * errs on the side of flagging too much.
 */
export function readPrivacyAllowlist(root: string, problems: Problem[]): PrivacyAllowlist {
  const path = resolve(root, PRIVACY_ALLOWLIST_FILE);
  if (!existsSync(path)) return EMPTY_ALLOWLIST;
  let read: ReturnType<typeof readYaml>;
  try {
    read = readYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    problems.push({
      file: PRIVACY_ALLOWLIST_FILE,
      field: '',
      level: 'error',
      message: error.message,
      ...(error.line ? { line: error.line } : {}),
    });
    return EMPTY_ALLOWLIST;
  }
  const result = allowlistFileSchema.safeParse(read.data ?? {});
  if (result.success) return toAllowlist(result.data);
  problems.push(
    ...problemsFromIssues({ file: PRIVACY_ALLOWLIST_FILE, data: read.data, lineOf: read.lineOf }, result.error.issues),
  );
  return EMPTY_ALLOWLIST;
}
