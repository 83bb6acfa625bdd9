import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/overlay.ts';
import { buildSite } from '../support/site-build.ts';

const EXAMPLE = '2025-01-10-valid-incident';
const REAL = '2025-01-20-real-incident';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'firebreak-examples-'));
  const content = join(work, 'postmortems');
  cpSync(join(FIXTURES, 'postmortems', 'base'), content, { recursive: true });
  // The same entry under another id, not fictional, with an open action item.
  const example = readFileSync(join(content, `${EXAMPLE}.md`), 'utf8');
  writeFileSync(
    join(content, `${REAL}.md`),
    example
      .replace('example: true', 'example: false')
      .replace('title: Discount code meant for staff goes viral', 'title: Real incident about a staff code')
      .replace('    status: done\n', '    status: open\n'),
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('FIREBREAK_EXCLUDE_EXAMPLES=1', () => {
  it('leaves fictional examples out of the insights and the action items, and says so', () => {
    const out = join(work, 'dist');
    const result = buildSite(out, {
      FIREBREAK_POSTMORTEMS_DIR: join(work, 'postmortems'),
      FIREBREAK_EXCLUDE_EXAMPLES: '1',
    });
    expect(result.status, result.output).toBe(0);
    const insights = readFileSync(join(out, 'insights', 'index.html'), 'utf8');
    expect(insights).toContain(
      'Figures from 1 post-mortem in the library; drafts are not counted, nor are fictional examples.',
    );
    const actions = readFileSync(join(out, 'actions', 'index.html'), 'utf8');
    expect(actions).toContain(`incidents/${REAL}/`);
    expect(actions).not.toContain(`incidents/${EXAMPLE}/`);
    // The library itself still shows the example, with its banner.
    expect(readFileSync(join(out, 'incidents', EXAMPLE, 'index.html'), 'utf8')).toContain('a fictional post-mortem');
  });
});
