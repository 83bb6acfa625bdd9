import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { contentPaths } from '../../src/content-paths.ts';
import { axeViolations, describeViolations, openPage, useBrowser } from '../support/browser.ts';

/**
 * The contribute form (/contribute/) in a real browser against the built site: a valid entry
 * becomes the file the test expects, byte for byte, which `npm run check` accepts and which the
 * GitHub link carries; every problem the check finds shows beside its field; the draft
 * survives a reload; an incident JSON prefills it; phone and desktop, light and dark, axe-clean.
 */
const root = join(import.meta.dirname, '..', '..');
const siteUrl = inject('siteUrl');
const session = useBrowser();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function openForm(viewport = PHONE, colorScheme: 'light' | 'dark' = 'light') {
  const context = await session.browser().newContext({ viewport, colorScheme });
  const { page, errors } = await openPage(context);
  await page.goto(new URL('contribute/', siteUrl).href);
  await page.locator('[data-contribute-form]:not([hidden])').waitFor();
  return { context, page, errors };
}

/** Waits until the form has judged what was typed last. */
async function settle(page: Page) {
  await page.waitForTimeout(400);
}

const row = (page: Page, list: string, index: number) => page.locator(`[data-list="${list}"] [data-row]`).nth(index);

async function addRow(page: Page, list: string) {
  await page.locator(`[data-list="${list}"] [data-add-row]`).click();
}

/** A complete post-mortem, typed as a comms lead would. */
async function fillValidEntry(page: Page) {
  await page.getByLabel('Title', { exact: true }).fill('Promo code leaked on X');
  await page
    .getByLabel('Summary', { exact: true })
    .fill('A staff-only discount code was posted on X and used 4,000 times before we cancelled it.');
  await page.getByLabel('Status', { exact: true }).selectOption('in-review');
  await page.getByLabel('Peak severity', { exact: true }).selectOption('3');
  await page.getByLabel('Kind of crisis', { exact: true }).selectOption('viral-complaint');
  await page.getByLabel('Responsibility the public put on us (SCCT)').selectOption('preventable');
  await page.getByLabel('Started on').selectOption('x');
  await page.getByLabel('Where it came from', { exact: true }).selectOption('leak');
  await page.getByLabel('How we found out', { exact: true }).selectOption('social-listening');
  await page.getByLabel('Tags', { exact: true }).fill('discount code, leak');
  await page.getByLabel('Time zone of every time on this form').fill('Z');
  await page.getByLabel('Started', { exact: true }).fill('2025-03-14T09:05');
  await page.getByLabel('Detected', { exact: true }).fill('2025-03-14T09:40');
  await page.getByLabel('First public response', { exact: true }).fill('2025-03-14T10:15');
  await addRow(page, 'timeline');
  await row(page, 'timeline', 0).getByLabel('When').fill('2025-03-14T09:05');
  await row(page, 'timeline', 0).getByLabel('Kind').selectOption('trigger');
  await row(page, 'timeline', 0).getByLabel('What happened').fill('The code is posted on X by a member of staff.');
  await page.getByLabel('Impact', { exact: true }).fill('About 4,000 orders used a code meant for staff.');
  await page.getByLabel('Overall damage', { exact: true }).selectOption('moderate');
  await page.getByLabel('Peak mentions in one hour').fill('320');
  await addRow(page, 'contributingFactors');
  await row(page, 'contributingFactors', 0).getByLabel('Part of the system').selectOption('process');
  await row(page, 'contributingFactors', 0).getByLabel('The factor').fill('Staff codes had no usage limit.');
  await page
    .getByLabel('What went well', { exact: true })
    .fill('We paused the code within the hour\nSupport had a macro ready');
  await addRow(page, 'responders');
  await row(page, 'responders', 0).getByLabel('Role').fill('Social media lead');
  await addRow(page, 'lessons');
  await row(page, 'lessons', 0).getByLabel('Lesson', { exact: true }).fill('Limit every code before it is shared.');
  await row(page, 'lessons', 0).getByLabel('Playbook step').selectOption('2');
  await addRow(page, 'actionItems');
  await row(page, 'actionItems', 0).getByLabel('The change, as a task').fill('Cap staff codes at 50 uses');
  await row(page, 'actionItems', 0).getByLabel('Owner (a role)').fill('E-commerce lead');
  await row(page, 'actionItems', 0).getByLabel('Type').selectOption('prevent');
  await row(page, 'actionItems', 0).getByLabel('Due (optional)').fill('2025-04-30');
  await page.locator('[data-body="what-happened"]').fill('A code for staff reached X on a Friday morning.');
  await page.getByLabel('Response', { exact: true }).fill('We cancelled the code and honoured orders already placed.');
  await page
    .getByLabel('What we would do differently', { exact: true })
    .fill('Put a usage limit on every code. See [step 2](https://example.com/playbook/step-02/).');
  await settle(page);
}

