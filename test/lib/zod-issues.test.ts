import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstIssue, issuePath, issuePlace, issueTexts } from '../../src/lib/zod-issues.ts';

const schema = z
  .object({
    title: z.string(),
    status: z.string({ error: 'expected the status, like "live"' }),
    timeline: z.array(z.object({ at: z.string() }).strict()),
  })
  .strict();

function issuesOf(data: unknown) {
  const result = schema.safeParse(data);
  if (result.success) throw new Error('expected the data to fail');
  return issueTexts(result.error.issues, data);
}

describe('zod issues as text (one path style for the content check and the importer)', () => {
  it('names a path dotted, array indexes included, and the root as (top level) in places', () => {
    expect(issuePath(['timeline', 2, 'at'])).toBe('timeline.2.at');
    expect(issuePath([])).toBe('');
    expect(issuePlace([])).toBe('(top level)');
    expect(issuePlace(['events', 10, 'actorId'])).toBe('events.10.actorId');
  });

  it('gives each unknown field its own text, a missing field "missing", a wrong one zod’s message', () => {
    const texts = issuesOf({ status: 'live', timeline: [{ at: 3, when: 'x' }], extra: 1, other: 2 });
    expect(texts.map((text) => [text.field, text.message])).toEqual([
      ['title', 'missing: this field is required (string)'],
      ['timeline.0.at', 'Invalid input: expected string, received number'],
      ['timeline.0.when', 'unknown field "when" (check the spelling; see the schema for the allowed fields)'],
      ['extra', 'unknown field "extra" (check the spelling; see the schema for the allowed fields)'],
      ['other', 'unknown field "other" (check the spelling; see the schema for the allowed fields)'],
    ]);
  });

  it('keeps a message the schema wrote for a missing field, and counts what follows the first issue', () => {
    const data = { title: 'x', timeline: [], extra: true };
    const result = schema.safeParse(data);
    expect(result.success).toBe(false);
    const first = firstIssue(result.error!.issues, data);
    expect(first).toMatchObject({ field: 'status', message: 'expected the status, like "live"', more: 1 });
  });
});
