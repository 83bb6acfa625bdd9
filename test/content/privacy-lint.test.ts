import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent, type Problem } from '../../src/lib/content-check/index.ts';
import { lintPrivacy, readPrivacyAllowlist, toAllowlist } from '../../src/lib/content-check/privacy.ts';

/**
 * Per rule: a published post-mortem that must fail, the same finding in a draft that must only
 * warn, and one that must pass (allowlisted values, or look-alikes that are not personal data).
 * The fixtures are complete, schema-valid entries, so every problem here comes from the lint.
 */
const root = fileURLToPath(new URL('../fixtures/privacy/', import.meta.url));
const postmortems = 'content/postmortems';
// A day before the fixtures' action items fall due, so only the privacy lint speaks.
const { problems } = checkContent(
  root,
  { playbook: 'content/playbook', postmortems },
  { now: new Date('2025-02-15T00:00:00Z') },
);

function problemsOf(id: string, folder = postmortems): Problem[] {
  return problems.filter((problem) => problem.file === `${folder}/${id}.md`);
}

/** The 1-based number of the first line of a fixture that contains `needle`. */
function lineWith(id: string, needle: string, folder = postmortems): number {
  const lines = readFileSync(join(root, folder, `${id}.md`), 'utf8').split('\n');
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

/** Detectors with a published fixture that must fail, finding by finding, and one that must pass. */
const detectors = [
  {
    rule: 'phone numbers in every common national and international form',
    published: '2025-02-13-phone-forms-published',
    allowed: '2025-02-14-phone-forms-allowed',
    findings: [
      { field: 'body', needle: '+44 7700 900123', message: /^phone number "\+•• •••• ••••23"/ },
      { field: 'body', needle: '+447700900123', message: /^phone number "\+••••••••••23"/ },
      { field: 'body', needle: ': 07700 900123', message: /^phone number "••••• ••••23"/ },
      { field: 'body', needle: '(415) 555-0142', message: /^phone number "\(•••\) •••-••42"/ },
      { field: 'body', needle: '0049 30 1234567', message: /^phone number "•••• •• •••••67"/ },
      { field: 'body', needle: '+86 138 0013 8000', message: /^phone number "\+•• ••• •••• ••00"/ },
    ],
  },
  {
    rule: 'payment-card numbers (Luhn-checked)',
    published: '2025-02-15-card-published',
    allowed: '2025-02-16-card-allowed',
    findings: [
      {
        field: 'timeline.0.text',
        needle: '4111 1111 1111 1111',
        message: /^payment-card number "•••• •••• •••• 1111"/,
      },
    ],
  },
  {
    rule: 'IPv4 and IPv6 addresses',
    published: '2025-02-17-ip-published',
    allowed: '2025-02-18-ip-allowed',
    findings: [
      { field: 'body', needle: '203.0.113.45', message: /^IP address "203\.•••"/ },
      { field: 'body', needle: '2001:db8:85a3::8a2e:370:7334', message: /^IP address "2001:•••"/ },
    ],
  },
  {
    rule: 'signed-URL tokens',
    published: '2025-02-19-signed-url-published',
    allowed: '2025-02-20-signed-url-allowed',
    findings: [
      {
        field: 'sources.0.url',
        needle: 'X-Amz-Signature=',
        message: /^link carries a token \("&X-Amz-Signature=9f•••"\)/,
      },
      {
        field: 'sources.1.url',
        needle: 'X-Goog-Signature=',
        message: /^link carries a token \("&X-Goog-Signature=5b•••"\)/,
      },
      { field: 'sources.2.url', needle: '&sig=', message: /^link carries a token \("&sig=Zm•••"\)/ },
      { field: 'sources.3.url', needle: 'access_token=', message: /^link carries a token \("\?access_token=ab•••"\)/ },
    ],
  },
  {
    rule: 'handles inside profile URLs',
    published: '2025-02-21-profile-handle-published',
    allowed: '2025-02-22-profile-handle-allowed',
    findings: [
      'tiktok.com/@janedoe.kettles',
      'threads.net/@jane_doe_82',
      'instagram.com/jane.doe.82',
      'x.com/janedoe_82',
      'twitter.com/janedoe_old',
      'facebook.com/jane.doe.5832',
      'linkedin.com/in/jane-doe-3a1b2c',
      'bsky.app/profile/janedoe.bsky.social',
      'youtube.com/@JaneDoeReviews',
      'reddit.com/u/kettle_victim_22',
    ].map((needle) => ({
      field: 'body',
      needle,
      message: new RegExp(
        `^profile link names "@${needle.replace(/^.*[/@]/, '').replace(/\./g, '\\.')}", which is not on the allowlist`,
      ),
    })),
  },
  {
    rule: 'private share links',
    published: '2025-02-23-share-link-published',
    allowed: '2025-02-24-share-link-allowed',
    findings: [
      { field: 'body', needle: 'dropbox.com/scl/fi', message: /^private share link \("www\.dropbox\.com\/•••"\)/ },
      {
        field: 'body',
        needle: 'drive.google.com/file/d',
        message: /^private share link \("drive\.google\.com\/•••"\)/,
      },
      {
        field: 'body',
        needle: 'docs.google.com/spreadsheets',
        message: /^private share link \("docs\.google\.com\/•••"\)/,
      },
    ],
  },
];

describe.each(detectors)('privacy lint: $rule', ({ published, allowed, findings }) => {
  it('is an error in a published entry, each finding at its own line', () => {
    const found = problemsOf(published);
    expect(found.map((problem) => problem.field)).toEqual(findings.map((finding) => finding.field));
    findings.forEach((finding, index) => {
      const problem = found[index]!;
      expect(problem.level).toBe('error');
      expect(problem.line, finding.needle).toBe(lineWith(published, finding.needle));
      expect(problem.message).toMatch(finding.message);
    });
  });

  it('passes the look-alikes and allowlisted values of its passing fixture', () => {
    expect(problemsOf(allowed)).toEqual([]);
  });
});

describe('privacy lint on playbook pages', () => {
  const playbook = 'content/playbook';

  it('reports personal data on a playbook page as errors (playbook pages are published)', () => {
    const found = problemsOf('guide-personal-data', playbook);
    expect(found.map((problem) => [problem.line, problem.message.split(' "')[0]])).toEqual([
      [lineWith('guide-personal-data', '+44 7700 900123', playbook), 'phone number'],
      [lineWith('guide-personal-data', 'duty.lead@gmail.com', playbook), 'e-mail address'],
      [lineWith('guide-personal-data', '@janedoe_82 a voucher', playbook), 'handle'],
      [lineWith('guide-personal-data', 'tiktok.com/@janedoe_82', playbook), 'profile link names'],
    ]);
    expect(found.every((problem) => problem.level === 'error' && problem.field === 'body')).toBe(true);
  });

  it('passes allowlisted values on a playbook page', () => {
    expect(problemsOf('guide-allowed', playbook)).toEqual([]);
  });
});

describe('phoneRegions in the allowlist', () => {
  const entry = (body: string) => ({
    file: 'content/postmortems/2025-02-01-x.md',
    data: { status: 'published' },
    lineOf: () => undefined,
    body,
    bodyLine: 10,
  });
  const phones = (body: string, phoneRegions?: string[]) =>
    lintPrivacy([entry(body)], toAllowlist(phoneRegions ? { phoneRegions } : {})).map((problem) => problem.message);

  it('reads national forms of the configured regions, and international forms of every region', () => {
    expect(phones('Ring 030 1234567 today.', ['DE'])).toEqual([expect.stringMatching(/^phone number/)]);
    // A US number never starts with 0: in a US-only project these are not national US numbers.
    expect(phones('Ring 030 1234567 today.', ['US'])).toEqual([]);
    expect(phones('Ring 07700 900123 today.', ['US'])).toEqual([]);
    expect(phones('Ring +44 7700 900123 or 0049 30 1234567 today.', ['US'])).toHaveLength(2);
  });

  it('defaults to GB and US national forms', () => {
    expect(phones('Ring 07700 900123 or (415) 555-0142.')).toHaveLength(2);
  });

  it('refuses a region code the phone library does not know, with its line', () => {
    const project = mkdtempSync(join(tmpdir(), 'firebreak-allowlist-'));
    mkdirSync(join(project, 'content'));
    writeFileSync(join(project, 'content/privacy-allowlist.yaml'), 'phoneRegions:\n  - GB\n  - XX\n');
    const found: Problem[] = [];
    readPrivacyAllowlist(project, found);
    expect(found).toEqual([
      expect.objectContaining({
        file: 'content/privacy-allowlist.yaml',
        line: 3,
        field: 'phoneRegions.1',
        message: 'expected a two-letter region code such as GB, US or DE',
      }),
    ]);
  });
});

describe('privacy lint: the whole fixture set', () => {
  it('reports only privacy problems (every fixture is otherwise valid)', () => {
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.filter(
        (problem) =>
          !/^(e-mail address|phone number|handle|link carries a token|profile link names|payment-card number|IP address|private share link)/.test(
            problem.message,
          ),
      ),
    ).toEqual([]);
  });

  it('never repeats the full personal data it found, so CI logs do not keep it', () => {
    const output = problems.map((problem) => problem.message).join('\n');
    expect(output).not.toContain('jane.doe@gmail.com');
    expect(output).not.toContain('7946 0958');
    expect(output).not.toContain('xoxe-123456-abcdef');
    for (const secret of ['900123', '555-0142', '1111 1111 1111 1111', '203.0.113.45', '9f2c1e0b7d', 'a1b2c3/screens'])
      expect(output).not.toContain(secret);
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
