import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { durationsOfPostmortem } from '../../src/lib/analysis/postmortem-durations.ts';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { CSV_COLUMNS } from '../../src/lib/open-data/csv.ts';
import { OPEN_DATA_SCHEMA_VERSION } from '../../src/schema/open-data.ts';
import { openPage, useBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const root = new URL('../..', import.meta.url).pathname;

// The published samples, newest first, as the library orders them.
const valid = checkContent(root).postmortems.flatMap((e) => (e.valid ? [{ id: e.id, data: e.valid }] : []));
const published = valid
  .filter((e) => e.data.status === 'published')
  .sort((a, b) => b.data.started.getTime() - a.data.started.getTime());
const notPublished = valid.filter((e) => e.data.status !== 'published').map((e) => e.id);

const get = async (path: string) => {
  const response = await fetch(url(path));
  expect(response.status, path).toBe(200);
  return { type: response.headers.get('content-type') ?? '', text: await response.text() };
};

interface OpenDocument {
  $schema: string;
  schemaVersion: number;
  postmortems: { id: string; url: string; durations: Record<string, number>; frontMatter: { status: string } }[];
}

describe('open data', () => {
  it('serves /api/postmortems.json, valid against the JSON Schema the site publishes', async () => {
    const { type, text } = await get('api/postmortems.json');
    expect(type).toContain('application/json');
    const document = JSON.parse(text) as OpenDocument;
    expect(document.schemaVersion).toBe(OPEN_DATA_SCHEMA_VERSION);
    const schemaPath = new URL(document.$schema).pathname;
    expect(schemaPath).toBe('/schemas/postmortems-api.schema.json');
    const schema = JSON.parse((await get(schemaPath.slice(1))).text) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it('holds every published post-mortem with the durations the pages show, and nothing unpublished', async () => {
    const document = JSON.parse((await get('api/postmortems.json')).text) as OpenDocument;
    expect(document.postmortems.map((p) => p.id)).toEqual(published.map((e) => e.id));
    expect(notPublished.length).toBeGreaterThan(0); // the in-review sample
    for (const id of notPublished) expect(document.postmortems.some((p) => p.id === id)).toBe(false);
    document.postmortems.forEach((record, i) => {
      expect(record.durations).toEqual({ ...durationsOfPostmortem(published[i]!.data) });
      expect(record.frontMatter.status).toBe('published');
      expect(record.url).toMatch(new RegExp(`/incidents/${record.id}/$`));
    });
  });

  it('serves the same post-mortems as CSV, one row each, that a CSV parser reads back', async () => {
    const { type, text } = await get('api/postmortems.csv');
    expect(type).toContain('text/csv');
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...CSV_COLUMNS]);
    const json = JSON.parse((await get('api/postmortems.json')).text) as OpenDocument;
    expect(rows.map((row) => row[0])).toEqual(json.postmortems.map((p) => p.id));
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const durations = json.postmortems[i]!.durations;
      expect(row[column('toDetectMinutes')]).toBe(String(durations['toDetect']));
      expect(row[column('toResolveMinutes')]).toBe(String(durations['toResolve'] ?? ''));
    });
  });

  const session = useBrowser();

  it('serves an Atom feed of the published post-mortems that an XML parser accepts', async () => {
    const { type, text } = await get('feed.xml');
    // A static host types the file by its extension (text/xml or application/xml); the page links it as Atom.
    expect(type).toMatch(/xml/);
    const { page } = await openPage(session.context());
    await page.goto(url(''));
    const feed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent;
      const ns = 'http://www.w3.org/2005/Atom';
      return {
        error,
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
        entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
          link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href'),
          title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
          updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
        })),
      };
    }, text);
    expect(feed.error).toBeUndefined();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.entries.map((e) => new URL(e.link!).pathname)).toEqual(published.map((e) => `/incidents/${e.id}/`));
    expect(feed.entries[0]!.title).toContain(published[0]!.data.title);
    for (const entry of feed.entries) expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('lists every page in the sitemap, the learning-loop pages included', async () => {
    const index = (await get('sitemap-index.xml')).text;
    expect(index).toContain('sitemap-0.xml');
    const sitemap = (await get('sitemap-0.xml')).text;
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    for (const path of ['/', '/insights/', '/actions/', '/incidents/', '/playbook/step-02-act-early/']) {
      expect(locs).toContain(path);
    }
    for (const entry of published) expect(locs).toContain(`/incidents/${entry.id}/`);
  });

  it('gives every kind of page Open Graph and Twitter card meta, and points at the feed', async () => {
    const { page } = await openPage(session.context());
    for (const path of [
      '',
      'playbook/step-02-act-early/',
      `incidents/${published[0]!.id}/`,
      'incidents/',
      'insights/',
      'actions/',
      'search/',
    ]) {
      await page.goto(url(path));
      const meta = await page.evaluate(() => {
        const content = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? null;
        return {
          title: content('meta[property="og:title"]'),
          description: content('meta[property="og:description"]'),
          url: content('meta[property="og:url"]'),
          type: content('meta[property="og:type"]'),
          card: content('meta[name="twitter:card"]'),
          twitterTitle: content('meta[name="twitter:title"]'),
          feed: document.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href'),
          documentTitle: document.title,
        };
      });
      expect(meta.title, path).toBe(meta.documentTitle);
      expect(meta.twitterTitle, path).toBe(meta.documentTitle);
      expect(meta.description?.length, path).toBeGreaterThan(10);
      expect(meta.url, path).toMatch(/^https?:\/\//);
      expect(new URL(meta.url!).pathname, path).toBe(`/${path}`);
      expect(meta.type, path).toBe(
        path.startsWith('incidents/2') || path.startsWith('playbook/') ? 'article' : 'website',
      );
      expect(meta.card, path).toBe('summary');
      expect(meta.feed, path).toBe('/feed.xml');
    }
  });
});