const EXPECTED_FILE = `---
title: Promo code leaked on X
summary: A staff-only discount code was posted on X and used 4,000 times before we cancelled it.
status: in-review
tags:
  - discount code
  - leak
severity: 3
crisisType: viral-complaint
scct: preventable
platforms:
  - x
origin: leak
detectionSource: social-listening
started: "2025-03-14T09:05:00Z"
detected: "2025-03-14T09:40:00Z"
firstResponse: "2025-03-14T10:15:00Z"
timeline:
  - at: "2025-03-14T09:05:00Z"
    kind: trigger
    text: The code is posted on X by a member of staff.
impact:
  summary: About 4,000 orders used a code meant for staff.
  rating: moderate
  metrics:
    peakMentionsPerHour: 320
contributingFactors:
  - category: process
    text: Staff codes had no usage limit.
wentWell:
  - We paused the code within the hour
  - Support had a macro ready
responders:
  - role: Social media lead
lessons:
  - text: Limit every code before it is shared.
    step: 2
actionItems:
  - title: Cap staff codes at 50 uses
    ownerRole: E-commerce lead
    type: prevent
    status: open
    due: "2025-04-30"
---

## What happened

A code for staff reached X on a Friday morning.

## Response

We cancelled the code and honoured orders already placed.

## What we would do differently

Put a usage limit on every code. See [step 2](https://example.com/playbook/step-02/).
`;
const EXPECTED_PATH = 'content/postmortems/2025-03-14-promo-code-leaked-on-x.md';

/** A copy of the project's content with one more post-mortem, as a pull request would add it. */
function projectWith(path: string, text: string): string {
  const work = mkdtempSync(join(tmpdir(), 'firebreak-contribute-'));
  cpSync(join(root, 'content'), join(work, 'content'), { recursive: true });
  mkdirSync(join(work, 'content/postmortems'), { recursive: true });
  writeFileSync(join(work, path), text);
  return work;
}

