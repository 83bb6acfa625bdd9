import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../src/content-paths.ts';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { postmortemSchema } from '../../src/schema/postmortem.ts';
import { requiredSeverity, triageSignalsOf, type TriageSignal } from '../../src/schema/triage.ts';

/**
 * The samples in the library teach the triage of Crisis now, so they must follow it: no sample is
 * rated milder than its triage answers demand ("an executive named rated 3" is wrong).
 */
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, contentPaths.postmortems);
const samples = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ name, data: parseFrontmatter(readFileSync(join(dir, name), 'utf8')).data }));

describe('the triage rules', () => {
  it('take the most severe level any signal forces', () => {
    expect(requiredSeverity([])).toBe(4);
    expect(requiredSeverity(['above-normal'])).toBe(3);
    expect(requiredSeverity(['above-normal', 'discrimination-claim'])).toBe(2);
    expect(requiredSeverity(['senior-leader-named'])).toBe(2);
    expect(requiredSeverity(['local-media', 'safety'])).toBe(1);
    expect(requiredSeverity(['ceo-named'])).toBe(1);
  });

  it('read what the other fields already say: news media, an executive’s own statement', () => {
    expect(triageSignalsOf({ platforms: ['x', 'news-media'] })).toEqual(['local-media']);
    expect(triageSignalsOf({ origin: 'executive-statement', triage: ['above-normal'] })).toEqual([
      'above-normal',
      'senior-leader-named',
    ]);
  });

  it('are enforced by the post-mortem schema, with a message that says why', () => {
    const sample = samples.find((s) => s.name.startsWith('2025-09-02-executive'))!;
    const result = postmortemSchema.safeParse({ ...sample.data, severity: 3 });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({
        path: ['severity'],
        message:
          'severity 3 is milder than the triage allows: level 2 or more severe, because a senior leader is named; spreading beyond our followers at the level-2 volume',
      }),
    ]);
    // More severe than the triage demands is allowed: when in doubt, take the more severe level.
    expect(postmortemSchema.safeParse({ ...sample.data, severity: 1 }).success).toBe(true);
  });
});

describe('the sample post-mortems follow the triage', () => {
  it.each(samples.map((s) => [s.name, s.data] as const))('%s', (name, data) => {
    expect(data['example'], `${name} is a fictional sample`).toBe(true);
    const severity = data['severity'] as number;
    const signals = triageSignalsOf(data as { triage?: TriageSignal[]; platforms?: string[]; origin?: string });
    if (severity < 4) expect(signals.length, `${name} records its triage answers`).toBeGreaterThan(0);
    expect(severity, `${name}: ${signals.join(', ')}`).toBeLessThanOrEqual(requiredSeverity(signals));
  });

  it('recalibrates the three samples that broke the rules', () => {
    const level = (prefix: string) => samples.find((s) => s.name.startsWith(prefix))!.data['severity'];
    expect(level('2025-09-02-executive-linkedin')).toBe(2); // a senior leader named
    expect(level('2026-10-08-generated-ad-stereotype')).toBe(2); // a discrimination claim
    expect(level('2023-08-28-contamination-hoax')).toBe(1); // a safety claim
  });

  it('cover every crisis type that has a runbook', () => {
    const types = new Set(samples.map((s) => s.data['crisisType']));
    for (const type of readdirSync(join(root, contentPaths.runbooks)).map((f) => f.replace(/\.mdx?$/, ''))) {
      expect(types, type).toContain(type);
    }
  });
});
