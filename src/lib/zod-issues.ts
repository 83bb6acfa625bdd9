import type { z } from 'zod';

/**
 * The one way from a zod issue to text, for the content check and the importer alike: one path
 * style (dotted, `timeline.2.at`, as Starlight's and Astro's content errors write it) and one
 * wording for the issues whose zod message is unhelpful to a contributor (an unknown field, a
 * missing field).
 */

/** A zod issue as a contributor reads it: where (the path and its dotted name) and what. */
export interface IssueText {
  path: readonly PropertyKey[];
  /** Dotted path, e.g. `timeline.2.at`; empty for the value as a whole. */
  field: string;
  message: string;
}

/** The dotted path of a zod issue (`timeline.2.at`); empty for the value as a whole. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The dotted path, or `(top level)` for the value as a whole, as one-line messages name a place. */
export function issuePlace(path: readonly PropertyKey[]): string {
  return issuePath(path) || '(top level)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod's own wording, which a schema's custom message (written for that field) replaces. */
function isZodDefault(issue: z.core.$ZodIssue): boolean {
  return issue.message.startsWith('Invalid input');
}

function text(path: readonly PropertyKey[], message: string): IssueText {
  return { path, field: issuePath(path), message };
}

/**
 * The texts of zod's issues about `data`: one per unknown field (so each gets its own line),
 * "missing" where a required field is absent (unless the schema words that itself), the schema's
 * or zod's message otherwise.
 */
export function issueTexts(issues: readonly z.core.$ZodIssue[], data: unknown): IssueText[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        text(
          [...issue.path, key],
          `unknown field "${key}" (check the spelling; see the schema for the allowed fields)`,
        ),
      );
    }
    if (issue.code === 'invalid_type' && isZodDefault(issue) && valueAt(data, issue.path) === undefined) {
      return [text(issue.path, `missing: this field is required (${issue.expected})`)];
    }
    return [text(issue.path, issue.message)];
  });
}

/** The first issue's text and how many more there were, for messages that stop at the first problem. */
export function firstIssue(issues: readonly z.core.$ZodIssue[], data: unknown): IssueText & { more: number } {
  const texts = issueTexts(issues, data);
  return { ...texts[0]!, more: texts.length - 1 };
}
