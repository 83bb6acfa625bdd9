import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture, runImport } from '../support/pipeline.ts';

/**
 * People are redacted by every name they go by, read from the exports themselves: Slack
 * users.json (real_name, display_name, name, profile.first_name/last_name/email), X API v2
 * includes.users (name, username), the author columns of a Brandwatch and a Meltwater CSV,
 * and the Firebreak JSON people[] (name, handle, aliases).
 */
const dir = fixture('redaction/aliases');
const abs = join(ROOT, dir);
const inputs = ['firebreak-people.json', 'slack-export', 'x-mentions.jsonl', 'brandwatch.csv', 'meltwater.csv'].map(
  (name) => `${dir}/${name}`,
);
const args = ['--dry-run', '--brand-handle', 'ExampleBrand', ...inputs];

interface SlackUser {
  name: string;
  real_name: string;
  profile: { real_name: string; display_name: string; first_name: string; last_name: string; email: string };
}
interface XUser {
  username: string;
  name: string;
  public_metrics: { followers_count: number };
}

/** Every name, handle and e-mail of a private person or responder in the inputs. */
function namesOfInputs(): string[] {
  const names: string[] = [];
  const users = JSON.parse(readFileSync(join(abs, 'slack-export/users.json'), 'utf8')) as SlackUser[];
  for (const user of users) {
    const { profile } = user;
    names.push(user.name, user.real_name, profile.display_name, profile.first_name, profile.last_name, profile.email);
  }
  const page = JSON.parse(readFileSync(join(abs, 'x-mentions.jsonl'), 'utf8').split('\n')[0]!) as {
    includes: { users: XUser[] };
  };
  for (const user of page.includes.users) {
    if (user.public_metrics.followers_count >= 10_000) continue;
    names.push(user.username, user.name, user.name.split(' ')[0]!);
  }
  const brandwatch = parse(
    readFileSync(join(abs, 'brandwatch.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')
      .slice(6)
      .join('\n'),
    {
      columns: true,
    },
  ) as Record<string, string>[];
  for (const row of brandwatch) names.push(row['Author']!, row['Full Name']!, row['Full Name']!.split(' ')[0]!);
  const meltwater = readFileSync(join(abs, 'meltwater.csv'))
    .toString('utf16le')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split('\t'));
  const header = meltwater[0]!;
  for (const row of meltwater.slice(1)) {
    const name = row[header.indexOf('Author Name')]!;
    names.push(name, name.split(' ')[0]!, row[header.indexOf('Author Handle')]!.replace(/^@/, ''));
  }
  const json = JSON.parse(readFileSync(join(abs, 'firebreak-people.json'), 'utf8')) as {
    people: { role: string; handle?: string; name?: string; aliases?: string[] }[];
  };
  for (const person of json.people.filter((p) => p.role === 'public')) {
    names.push(person.handle!, person.name!, person.name!.split(' ')[0]!, ...(person.aliases ?? []));
  }
  return [...new Set(names.filter(Boolean))];
}

/** "Will" is also a word: its occurrences as a word are checked one by one below. */
const EVERYDAY_WORDS = new Set(['will']);

describe('redaction by every name a person goes by', () => {
  const result = runImport(args);
  const page = result.stdout;
  const names = namesOfInputs();

  it('imports the five exports', () => {
    expect(result.stderr).not.toMatch(/Import failed/);
    expect(result.status).toBe(0);
    // Slack: 6 names each for 2 users; X: 2 private users; CSVs: 3 authors; JSON: 1 person.
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it('leaves no full name, first or last name, display name, handle or e-mail of the inputs in the page', () => {
    for (const name of names) {
      if (EVERYDAY_WORDS.has(name.toLowerCase())) continue;
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'iu',
      );
      expect(page, name).not.toMatch(pattern);
    }
  });

  it('replaces a lone first name with the pseudonym of its person (X, CSV, Firebreak JSON)', () => {
    // X: the brand thanks Will Baker (@wbaker_77) by first name, in a reply to him.
    const will = /@ExampleBrand: (@person-(\d+)) Thanks Person (\d+)! We're sorry yours leaked/.exec(page);
    expect(will).not.toBeNull();
    expect(will![3]).toBe(will![2]);
    // Brandwatch: Priya addresses Mina by first name; the CSV author columns name both.
    expect(page).toMatch(/@person-(\d+): Person (?!\1\b)\d+, your thread on the ExampleBrand kettle/);
    // Meltwater: "Carlos again", and his handle without the @.
    expect(page).toMatch(
      /@person-(\d+): Person \1 again: still no reply from ExampleBrand about the leak\. Ask @person-\1 for/,
    );
    // Firebreak JSON: first name, a nickname from aliases, an e-mail from aliases, the name in capitals and in a URL.
    expect(page).toMatch(
      /Thanks Person (\d+)! We wrote to Person \1 at \[e-mail of Person \1\] and to Person \1's order address; see https:\/\/example\.com\/cases\/person-\1\/notes/,
    );
  });

  it('names war-room responders by role wherever Slack names them: first name, display name, handle, e-mail, mention', () => {
    expect(page).toContain(
      'Social media lead: Thanks Responder A! Responder A, can you draft the holding line? Will you check the tone, Responder A?',
    );
    expect(page).toContain('wrote to [e-mail of Responder A]');
    expect(page).toContain('Responder A and Social media lead are on it.');
  });

  it('pseudonymizes handles inside profile URLs and names inside file names', () => {
    expect(page).toMatch(/https:\/\/www\.tiktok\.com\/@person-(\d+) and https:\/\/www\.instagram\.com\/person-\1\//);
    expect(page).toMatch(/\[file: person-\d+_complaint\.png\]/);
  });

  it('does not mangle "will" and "Will" as ordinary words', () => {
    expect(page).toContain('Mine too. Will post photos later, I will not let this go.');
    expect(page).toContain('Will you check the tone');
  });

  it("renders Slack's <!channel> and <!here> as @channel and @here, never as a person", () => {
    expect(page).toContain('Responder A: @channel war room open');
    expect(page).toContain('@here please join.');
  });

  it('removes private share links (Dropbox, Google Docs, Slack private files)', () => {
    expect(page).toContain('screens ([private link removed]) and draft ([private link removed])');
    expect(page).not.toMatch(/dropbox\.com|docs\.google\.com|files\.slack\.com|files-pri/);
  });

  it('keeps the brand', () => {
    expect(page).toContain('@ExampleBrand: @person-');
    expect(page).toContain('still no reply from ExampleBrand');
  });
});

describe('--no-redact with aliases', () => {
  it('keeps private names but still removes share links, and responders stay roles', () => {
    const result = runImport(['--no-redact', ...args]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Thanks Lena!');
    expect(result.stdout).toContain('Thanks Responder A!');
    expect(result.stdout).not.toMatch(/Dana|Whitfield|dwhitfield|Danny W/);
    expect(result.stdout).toContain('@channel war room open');
    expect(result.stdout).not.toMatch(/dropbox\.com|docs\.google\.com/);
  });
});
