/**
 * `npm run bench:search [-- 10000]`: what a first search in the header box transfers when the
 * library holds N post-mortems (default 10,000), without building N pages. It takes the site
 * `npm run build` left in `dist/` (the playbook pages as they are), copies it, generates N
 * post-mortems (scripts/bench/generate-postmortems.ts), parses them with the schema, and
 * rebuilds the search bundles of the copy with the build's own code
 * (src/integrations/search-index.ts: the same records, the same recent selection, the same
 * Pagefind options), then serves the copy and measures first searches in Chromium, as
 * test/e2e/search-weight.test.ts does on the real build. The full `npm run bench` builds every
 * page too, which at 10,000 takes many minutes and gigabytes.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { isShownOnSite } from '../../src/build-flags.ts';
import {
  indexIncidents,
  indexPlaybook,
  useIndexChunkSize,
  writeSearchBundles,
} from '../../src/integrations/search-index.ts';
import { SEARCH_BUNDLES } from '../../src/lib/search/bundles.ts';
import { incidentSearchRecord } from '../../src/lib/search-record.ts';
import { postmortemSchema } from '../../src/schema/postmortem.ts';
import { site } from '../../src/site.config.ts';
import { measureFirstSearches } from './first-search.ts';
import { generateLibrary } from './generate-postmortems.ts';

const root = join(import.meta.dirname, '..', '..');
const [arg = '10000', ...options] = process.argv.slice(2);
if (!/^[1-9]\d*$/.test(arg)) {
  console.error(`npm run bench:search: expected the library size as a whole number, e.g. 10000; got "${arg}"`);
  process.exit(2);
}
/** `--site <dir>`: another built site than `dist/` (a copy kept while `dist/` is rebuilt). */
const siteAt = options.indexOf('--site');
const built = siteAt >= 0 && options[siteAt + 1] ? options[siteAt + 1]! : join(root, 'dist');
if (!existsSync(join(built, SEARCH_BUNDLES.playbook))) {
  console.error(`npm run bench:search: no built site in ${built}; run npm run build first.`);
  process.exit(2);
}
/**
 * The queries of footnote 2 in the README: a word, a topic, a sentence, a question, and three
 * events, which the recent bundle answers (the heaviest: their incidents' fragments are long).
 */
const QUERIES = [
  'refund',
  'discount code',
  'our account got hacked',
  'who do I call',
  'instagram hacked giveaway',
  'ceo linkedin post',
  'scheduled post during a storm',
];
// A loopback port no test and no other benchmark uses, moved by the tests' offset.
const port = 4390 + Number(process.env['FIREBREAK_TEST_PORT_OFFSET'] ?? 0);

/**
 * The words of a generated body as its page shows them: the generator writes headings,
 * paragraphs, bullet lists and links, and nothing else Markdown would change.
 */
const shownText = (markdown: string) => markdown.replace(/^(#+|-) /gm, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const work = mkdtempSync(join(tmpdir(), 'firebreak-search-bench-'));
try {
  const dist = join(work, 'dist');
  cpSync(built, dist, { recursive: true });
  // Pagefind adds to a folder it writes into: start the bundles afresh, as a build does.
  for (const folder of Object.values(SEARCH_BUNDLES)) rmSync(join(dist, folder), { recursive: true, force: true });
  const entries = generateLibrary(Number(arg))
    .map(({ id, data, body }) => ({ id, data: postmortemSchema.parse(data), bodyText: shownText(body) }))
    .filter((entry) => isShownOnSite(entry.data.status, false));
  useIndexChunkSize();
  const started = performance.now();
  // The record the content loader makes of each (src/content/postmortem-loader.ts), made when indexed.
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const indexed = await indexIncidents(
    entries.map(({ id, data }) => ({ id, started: data.started })),
    async (id) => {
      const { data, bodyText } = byId.get(id)!;
      return incidentSearchRecord(id, data, bodyText, site.base);
    },
    dist,
  );
  const { playbook, errors } = await indexPlaybook(dist, site.base, indexed.vocabulary);
  const writeErrors = await writeSearchBundles(dist, {
    recent: indexed.recent,
    vocabulary: indexed.vocabulary,
    playbook,
  });
  await close();
  const failed = [...indexed.errors, ...errors, ...writeErrors];
  if (failed.length > 0) throw new Error(`Pagefind failed: ${failed.join('; ')}`);
  console.info(
    `${arg} generated post-mortems, ${entries.length} published, indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const [name, folder] of Object.entries(SEARCH_BUNDLES)) {
    // The incidents bundle is in parts (src/lib/search/bundles.ts): the sum of their page tables.
    const metas = readdirSync(join(dist, folder), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.pf_meta'),
    );
    const bytes = metas.reduce((sum, file) => sum + statSync(join(dist, folder, file)).size, 0);
    console.info(
      `  ${name} bundle: page table ${metas.length ? kb(bytes) : 'missing'}${metas.length > 1 ? ` in ${metas.length} parts` : ''}`,
    );
  }
  const searches = await measureFirstSearches(dist, QUERIES, port);
  console.info('\nfirst search in the header box (everything transferred, compressed as served):');
  for (const [i, search] of searches.entries()) {
    const byFolder = new Map<string, number>();
    for (const [j, path] of search.paths.entries()) {
      const folder = path.split('/')[1] ?? '';
      const key = folder.startsWith('pagefind') || folder === 'search-vocabulary' ? folder : 'scripts and the rest';
      byFolder.set(key, (byFolder.get(key) ?? 0) + (search.sizes[j] ?? 0));
    }
    const parts = [...byFolder].map(([folder, bytes]) => `${folder} ${kb(bytes)}`).join(', ');
    console.info(
      `  "${QUERIES[i]}": ${kb(search.bytes)} in ${search.requests} requests, ${search.results} results (${parts})`,
    );
    if (options.includes('--requests'))
      for (const [j, path] of search.paths.entries()) console.info(`      ${kb(search.sizes[j] ?? 0)}  ${path}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