describe('the contribute form', () => {
  it('turns a valid entry into the expected file, which npm run check accepts and the GitHub link carries', async () => {
    const { context, page, errors } = await openForm();
    await fillValidEntry(page);
    await expect.poll(() => page.locator('[data-verdict]').textContent()).toMatch(/^OK: 0 errors, 0 warnings/);
    const text = await page.locator('[data-file]').textContent();
    expect(text).toBe(EXPECTED_FILE);
    expect(await page.locator('[data-file-name]').textContent()).toBe(EXPECTED_PATH);

    const work = projectWith(EXPECTED_PATH, text!);
    const check = spawnSync(process.execPath, ['scripts/check.ts', '--root', work], { cwd: root, encoding: 'utf8' });
    // No problem of the new file (the library's own warnings may name it, e.g. a lesson not yet applied).
    expect(check.stdout).not.toMatch(new RegExp(`^${EXPECTED_PATH}`, 'm'));
    expect(check.stdout).toMatch(/^OK: 0 errors/m);
    expect(check.status).toBe(0);

    const link = page.getByRole('link', { name: 'Open a pull request on GitHub' });
    await expect.poll(() => link.isVisible()).toBe(true);
    const url = new URL((await link.getAttribute('href'))!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/firebreak/new/main');
    expect(url.searchParams.get('filename')).toBe(EXPECTED_PATH);
    expect(url.searchParams.get('value')).toBe(EXPECTED_FILE);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025-03-14-promo-code-leaked-on-x.md');
    const saved = join(mkdtempSync(join(tmpdir(), 'firebreak-download-')), 'file.md');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe(EXPECTED_FILE);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens without an error under every empty field: a field shows its problems once edited', async () => {
    const { context, page, errors } = await openForm();
    await settle(page);
    const titleSlot = page
      .locator('[data-at="title"]')
      .locator('xpath=ancestor::*[contains(@class,"field")][1]/p[@data-error]');
    expect(await page.locator('[data-error]:not([hidden])').count()).toBe(0);
    // The verdict still lists every problem of the empty draft.
    expect(await page.locator('[data-problems] li').count()).toBeGreaterThan(0);
    await page.getByLabel('Title', { exact: true }).fill('Leak');
    await settle(page);
    await expect.poll(() => titleSlot.textContent()).toContain('a title needs at least 5 characters');
    expect(await titleSlot.isVisible()).toBe(true);
    // Only the edited field speaks up.
    expect(await page.locator('[data-error]:not([hidden])').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows each problem the check finds beside its field, in the check’s words', async () => {
    const { context, page, errors } = await openForm();
    await fillValidEntry(page);
    // A schema error, a privacy error, a row error, a cross-field error and a body-link error.
    await page.getByLabel('Title', { exact: true }).fill('Leak');
    await page
      .getByLabel('Summary', { exact: true })
      .fill('A customer, jane.doe@gmail.com, posted a staff discount code and it was used 4,000 times.');
    await row(page, 'timeline', 0).getByLabel('What happened').fill('ok');
    await page.getByLabel('Detected', { exact: true }).fill('2025-03-14T08:00');
    await page.getByLabel('Response', { exact: true }).fill('See [the note](javascript:alert(1)).');
    await settle(page);
    const text = (await page.locator('[data-file]').textContent())!;
    const path = (await page.locator('[data-file-name]').textContent())!;
    const work = projectWith(path, text);
    const problems = checkContent(work, {
      ...contentPaths,
      playbook: 'content/playbook',
      postmortems: 'content/postmortems',
    }).problems.filter((problem) => problem.file === path);
    expect(problems.map((problem) => problem.field).sort()).toEqual(
      expect.arrayContaining(['body', 'detected', 'summary', 'timeline.0.text', 'title']),
    );
    for (const problem of problems) {
      const slot =
        problem.field === 'body'
          ? page.locator('[data-body="response"] ~ [data-error]')
          : page
              .locator(`[data-at="${problem.field}"]`)
              .locator('xpath=ancestor::*[contains(@class,"field")][1]/p[@data-error]');
      await expect
        .poll(() => slot.textContent(), { message: `${problem.field}: ${problem.message}` })
        .toContain(problem.message);
      expect(await slot.isVisible()).toBe(true);
    }
    expect(await page.locator('[data-verdict]').textContent()).toMatch(
      new RegExp(`^FAILED: ${problems.length} errors`),
    );
    await expect.poll(() => page.getByRole('link', { name: 'Open a pull request on GitHub' }).isVisible()).toBe(false);
    // The control says what is wrong to a screen reader too.
    const title = page.getByLabel('Title', { exact: true });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`#${describedBy.at(-1)}`).textContent()).toContain('a title needs at least 5 characters');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the draft through a reload on the same device', async () => {
    const { context, page, errors } = await openForm();
    await fillValidEntry(page);
    const before = await page.locator('[data-file]').textContent();
    await page.reload();
    await page.locator('[data-contribute-form]:not([hidden])').waitFor();
    await settle(page);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Promo code leaked on X');
    expect(await page.locator('[data-list="timeline"] [data-row]').count()).toBe(1);
    expect(await page.locator('[data-file]').textContent()).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fills in from a dropped Firebreak incident JSON, with people named by their role', async () => {
    const { context, page, errors } = await openForm();
    const json = readFileSync(join(root, 'test/fixtures/import/firebreak-json/kettle-leak.json'), 'utf8');
    const exported = JSON.parse(json) as { title: string; events: unknown[] };
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'kettle-leak.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await settle(page);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(exported.title);
    expect(await page.locator('[data-list="timeline"] [data-row]').count()).toBe(exported.events.length);
    expect(await page.locator('[data-import-status]').textContent()).toContain(
      `${exported.events.length} timeline events`,
    );
    const text = (await page.locator('[data-file]').textContent())!;
    for (const name of [
      'Jane Placeholder',
      'jane_kettles',
      'Tom Testcase',
      'tomtestcase',
      'Rosa Responder',
      'Sam Helper',
    ]) {
      expect(text).not.toContain(name);
    }
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "other"}') });
    await expect
      .poll(() => page.locator('[data-import-status]').textContent())
      .toMatch(/^notes\.json: not a Firebreak incident export: field format: /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the download instead of a link when the file is too long for a URL', async () => {
    const { context, page } = await openForm();
    await fillValidEntry(page);
    await page
      .getByLabel('Response', { exact: true })
      .fill('We cancelled the code and kept a careful record. '.repeat(200));
    await settle(page);
    await expect.poll(() => page.locator('[data-too-long]').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Open a pull request on GitHub' }).isVisible()).toBe(false);
    await context.close();
  });

  it('explains the other ways in without JavaScript', async () => {
    const context = await session.browser().newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('contribute/', siteUrl).href);
    expect(await page.locator('noscript').innerText()).toContain('npm run new');
    expect(await page.locator('[data-contribute-form]').isVisible()).toBe(false);
    await context.close();
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations and 44 px controls on ${name}, ${scheme}, with errors showing`, async () => {
        const { context, page, errors } = await openForm(viewport, scheme);
        await addRow(page, 'timeline');
        await page.getByLabel('Title', { exact: true }).fill('Bad');
        await settle(page);
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        const small = await page.evaluate(() =>
          [
            ...document.querySelectorAll(
              '[data-contribute-form] :is(button, select, textarea, input:not([type=checkbox]):not(.visually-hidden)), [data-contribute-form] label.button, .field__choice',
            ),
          ]
            .filter((element) => (element as HTMLElement).offsetParent !== null)
            .map((element) => ({ element, box: element.getBoundingClientRect() }))
            .filter(({ box }) => box.height < 44 || box.width < 44)
            .map(({ element }) => element.outerHTML.slice(0, 80)),
        );
        expect(small).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
