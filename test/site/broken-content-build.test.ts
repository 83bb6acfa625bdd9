import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, overlayFixture } from '../support/overlay.ts';
import { childEnv } from '../support/child-env.ts';

const root = join(import.meta.dirname, '..', '..');

/** Runs a real `astro build` with these content folders, into a throwaway output folder. */
function build(env: Record<string, string>) {
  const out = mkdtempSync(join(tmpdir(), 'firebreak-out-'));
  try {
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      cwd: root,
      encoding: 'utf8',
      env: childEnv('production', env),
    });
    return {
      status: result.status,
      output: `${result.stdout}${result.stderr}`,
      wroteSite: existsSync(join(out, 'index.html')),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Base + one broken playbook overlay, and no post-mortems. */
function buildWith(scenario: string) {
  const { dir, cleanup } = overlayFixture('playbook', scenario);
  const empty = mkdtempSync(join(tmpdir(), 'firebreak-empty-'));
  try {
    return { ...build({ FIREBREAK_PLAYBOOK_DIR: dir, FIREBREAK_POSTMORTEMS_DIR: empty }), dir };
  } finally {
    cleanup();
    rmSync(empty, { recursive: true, force: true });
  }
}

describe('a wrong playbook field fails the build with the file and the field', () => {
  it.each([
    ['unknown-phase', 'step-04-profiles.md:4  phase  expected one of: before, during, after'],
    ['step-eleven', 'step-04-profiles.md:6  step  steps are numbered 1 to 10'],
    ['duplicate-step', 'step-05-also-four.md:6  step  step 4 is already claimed by'],
    ['missing-related', 'step-04-profiles.md:10  related.0  no playbook page "step-99-does-not-exist"'],
  ])('%s', (scenario, expected) => {
    const { status, output, dir, wroteSite } = buildWith(scenario);
    expect(status).not.toBe(0);
    expect(output).toContain(`${dir}/${expected}`);
    expect(output).toContain('content check failed');
    expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no JavaScript stack frames
    expect(wroteSite).toBe(false);
  });
});

describe('a post-mortem with several mistakes fails the build with all of them', () => {
  // The check runs beside Astro's content sync; the loader meets this file first and waits for
  // the check's report, so the contributor sees every problem at once, not the loader's first.
  it('lists each problem as file:line  field  message, with no stack', () => {
    const dir = join(FIXTURES, 'postmortems', 'multi-error');
    const { status, output, wroteSite } = build({ FIREBREAK_POSTMORTEMS_DIR: dir });
    expect(status).not.toBe(0);
    expect(output).toContain('content check failed');
    const listed = output.match(/2025-02-01-many-mistakes\.md:\d+ {2}\S+ {2}/g) ?? [];
    expect(listed.length).toBeGreaterThan(2);
    expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(wroteSite).toBe(false);
  });
});
