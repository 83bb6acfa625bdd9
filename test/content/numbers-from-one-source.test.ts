import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../src/content-paths.ts';
import { NUMBER_PHRASES, fillNumbers, n } from '../../src/schema/deadlines.ts';
import { SEVERITY_LEVELS } from '../../src/schema/severity.ts';
import { findHardCodedNumbers } from './hard-coded-numbers.ts';

/**
 * Deadlines, cadences and thresholds live in src/schema (deadlines.ts, severity.ts); pages render
 * them. A page that types "within 1 to 2 hours" itself could disagree with another page, so this
 * fails on any such number outside worked examples.
 */
const root = join(import.meta.dirname, '..', '..');
const folders = [
  contentPaths.playbook,
  contentPaths.runbooks,
  contentPaths.roles,
  contentPaths.platforms,
  contentPaths.scenarioTemplates,
];

describe('numbers the pages repeat come from one source', () => {
  it('no playbook page, runbook, role card, platform card or template hard-codes a deadline or threshold', () => {
    const found: string[] = [];
    for (const folder of folders) {
      if (!existsSync(join(root, folder))) continue;
      for (const name of readdirSync(join(root, folder))) {
        const source = readFileSync(join(root, folder, name), 'utf8');
        for (const hit of findHardCodedNumbers(source)) found.push(`${folder}/${name}:${hit.line}  "${hit.text}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the scanner catches the ways a deadline gets typed by hand, and leaves worked examples alone', () => {
    const page = [
      'At level 2, a holding statement within 1 to 2 hours.',
      'Post within the hour.',
      'Set alerts at 5× the baseline, or 20 times normal volume.',
      'Hold a 45-minute review within five working days.',
      "Rendered: within {{holding-2}} and {n('holding-1')}.",
      '<Example title="A story">',
      'Forty minutes later the post had 4,000 shares within 2 hours.',
      '</Example>',
    ].join('\n');
    expect(findHardCodedNumbers(page)).toEqual([
      { line: 1, text: '1 to 2 hours' },
      { line: 2, text: 'within the hour' },
      { line: 3, text: '5×' },
      { line: 3, text: '20 times' },
      { line: 4, text: '45-minute' },
      { line: 4, text: 'five working days' },
    ]);
  });

  it('renders the per-level deadlines from severity.ts, so Crisis now, the steps and the runbooks agree', () => {
    expect(n('holding-1')).toBe('1 hour');
    expect(n('holding-2')).toBe('2 hours');
    expect(n('alert-1')).toBe('15 minutes');
    expect(n('volume-1')).toBe('20×');
    expect(n('check-in')).toBe('every 30 minutes');
    expect(SEVERITY_LEVELS[1]!.holdingStatementWithinMinutes).toBe(120);
    expect(n('update-2')).toBe('every 2 hours');
    expect(fillNumbers('within {{holding-2}} at level 2')).toBe('within 2 hours at level 2');
    expect(() => fillNumbers('{{no-such-number}}')).toThrow(/unknown playbook number "no-such-number"/);
    for (const phrase of Object.values(NUMBER_PHRASES)) expect(phrase).not.toMatch(/undefined|NaN/);
  });
});
