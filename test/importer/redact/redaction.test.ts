import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../src/lib/privacy/patterns.ts';
import { ROOT, fixture, runImport } from '../support/pipeline.ts';

const dir = join(ROOT, fixture('redaction'));
const inputs = [
  fixture('redaction/personal-data.json'),
  fixture('redaction/slack-export'),
  fixture('redaction/brandwatch.csv'),
];
const args = [
  '--dry-run',
  '--channel',
  'enrique',
  '--brand-handle',
  'ExampleBrand',
  '--keep',
  '@kept_reporter',
  ...inputs,
];

function filesUnder(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => filesUnder(join(path, name))) : [path];
}

/** Everything personal the inputs contain, read from the inputs themselves. */
function personalDataOfInputs() {
  const texts = filesUnder(dir)
    .filter((file) => /\.(json|csv)$/.test(file))
    .map((file) => readFileSync(file, 'utf8'));
  const emails = new Set(
    texts.flatMap((text) =>
      findPersonalData(text)
        .filter((f) => f.kind === 'email')
        .map((f) => f.match),
    ),
  );

  const json = JSON.parse(readFileSync(join(dir, 'personal-data.json'), 'utf8')) as {
    people: { role: string; handle?: string; name?: string; verified?: boolean; followers?: number }[];
    summary: string;
    wentPoorly: string[];
  };
  const phones = findPersonalData([json.summary, ...json.wentPoorly].join('\n'))
    .filter((f) => f.kind === 'phone')
    .map((f) => f.match);
  const privatePeople = json.people.filter(
    (p) =>
      (p.role === 'public' && !p.verified && (p.followers ?? 0) < 10_000 && p.handle !== 'kept_reporter') ||
      p.role === 'responder',
  );
  const handles = privatePeople.flatMap((p) => (p.handle ? [p.handle] : []));
  const names = privatePeople.flatMap((p) => (p.name ? [p.name] : []));

  const users = JSON.parse(readFileSync(join(dir, 'slack-export/users.json'), 'utf8')) as {
    name: string;
    real_name?: string;
  }[];
  for (const user of users) {
    handles.push(user.name);
    if (user.real_name && user.real_name !== user.name) names.push(user.real_name);
  }
  const rows = parse(
    readFileSync(join(dir, 'brandwatch.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')
      .slice(6)
      .join('\n'),
    {
      columns: true,
      relax_column_count: true,
    },
  ) as Record<string, string>[];
  for (const row of rows) {
    if (Number(row['X Followers'] || 0) >= 10_000) continue;
    if (row['Author']) handles.push(row['Author']);
    if (row['Full Name']) names.push(row['Full Name']);
  }
  return { emails: [...emails], phones, handles, names };
}

describe('redaction by default', () => {
  const result = runImport(args);
  const page = result.stdout;
  const personal = personalDataOfInputs();

  it('imports the three exports', () => {
    expect(result.stderr).not.toMatch(/Import failed/);
    expect(result.status).toBe(0);
    expect(personal.emails.length).toBeGreaterThanOrEqual(2);
    expect(personal.phones.length).toBeGreaterThanOrEqual(2);
    expect(personal.handles.length).toBeGreaterThanOrEqual(6);
  });

  it('leaves no e-mail address of the inputs in the page', () => {
    for (const email of personal.emails) expect(page).not.toContain(email);
    expect(findPersonalData(page).filter((f) => f.kind === 'email')).toEqual([]);
  });

  it('leaves no phone number of the inputs in the page', () => {
    const digits = page.replace(/\D/g, '');
    for (const phone of personal.phones) expect(digits).not.toContain(phone.replace(/\D/g, ''));
  });

  it('leaves no handle or name of a private individual or responder in the page', () => {
    const lower = page.toLowerCase();
    for (const handle of personal.handles)
      expect(lower, handle).not.toMatch(new RegExp(`(?<![a-z0-9_])${handle.toLowerCase()}(?![a-z0-9_])`));
    for (const name of personal.names) expect(lower, name).not.toContain(name.toLowerCase());
  });

  it('uses stable pseudonyms: the same person has the same one in the timeline, the lessons and the text', () => {
    // jane_kettles posts the trigger (actor) and is @mentioned by the brand and by the reporter.
    const timeline = page.slice(0, page.indexOf('\n---\n', 4));
    const trigger = /text: "(@person-\d+): My ExampleBrand kettle/.exec(timeline)?.[1];
    expect(trigger).toBeDefined();
    expect(timeline).toContain(`@ExampleBrand: ${trigger} This is not true`);
    expect(timeline).toContain(`asks ${trigger} for an interview`);
  });

  it('names responders by incident role or as "Responder A", never by name', () => {
    expect(page).toContain('Social media lead: Seeing a spike');
    expect(page).toMatch(/Responder [A-Z]: /);
  });

  it('keeps the brand, --keep entries and large verified accounts', () => {
    expect(page).toContain('@ExampleBrand');
    expect(page).toContain('@kept_reporter');
    expect(page).toContain('@DailyGadgetNews');
  });
});

describe('--no-redact', () => {
  it('keeps personal data only when asked explicitly, and warns', () => {
    const result = runImport(['--no-redact', ...args]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/--no-redact/);
    expect(result.stdout).toContain('jane.placeholder@example.com');
    expect(result.stdout).toContain('@jane_kettles');
    // Blameless even then: responders stay roles.
    expect(result.stdout).not.toContain('Rosa Responder');
  });
});
