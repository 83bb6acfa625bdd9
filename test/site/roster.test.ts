import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readRoster } from '../../src/lib/roster/read.ts';
import type { Roster } from '../../src/schema/roster.ts';
import { childEnv } from '../support/child-env.ts';

/**
 * The roster is private by design: the public build (the one the suite serves) contains none of
 * its values; an internal build (FIREBREAK_INTERNAL=1 FIREBREAK_ROSTER=…) shows it on Crisis now
 * and the role cards.
 */
const root = join(import.meta.dirname, '..', '..');
const exampleFile = join(root, 'content', 'roster.example.yaml');
const roster = readRoster(exampleFile).roster as Roster;

/** Every value of the roster a reader could recognise: names, phones (any spacing), e-mails, contacts. */
function rosterValues(): string[] {
  const values = roster.people.flatMap((person) => [
    person.name,
    person.phone,
    person.phone.replace(/[^\d+]/g, ''),
    ...(person.email ? [person.email] : []),
    ...(person.altContact ? [person.altContact] : []),
  ]);
  for (const contact of roster.platformSupport) {
    values.push(contact.contact, ...(contact.phone ? [contact.phone] : []), ...(contact.link ? [contact.link] : []));
  }
  return values;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the public build', () => {
  it('contains no value from the roster, in any file (pages, scripts, search index)', () => {
    const dist = inject('distDir');
    const values = rosterValues();
    expect(values.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const file of filesUnder(dist)) {
      const text = readFileSync(file).toString('latin1');
      for (const value of values) if (text.includes(value)) leaks.push(`${file}: ${value}`);
      if (text.includes('data-roster')) leaks.push(`${file}: data-roster`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('the internal build', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'firebreak-internal-'));
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: childEnv('production', { FIREBREAK_INTERNAL: '1', FIREBREAK_ROSTER: exampleFile }),
    });
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('shows who to call, the backups, sign-off with its fallback and platform support on Crisis now', () => {
    const html = readFileSync(join(outDir, 'playbook', 'crisis-now', 'index.html'), 'utf8');
    expect(html).toContain('data-roster');
    expect(html).toContain('Fictional example roster');
    const lead = roster.people.find((p) => p.id === roster.roles['crisis-lead']!.primary)!;
    expect(html).toContain(lead.name);
    expect(html).toContain(`href="tel:${lead.phone.replace(/[^\d+]/g, '')}"`);
    for (const backup of roster.roles['social-lead']!.backups) {
      expect(html).toContain(roster.people.find((p) => p.id === backup)!.name);
    }
    expect(html).toMatch(/Level 1: Helen Carter; if unreachable, Ravi Nair\./);
    expect(html).toContain(roster.platformSupport[0]!.contact);
  });

  it('shows the people behind a role on its role card', () => {
    const html = readFileSync(join(outDir, 'playbook', 'roles', 'legal', 'index.html'), 'utf8');
    expect(html).toContain('Priya Shah');
    expect(html).toContain('Daniel Moore');
    expect(html).not.toContain('Jun Park');
  });
});
