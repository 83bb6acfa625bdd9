import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetLoaded, loadedPostmortems, rememberChecked } from '../../src/content/library.ts';
import { postmortemLoader } from '../../src/content/postmortem-loader.ts';
import { contentDigest } from '../../src/lib/content-digest.ts';
import { postmortemSchema, type Postmortem } from '../../src/schema/postmortem.ts';
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
function fakeContext(root: string, store = new Map<string, Stored>()) {
  const calls = { parseData: 0, renderMarkdown: 0 };
  const context = {
    collection: 'postmortems',
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info() {}, warn() {}, error() {} },
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

describe('the post-mortem loader', () => {
  it('validates and renders a file the check did not read, and keeps its rendered text for search', async () => {
    const root = library();
    const { context, store, calls } = fakeContext(root);
    await postmortemLoader({ base: 'postmortems' }).load(context);
    expect(calls).toEqual({ parseData: 1, renderMarkdown: 1 });
    expect(store.get(VALID)?.filePath).toBe('postmortems/2025-01-10-valid-incident.md');
    const [loaded] = loadedPostmortems();
    expect(loaded?.id).toBe(VALID);
    expect(loaded?.data.started).toBeInstanceOf(Date);
    expect(loaded?.bodyText.length).toBeGreaterThan(20);
    expect(loaded?.bodyText).not.toContain('<p>');
  });

  it("takes the check's validated data for the same content instead of validating again", async () => {
    const root = library();
    const path = join(root, 'postmortems', `${VALID}.md`);
    const source = readFileSync(path, 'utf8');
    const valid: Postmortem = { ...postmortemSchema.parse(parseFrontmatter(source).data), title: 'As the check read it' };
    rememberChecked(path, { digest: contentDigest(source), valid });
    const { context, store, calls } = fakeContext(root);
    await postmortemLoader({ base: 'postmortems' }).load(context);
    expect(calls.parseData).toBe(0);
    expect((store.get(VALID)?.data as Postmortem).title).toBe('As the check read it');
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
    expect(loadedPostmortems()[0]?.bodyText).toContain('A sentence added & saved.');

    rmSync(path);
    await loader.load(context);
    expect(store.size).toBe(0);
    expect(loadedPostmortems()).toEqual([]);
  });
});
