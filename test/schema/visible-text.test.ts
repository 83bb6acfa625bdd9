import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-check/index.ts';
import { exportPersonSchema } from '../../src/schema/incident-export.ts';
import { playbookSchema } from '../../src/schema/playbook.ts';
import { actionItemSchema, postmortemFields } from '../../src/schema/postmortem.ts';

/** Invisible and text-direction characters, named by code point so this file shows them. */
const INVISIBLE = ['\u200B', '\u200D', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\uFEFF'];

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

describe('titles, names and owners refuse invisible and bidirectional control characters', () => {
  it.each(INVISIBLE.map((char) => [codePoint(char), char]))('refuses %s in a post-mortem title', (point, char) => {
    const result = postmortemFields.shape.title.safeParse(`Kettle ${char}leak`);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(point);
  });

  it('refuses them in action-item owner roles, playbook titles and owners, and export people', () => {
    const owner = actionItemSchema.shape.ownerRole.safeParse('Social\u202Emedia lead');
    expect(owner.error?.issues[0]?.message).toMatch(/U\+202E at position 7/);
    expect(
      playbookSchema.safeParse({ title: 'Go\u200B now' }).error?.issues.find((i) => i.path[0] === 'title')?.message,
    ).toMatch(/U\+200B/);
    expect(
      playbookSchema.safeParse({ owner: 'Head\u2066 of Social' }).error?.issues.find((i) => i.path[0] === 'owner')
        ?.message,
    ).toMatch(/U\+2066/);
    const person = exportPersonSchema.safeParse({
      id: 'u1',
      role: 'public',
      name: 'Jane\u200D Doe',
      handle: 'jane\u202Ddoe',
    });
    expect(person.error?.issues.map((issue) => [issue.path.join('.'), /U\+200D|U\+202D/.test(issue.message)])).toEqual([
      ['handle', true],
      ['name', true],
    ]);
  });

  it('accepts ordinary text, accents and emoji (a ZWJ-free emoji)', () => {
    expect(postmortemFields.shape.title.safeParse('Café launch – promo code leak 🔥').success).toBe(true);
  });

  it('is reported by npm run check as path:line  field  message', () => {
    const project = mkdtempSync(join(tmpdir(), 'firebreak-invisible-'));
    mkdirSync(join(project, 'content/playbook'), { recursive: true });
    writeFileSync(
      join(project, 'content/playbook/guide.md'),
      `---\ntitle: "Reply \u202Efast"\nsummary: "A guide page with a hidden direction override in its title."\nphase: during\nkind: guide\nowner: "Head of Social"\nlastReviewed: 2025-02-01\n---\n\nText.\n`,
    );
    const { problems } = checkContent(project, { playbook: 'content/playbook', postmortems: 'content/postmortems' });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/playbook\/guide\.md:2 {2}title {2}contains the invisible or text-direction character U\+202E at position 7/,
      ),
    ]);
  });
});
