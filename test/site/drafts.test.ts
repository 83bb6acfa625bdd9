import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentFragments } from '../support/incident-fragments.ts';
import { FIXTURES } from '../support/overlay.ts';
import { childEnv } from '../support/child-env.ts';
import { testPort } from '../support/ports.ts';

const root = join(import.meta.dirname, '..', '..');
const DRAFT = '2025-06-01-draft-incident';
const PUBLISHED = '2025-01-10-valid-incident';

let work: string;
let content: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'firebreak-drafts-'));
  content = join(work, 'postmortems');
  cpSync(join(FIXTURES, 'postmortems', 'base'), content, { recursive: true });
  cpSync(join(FIXTURES, 'postmortems', 'drafts'), content, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = (mode: 'production' | 'development') => childEnv(mode, { FIREBREAK_POSTMORTEMS_DIR: content });

describe('drafts', () => {
  it('are left out of the production build', () => {
    const out = join(work, 'dist');
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      cwd: root,
      env: env('production'),
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(out, 'incidents', PUBLISHED, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'incidents', DRAFT)), result.stdout).toBe(false);
    expect(readFileSync(join(out, 'incidents', 'index.html'), 'utf8')).not.toContain('Half-written draft');
    // Nor in the search index: every Pagefind fragment is a JSON record of one page.
    const fragments = incidentFragments(out).map((fragment) => fragment.text);
    expect(fragments.some((text) => text.includes('Discount code meant for staff goes viral'))).toBe(true);
    expect(fragments.some((text) => text.includes('Half-written draft'))).toBe(false);
    // Nor in the open data, the feed or the learning-loop pages.
    for (const file of ['api/postmortems.json', 'api/postmortems.csv', 'feed.xml']) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text, file).toContain(PUBLISHED);
      expect(text, file).not.toContain(DRAFT);
    }
    expect(readFileSync(join(out, 'insights', 'index.html'), 'utf8')).toContain('Figures from 1 post-mortem in');
  });

  it('are shown, with a banner, in npm run dev, and kept out of its open data', async () => {
    const port = testPort(4398);
    const dev = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: root,
        env: env('development'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('astro dev did not start within 60 s')), 60_000);
        dev.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes(`${port}`)) {
            clearTimeout(timer);
            resolve();
          }
        });
        dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}`)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/incidents/${DRAFT}/`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Half-written draft about a livestream mishap');
      expect(html).toContain('Draft: only visible in development');
      // The open data is served in dev too (the build writes it as files): published entries only.
      for (const [path, type] of [
        ['api/postmortems.json', 'application/json'],
        ['api/postmortems.csv', 'text/csv'],
      ] as const) {
        const data = await fetch(`http://127.0.0.1:${port}/${path}`);
        expect(data.status, path).toBe(200);
        expect(data.headers.get('content-type'), path).toContain(type);
        const text = await data.text();
        expect(text, path).toContain(PUBLISHED);
        expect(text, path).not.toContain(DRAFT);
      }
    } finally {
      dev.kill();
    }
  });
});
