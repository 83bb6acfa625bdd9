import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'astro';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { incidentExportSchema } from '../../src/schema/incident-export.ts';
import { openPage, useBrowser } from '../support/browser.ts';
import { childEnv } from '../support/child-env.ts';
import { testPort } from '../support/ports.ts';

/**
 * The scribe's log, all the way to the library: entries and a checklist tick in the browser →
 * Export → `node scripts/import.ts` → `astro build` with drafts → the entries on the draft's
 * timeline.
 */
const root = join(import.meta.dirname, '..', '..');
const siteUrl = inject('siteUrl');
const session = useBrowser();
const ENTRIES = [
  ['Decision', 'Crisis lead sets level 2 and opens the war room'],
  ['Platform action', 'Scheduled posts paused in the scheduling tool and Ads Manager'],
  ['Public statement', 'Holding statement posted on Instagram and X'],
] as const;

let work: string;
let server: Awaited<ReturnType<typeof preview>> | undefined;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'firebreak-log-roundtrip-'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('incident log → export → import → draft post-mortem', () => {
  it('turns the exported log into a draft whose timeline shows the entries', async () => {
    const context = await session.browser().newContext({ acceptDownloads: true });
    const { page, errors } = await openPage(context);

    await page.goto(new URL('playbook/crisis-now/', siteUrl).href);
    await page.locator('ul.checklist input[type="checkbox"]').first().check();

    await page.goto(new URL('log/', siteUrl).href);
    for (const [kind, text] of ENTRIES) {
      await page.getByLabel(kind, { exact: true }).check();
      await page.getByLabel('Entry', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Add to log' }).click();
    }
    await page.getByLabel('Incident name, for the post-mortem').fill('Log round trip: kettle complaints');
    await page.getByLabel('Incident name, for the post-mortem').blur();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export log (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^firebreak-incident-.*\.json$/);
    const file = join(work, 'log.json');
    await download.saveAs(file);
    expect(errors).toEqual([]);
    await context.close();

    const exported = incidentExportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(exported.title).toBe('Log round trip: kettle complaints');
    expect(exported.events).toHaveLength(ENTRIES.length + 1);

    const printed = execFileSync(process.execPath, ['scripts/import.ts', '--out', join(work, 'postmortems'), file], {
      cwd: root,
      encoding: 'utf8',
      env: childEnv('production'),
    });
    const id = printed.trim().split('\n')[0]!.split('/').pop()!.replace(/\.md$/, '');
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(work, 'dist')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: childEnv('production', { FIREBREAK_POSTMORTEMS_DIR: join(work, 'postmortems'), FIREBREAK_DRAFTS: '1' }),
    });
    server = await preview({
      root,
      outDir: join(work, 'dist'),
      logLevel: 'error',
      server: { host: '127.0.0.1', port: testPort(4393) },
    });

    const reader = await session.browser().newContext();
    const { page: draft, errors: draftErrors } = await openPage(reader);
    await draft.goto(`http://127.0.0.1:${server.port}/incidents/${id}/`);
    expect(await draft.locator('h1').textContent()).toContain('Log round trip: kettle complaints');
    expect(await draft.locator('.banner').filter({ hasText: 'Draft' }).count()).toBe(1);
    const timeline = (await draft.locator('ol.timeline li').allTextContents()).join('\n');
    for (const [, text] of ENTRIES) expect(timeline).toContain(text);
    expect(timeline).toMatch(/Checklist: Done: Screenshot and archive the original posts/);
    expect(draftErrors).toEqual([]);
    await reader.close();
  }, 240_000);
});
