import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandRun, nodeVersionProblem } from '../../../scripts/check-node.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const script = join(root, 'scripts', 'check-node.mjs');

/** The machine's own Node, when it is older than 22 (Debian's v20 here). */
function olderSystemNode(): boolean {
  const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const major = Number(/^v(\d+)/.exec(system.stdout ?? '')?.[1]);
  return system.status === 0 && major < 22;
}

describe('the Node version check that runs before every npm script', () => {
  it('accepts Node 22.12 and newer', () => {
    for (const version of ['22.12.0', 'v22.23.3', '23.0.0', '24.1.0'])
      expect(nodeVersionProblem(version, 'npm test', true), version).toBeNull();
  });

  it('explains what to do on an older Node, with the one-liner for the command that was run', () => {
    const message = nodeVersionProblem('20.20.2', 'npm test', true);
    expect(message).toContain('Firebreak needs Node.js 22.12 or newer; this is Node.js 20.20.2.');
    expect(message).toContain("npx -y -p node@22 -- sh -c 'npm test'");
    expect(nodeVersionProblem('20.20.2', 'npm run build', false)).toContain(
      "npx -y -p node@22 -- sh -c 'npm ci && npm run build'",
    );
    expect(nodeVersionProblem('22.11.0', 'npm start', true)).not.toBeNull();
  });

  it('names the command from the variables npm sets', () => {
    expect(commandRun({ npm_command: 'test', npm_lifecycle_event: 'test' })).toBe('npm test');
    expect(commandRun({ npm_command: 'start', npm_lifecycle_event: 'start' })).toBe('npm start');
    expect(commandRun({ npm_command: 'run-script', npm_lifecycle_event: 'check' })).toBe('npm run check');
    expect(commandRun({ npm_command: 'ci', npm_lifecycle_event: 'preinstall' })).toBe('npm ci');
    expect(commandRun({})).toBe('npm ci');
  });

  it('exits 0 silently on this Node', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.runIf(olderSystemNode())('on the machine’s older Node, `npm test` stops with the npm test one-liner', () => {
    const result = spawnSync('/usr/bin/node', [script], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', npm_command: 'test', npm_lifecycle_event: 'test' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Firebreak needs Node.js 22.12 or newer');
    expect(result.stderr).toContain("npx -y -p node@22 -- sh -c 'npm test'");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('makes npm refuse an old Node before installing anything (engine-strict in the committed .npmrc)', () => {
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node).toBe('>=22.12');
  });

  it.runIf(olderSystemNode())(
    'on the machine’s older Node, npm ci stops at once with the required version, before installing',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'firebreak-engine-'));
      for (const file of ['package.json', 'package-lock.json', '.npmrc']) cpSync(join(root, file), join(dir, file));
      const started = Date.now();
      const result = spawnSync('/usr/bin/npm', ['ci', '--no-audit', '--no-fund', '--offline'], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin', HOME: process.env['HOME'] ?? dir },
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('EBADENGINE');
      expect(result.stderr).toContain('Required: {"node":">=22.12"}');
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(spawnSync('ls', [join(dir, 'node_modules')]).status).not.toBe(0);
    },
    30_000,
  );
});
