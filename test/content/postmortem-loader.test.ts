import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkEnded,
  checkStarted,
  forgetLoaded,
  loadedPostmortems,
  rememberChecked,
} from '../../src/content/library.ts';
import { readDetails, readLearning, withDetails } from '../../src/content/postmortem-details.ts';
import { postmortemLoader } from '../../src/content/postmortem-loader.ts';
import { contentDigest } from '../../src/lib/content-digest.ts';
import { postmortemSchema, type Postmortem } from '../../src/schema/postmortem.ts';
import { LEARNING_FIELDS, PAGE_ONLY_FIELDS, type PostmortemSummary } from '../../src/schema/postmortem-summary.ts';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { FIXTURES } from '../support/overlay.ts';

const VALID = '2025-01-10-valid-incident';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string };
  filePath?: string;
}

/** A loader context over an in-memory store that counts what the loader asked Astro to do. */
function fakeContext(root: string, store = new Map<string, Stored>(), errors: string[] = []) {
  const calls = { parseData: 0, renderMarkdown: 0 };
  const context = {
    collection: 'postmortems',
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/cache/`), base: '/' },
    logger: { info() {}, warn() {}, error: (message: string) => void errors.push(message) },
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => void store.set(entry.id, entry),
      keys: () => [...store.keys()],
      delete: (id: string) => void store.delete(id),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      calls.parseData++;
      return postmortemSchema.parse(data);
    },
    renderMarkdown: async (body: string) => {
      calls.renderMarkdown++;
      return { html: `<p>${body.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>` };
    },
  } as unknown as LoaderContext;
  return { context, store, calls };
}

let made: string[] = [];
afterEach(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made = [];
  for (const entry of loadedPostmortems()) forgetLoaded(entry.id);
});

function library(): string {
  const root = mkdtempSync(join(tmpdir(), 'firebreak-loader-'));
  made.push(root);
  cpSync(join(FIXTURES, 'postmortems', 'base'), join(root, 'postmortems'), { recursive: true });
  return root;
}

const detailsFile = (root: string, id: string) => join(root, 'cache', 'firebreak-postmortems', `${id}.v8`);

describe('the post-mortem loader', () => {
  it('validates and renders a file the check did not read: its summary to the store, the rest to its details file', async () => {
    const root = library();
    const { context, store, calls } = fakeContext(root);
    await postmortemLoader({ base: 'postmortems' }).load(context);
    expect(calls).toEqual({ parseData: 0, renderMarkdown: 1 });
    const stored = store.get(VALID)!;
    expect(stored.filePath).toBe('postmortems/2025-01-10-valid-incident.md');
    expect(stored.rendered).toBeUndefined();
    expect(stored.data).not.toHaveProperty('timeline');
    expect(stored.data['impact']).not.toHaveProperty('mentionSeries');
    expect(stored.data['started']).toBeInstanceOf(Date);
    expect((stored.data['durations'] as { toDetect: number }).toDetect).toBeGreaterThan(0);
    expect(loadedPostmortems().map((entry) => entry.id)).toEqual([VALID]);

    const details = await readDetails(VALID);
    expect(details.timeline.length).toBeGreaterThan(0);
    expect(details.timeline[0]?.at).toBeInstanceOf(Date);
    expect(details.html).toMatch(/^<p>/);
    // The search record holds the text of the rendered body, not its markup.
    expect(details.record.url).toBe(`/incidents/${VALID}/`);
    expect(details.html).toContain('A staff discount code leaked.');
    expect(details.record.content).toContain('A staff discount code leaked.');
    expect(details.record.content).not.toContain('<p>');

    // What only the incident's own page shows is in the details, not in the store every page loads;
    // put back together, the entry is the validated front matter again, field for field and in order.
    for (const field of PAGE_ONLY_FIELDS) expect(stored.data).not.toHaveProperty(field);
    expect(details.page.sources?.length).toBeGreaterThan(0);
    // The learning loop's fields neither: they are in the details file's head, which its aggregations read alone.
    for (const field of LEARNING_FIELDS) expect(stored.data).not.toHaveProperty(field);
    expect(details.learning.lessons.length).toBeGreaterThan(0);
    expect(await readLearning(VALID)).toEqual(details.learning);
    await expect(readLearning('2099-01-01-no-such-incident')).rejects.toThrow(
      'the details file of post-mortem 2099-01-01-no-such-incident is missing or unreadable; build again',
    );
    const source = readFileSync(join(root, 'postmortems', `${VALID}.md`), 'utf8');
    const validated = postmortemSchema.parse(parseFrontmatter(source).data);
    const whole = withDetails(stored.data as unknown as PostmortemSummary, details);
    expect(whole).toEqual(validated);
    expect(Object.keys(whole)).toEqual(Object.keys(validated));
  });

  it("takes the check's validated data for the same content instead of reading it again", async () => {
    const root = library();
    const path = join(root, 'postmortems', `${VALID}.md`);
    const source = readFileSync(path, 'utf8');
    const valid: Postmortem = { ...postmortemSchema.parse(parseFrontmatter(source).data), title: 'As the check read it' };
    checkStarted(Promise.resolve(), () => {});
    rememberChecked(path, { digest: contentDigest(source), valid });
    const { context, store } = fakeContext(root);
    await postmortemLoader({ base: 'postmortems' }).load(context);
    expect((store.get(VALID)?.data as Postmortem).title).toBe('As the check read it');
    expect((await readDetails(VALID)).record.meta['title']).toBe('As the check read it');
  });

  it("waits for a build check's reading that is still to come, and reads the file itself once the check has ended", async () => {
    const root = library();
    const path = join(root, 'postmortems', `${VALID}.md`);
    const source = readFileSync(path, 'utf8');
    const valid: Postmortem = { ...postmortemSchema.parse(parseFrontmatter(source).data), title: 'Handed over later' };
    let stopped = false;
    checkStarted(new Promise(() => {}), () => (stopped = true));
    setTimeout(() => rememberChecked(path, { digest: contentDigest(source), valid }), 50);
    const first = fakeContext(root);
    await postmortemLoader({ base: 'postmortems' }).load(first.context);
    expect((first.store.get(VALID)?.data as Postmortem).title).toBe('Handed over later');
    // The loader is done with the check's readings, and says so.
    expect(stopped).toBe(true);

    // A check that ends without handing this file over (its front matter could not be read)
    // does not leave the loader waiting: it reads the file itself.
    checkStarted(new Promise(() => {}), () => {});
    setTimeout(checkEnded, 50);
    const second = fakeContext(root);
    await postmortemLoader({ base: 'postmortems' }).load({ ...second.context, config: { ...second.context.config, cacheDir: pathToFileURL(`${root}/cache2/`) } } as LoaderContext);
    expect((second.store.get(VALID)?.data as Postmortem).title).not.toBe('Handed over later');
    checkEnded();
  });

  it("ends a build on a file it cannot load with the check's report of every problem, when a check runs alongside", async () => {
    const root = library();
    const path = join(root, 'postmortems', `${VALID}.md`);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^severity: \d/m, 'severity: 9'));
    const report = Object.assign(new Error('Content check failed: 3 problem(s), listed above.'), { stack: '' });
    checkStarted(Promise.reject(report), () => {});
    checkEnded();
    const { context } = fakeContext(root);
    await expect(postmortemLoader({ base: 'postmortems' }).load(context)).rejects.toBe(report);

    // With no check alongside, the file's own problem ends it.
    checkStarted(Promise.resolve(), () => {});
    checkEnded();
    await expect(postmortemLoader({ base: 'postmortems' }).load(fakeContext(root).context)).rejects.toThrow(
      /^postmortems\/2025-01-10-valid-incident\.md: front matter does not match the post-mortem schema:\n.*severity/s,
    );
  });

  it('names the line, field and problem of a file saved in `astro dev` that breaks the schema, and keeps serving', async () => {
    const root = library();
    const path = join(root, 'postmortems', `${VALID}.md`);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^severity: \d/m, 'severity: 9'));
    const errors: string[] = [];
    const { context, store } = fakeContext(root, new Map(), errors);
    const watched = { ...context, watcher: { add() {}, on() {} } } as unknown as LoaderContext;
    await postmortemLoader({ base: 'postmortems' }).load(watched);
    expect(store.size).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^postmortems\/2025-01-10-valid-incident\.md: .*\npostmortems\/2025-01-10-valid-incident\.md:\d+ {2}severity {2}\S/);
  });

  it('leaves an unchanged stored entry alone, reads an edited one again and drops a deleted one', async () => {
    const root = library();
    const { context, store, calls } = fakeContext(root);
    const loader = postmortemLoader({ base: 'postmortems' });
    await loader.load(context);
    await loader.load(context);
    expect(calls.renderMarkdown).toBe(1);
    expect(loadedPostmortems().map((entry) => entry.id)).toEqual([VALID]);

    const path = join(root, 'postmortems', `${VALID}.md`);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nA sentence added & saved.\n`);
    await loader.load(context);
    expect(calls.renderMarkdown).toBe(2);
    expect((await readDetails(VALID)).record.content).toContain('A sentence added & saved.');

    // Astro cleared its store (it does when the Astro config changes): refilled from the details file, nothing rendered.
    store.clear();
    await loader.load(context);
    expect(calls.renderMarkdown).toBe(2);
    expect((store.get(VALID)?.data as Postmortem).title).toBe((await readDetails(VALID)).summary.title);
    expect(store.get(VALID)?.digest).toBe(contentDigest(readFileSync(path, 'utf8')));

    // A details file cut short (a full disk, a killed process) is not read: rendered again.
    store.clear();
    const file = detailsFile(root, VALID);
    writeFileSync(file, readFileSync(file).subarray(0, 12));
    await loader.load(context);
    expect(calls.renderMarkdown).toBe(3);
    expect((await readDetails(VALID)).record.content).toContain('A sentence added & saved.');

    // Details lost (a cleared cache folder) with the store intact: rendered again, not served stale.
    rmSync(detailsFile(root, VALID));
    await loader.load(context);
    expect(calls.renderMarkdown).toBe(4);
    expect(existsSync(detailsFile(root, VALID))).toBe(true);

    rmSync(path);
    await loader.load(context);
    expect(store.size).toBe(0);
    expect(loadedPostmortems()).toEqual([]);
    expect(existsSync(detailsFile(root, VALID))).toBe(false);
  });
});
