import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent, type Problem } from '../../../src/lib/content-check/index.ts';
import { readPrivacyAllowlist } from '../../../src/lib/content-check/privacy.ts';

/**
 * Per rule: a published post-mortem that must fail, the same finding in a draft that must only
 * warn, and one that must pass (allowlisted values, or look-alikes that are not personal data).
 * The fixtures are complete, schema-valid entries, so every problem here comes from the lint.
 */
const root = fileURLToPath(new URL('../../fixtures/privacy/', import.meta.url));
const postmortems = 'content/postmortems';
const { problems } = checkContent(root, { playbook: 'content/playbook', postmortems });

function problemsOf(id: string): Problem[] {
  return problems.filter((problem) => problem.file === `${postmortems}/${id}.md`);
}

/** The 1-based number of the first line of a fixture that contains `needle`. */
function lineWith(id: string, needle: string): number {
  const lines = readFileSync(join(root, postmortems, `${id}.md`), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  expect(index, `"${needle}" in ${id}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const rules = [
  {
    rule: 'e-mail addresses',
    published: '2025-02-01-email-published',
    draft: '2025-02-02-email-draft',
    allowed: '2025-02-03-email-allowed',
    findings: [
      { field: 'summary', needle: 'jane.doe@gmail.com', message: /^e-mail address "ja•••@gmail\.com"/ },
      { field: 'body', needle: 'care-team@our-shop.co.uk', message: /^e-mail address "ca•••@our-shop\.co\.uk"/ },
    ],
    draftFields: ['summary'],
  },
  {
    rule: 'phone numbers',
    published: '2025-02-04-phone-published',
    draft: '2025-02-05-phone-draft',
    allowed: '2025-02-06-phone-allowed',
    findings: [{ field: 'timeline.0.text', needle: '+44 20 7946 0958', message: /^phone number "\+•• •• •••• ••58"/ }],
    draftFields: ['timeline.0.text'],
  },
  {
    rule: '@handles not on the allowlist',
    published: '2025-02-07-handle-published',
    draft: '2025-02-08-handle-draft',
    allowed: '2025-02-09-handle-allowed',
    findings: [{ field: 'body', needle: '@janedoe_82', message: /^handle "@janedoe_82" is not on the allowlist/ }],
    draftFields: ['body'],
  },
  {
    rule: 'tokens in URLs',
    published: '2025-02-10-url-token-published',
    draft: '2025-02-11-url-token-draft',
    allowed: '2025-02-12-url-token-allowed',
    findings: [{ field: 'sources.0.url', needle: '?t=xoxe-', message: /^link carries a token \("\?t=xo•••"\)/ }],
    draftFields: ['sources.0.url'],
  },
];

describe.each(rules)('privacy lint: $rule', ({ published, draft, allowed, findings, draftFields }) => {
  it('is an error in a published entry, reported at the line of the field', () => {
    const found = problemsOf(published);
    expect(found.map((problem) => problem.field)).toEqual(findings.map((finding) => finding.field));
    findings.forEach((finding, index) => {
      const problem = found[index]!;
      expect(problem.level).toBe('error');
      expect(problem.line).toBe(lineWith(published, finding.needle));
      expect(problem.message).toMatch(finding.message);
    });
  });

  it('is only a warning while the entry is a draft', () => {
    const found = problemsOf(draft);
    expect(found.map((problem) => problem.field)).toEqual(draftFields);
    expect(found.every((problem) => problem.level === 'warning')).toBe(true);
  });

  it('passes allowlisted values and look-alikes that are not personal data', () => {
    expect(problemsOf(allowed)).toEqual([]);
  });
});

describe('privacy lint: the whole fixture set', () => {
  it('reports only privacy problems (every fixture is otherwise valid)', () => {
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.filter((problem) => !/^(e-mail address|phone number|handle|link carries a token)/.test(problem.message)),
    ).toEqual([]);
  });

  it('never repeats the full personal data it found, so CI logs do not keep it', () => {
    const output = problems.map((problem) => problem.message).join('\n');
    expect(output).not.toContain('jane.doe@gmail.com');
    expect(output).not.toContain('7946 0958');
    expect(output).not.toContain('xoxe-123456-abcdef');
  });
});

describe('privacy allowlist file', () => {
  it('reports a wrong entry with the file, line and field, then lints with an empty allowlist', () => {
    const project = mkdtempSync(join(tmpdir(), 'firebreak-allowlist-'));
    mkdirSync(join(project, 'content'));
    writeFileSync(
      join(project, 'content/privacy-allowlist.yaml'),
      '# header\nhandles:\n  - firebreak\n  - "not a handle"\nemails: []\n',
    );
    const found: Problem[] = [];
    const allowlist = readPrivacyAllowlist(project, found);
    expect(allowlist.handles.size).toBe(0);
    expect(found).toEqual([
      expect.objectContaining({ file: 'content/privacy-allowlist.yaml', line: 4, field: 'handles.1', level: 'error' }),
      expect.objectContaining({ file: 'content/privacy-allowlist.yaml', line: 5, field: 'emails', level: 'error' }),
    ]);
  });

  it('is optional: without it nothing is allowed and nothing is reported about it', () => {
    const project = mkdtempSync(join(tmpdir(), 'firebreak-allowlist-'));
    const found: Problem[] = [];
    expect(readPrivacyAllowlist(project, found).handles.size).toBe(0);
    expect(found).toEqual([]);
  });
});
