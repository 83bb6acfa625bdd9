import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../../scripts/check-node.mjs';

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'check-node.mjs');

describe('the Node version check that runs before every npm script', () => {
  it('accepts Node 22.12 and newer', () => {
    for (const version of ['22.12.0', 'v22.23.3', '23.0.0', '24.1.0'])
      expect(nodeVersionProblem(version), version).toBeNull();
  });

  it('explains what to do on an older Node, with the one-liner that fetches Node 22', () => {
    const message = nodeVersionProblem('20.20.2');
    expect(message).toContain('Firebreak needs Node.js 22.12 or newer; this is Node.js 20.20.2.');
    expect(message).toContain("npx -y -p node@22 -- sh -c 'npm ci && npm start'");
    expect(nodeVersionProblem('22.11.0')).not.toBeNull();
  });

  it('exits 0 silently on this Node', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('exits 1 with the message, and no stack trace, on the machine’s older Node when there is one', () => {
    const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    const major = Number(/^v(\d+)/.exec(system.stdout ?? '')?.[1]);
    if (system.status !== 0 || !(major < 22)) return; // no older Node here: the pure test above covers the logic
    const result = spawnSync('/usr/bin/node', [script], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Firebreak needs Node.js 22.12 or newer');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
