import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contentCheck } from '../../src/integrations/content-check.ts';
import { FIXTURES } from '../support/overlay.ts';

/**
 * `astro dev`: the content check runs on a worker thread once the server has answered its first
 * page (the first page loads Astro's whole content store; the two at once were the dev server's
 * memory peak), and its verdict is logged.
 */
const root = resolve(import.meta.dirname, '..', '..');
const previousDir = process.env['FIREBREAK_POSTMORTEMS_DIR'];
afterEach(() => {
  if (previousDir === undefined) delete process.env['FIREBREAK_POSTMORTEMS_DIR'];
  else process.env['FIREBREAK_POSTMORTEMS_DIR'] = previousDir;
});

type Middleware = (request: unknown, response: FakeResponse, next: () => void) => void;

class FakeResponse extends EventEmitter {
  constructor(private readonly type: string) {
    super();
  }
  getHeader(name: string) {
    return name === 'content-type' ? this.type : undefined;
  }
}

function devServer() {
  const logged: string[] = [];
  const log = (message: string) => void logged.push(message);
  const logger = { info: log, warn: log, error: log };
  const integration = contentCheck();
  const hooks = integration.hooks as Record<string, (options: unknown) => void>;
  const config = {
    root: pathToFileURL(`${root}/`),
    cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'fb-dev-'))}/`),
  };
  hooks['astro:config:setup']!({ config, command: 'dev', logger });
  const middlewares: Middleware[] = [];
  hooks['astro:server:setup']!({ server: { middlewares: { use: (m: Middleware) => void middlewares.push(m) } } });
  const serve = (type: string) => {
    const response = new FakeResponse(type);
    for (const middleware of middlewares) middleware({}, response, () => {});
    response.emit('finish');
  };
  return { logged, serve };
}

async function until(logged: string[], pattern: RegExp, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (logged.some((line) => pattern.test(line))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('the content check in astro dev', () => {
  it('waits for the first page, then checks in the background and logs what it found', async () => {
    process.env['FIREBREAK_POSTMORTEMS_DIR'] = join(FIXTURES, 'postmortems', 'multi-error');
    const { logged, serve } = devServer();
    serve('application/javascript');
    expect(await until(logged, /content/, 3000)).toBe(false);
    serve('text/html; charset=utf-8');
    expect(await until(logged, /content problems \(the build will fail until they are fixed\)/, 60_000)).toBe(true);
    const report = logged.find((line) => line.startsWith('content problems'))!;
    expect(report).toMatch(/multi-error\/2025-02-01-many-mistakes\.md:\d+ {2}\S+/);
  }, 90_000);
});
