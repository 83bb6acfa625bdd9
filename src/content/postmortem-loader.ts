import type { Loader, LoaderContext } from 'astro/loaders';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter, splitFrontmatter } from '../lib/content-check/frontmatter.ts';
import { postmortemProblems } from '../lib/content-check/postmortem-entry.ts';
import { formatProblem } from '../lib/content-check/problem.ts';
import { durationsOfPostmortem } from '../lib/analysis/postmortem-durations.ts';
import { incidentSearchRecord } from '../lib/search-record.ts';
import type { Postmortem } from '../schema/postmortem.ts';
import type { PostmortemSummary } from '../schema/postmortem-summary.ts';
import { contentDigest } from '../lib/content-digest.ts';
import { mapInFlight } from '../lib/in-flight.ts';
import {
  checkVerdict,
  detailsDir,
  forgetChecked,
  forgetLoaded,
  rememberLoaded,
  setDetailsDir,
  takeChecked,
} from './library.ts';
import { codeDigest, detailsFolder, removeDetails, splitPostmortem, storedHead, writeDetails } from './postmortem-details.ts';
import { renderedText } from './rendered-text.ts';

/** `--force` asks Astro to rebuild its store from scratch: the details files are not reused either. */
const FORCE = process.argv.includes('--force');

/** Post-mortems are Markdown only: an `.mdx` file is never compiled (the check names it as an error). */
const POSTMORTEM_FILE = /^([^/\\]+)\.md$/;

/**
 * The post-mortem collection's loader: each file is read once, its front matter taken from
 * the content check's reading of the same content (src/content/library.ts; in a build the
 * check runs alongside, a file or so ahead, and hands each over as it is checked) or read and
 * validated with the same reader and schema when the check did not see it (a file saved while
 * `astro dev` runs), its body rendered by the site's own Markdown processor, and its search
 * record made from the data and the text of that rendering, so the index holds what the page shows.
 *
 * Astro's store gets the entry's summary (src/schema/postmortem-summary.ts); its timeline,
 * mention series, rendered body and search record go to its details file
 * (src/content/postmortem-details.ts), so the store every page loads stays small. Files whose
 * content digest matches the stored entry and its details are not read again: Astro keeps the
 * data store between builds (not with `--force`), so a rebuild after one edit renders one
 * entry. In `astro dev`, a saved file reloads that entry alone.
 */
export function postmortemLoader({ base }: { base: string }): Loader {
  return {
    name: 'firebreak:postmortems',
    load: async (context) => {
      const dir = resolve(fileURLToPath(context.config.root), base);
      setDetailsDir(detailsFolder(fileURLToPath(context.config.cacheDir)));
      const names = await readdir(dir).catch(() => [] as string[]);
      const ids = new Set<string>();
      // A few at a time: rendering is asynchronous work Astro's processor spreads over the event
      // loop. In name order, the order in which the build's content check hands its readings over.
      const files = names.filter((name) => POSTMORTEM_FILE.test(name)).sort((a, b) => a.localeCompare(b));
      await mapInFlight(files, 8, async (name) => {
        const path = join(dir, name);
        ids.add(idOf(path));
        try {
          await loadFile(context, path);
        } catch (error) {
          const message = `${relative(fileURLToPath(context.config.root), path)}: ${(error as Error).message}`;
          // `astro dev` keeps serving the rest. A build ends with the content check's report of
          // every problem when it has one (it runs alongside); without it, with this file's.
          if (context.watcher) context.logger.error(message);
          else {
            await checkVerdict();
            throw Object.assign(new Error(message), { stack: message });
          }
        }
      });
      for (const id of context.store.keys()) {
        if (!ids.has(id)) await forget(context, id);
      }
      forgetChecked();
      context.watcher?.add(dir);
      const inFolder = (path: string) => resolve(path, '..') === dir && POSTMORTEM_FILE.test(relative(dir, path));
      context.watcher?.on('change', (path) => inFolder(path) && void reload(context, path));
      context.watcher?.on('add', (path) => inFolder(path) && void reload(context, path));
      context.watcher?.on('unlink', (path) => inFolder(path) && void forget(context, idOf(path)));
    },
  };
}

function idOf(path: string): string {
  return POSTMORTEM_FILE.exec(relative(resolve(path, '..'), path))![1]!;
}

async function reload(context: LoaderContext, path: string): Promise<void> {
  try {
    await loadFile(context, path);
    context.logger.info(`reloaded ${relative(fileURLToPath(context.config.root), path)}`);
  } catch (error) {
    context.logger.error(`could not reload ${path}: ${(error as Error).message}`);
  }
}

async function forget(context: LoaderContext, id: string): Promise<void> {
  context.store.delete(id);
  forgetLoaded(id);
  await removeDetails(detailsDir(), id);
}

/** Reads, validates and renders one post-mortem file into the store and its details file, unless it is unchanged. */
async function loadFile(context: LoaderContext, path: string): Promise<void> {
  const { store, config } = context;
  const id = idOf(path);
  const dir = detailsDir();
  const source = await readFile(path, 'utf8');
  const digest = contentDigest(source);
  const filePath = relative(fileURLToPath(config.root), path).split('\\').join('/');
  const stored = store.get<PostmortemSummary>(id);
  // Made before from this very content by this code: Astro's store is refilled from the details
  // file when Astro cleared it (it does on any change to the Astro config, such as `--port` or
  // `--outDir`), so `astro dev` after a build renders nothing again. `--force` renders afresh.
  const made = FORCE ? undefined : await storedHead(dir, id, digest, config.base);
  if (made) {
    if (stored?.digest !== digest) store.set({ id, data: made.summary as unknown as Record<string, unknown>, filePath, digest });
    rememberLoaded({ id, status: made.summary.status, started: made.summary.started });
    return;
  }
  // The check's validated data when it read this very content: no second YAML parse, no second schema pass.
  const checked = (await takeChecked(path, digest))?.valid;
  const { body } = checked ? splitFrontmatter(source) : { body: '' };
  const read = checked ? { data: checked, body } : validated(source, filePath);
  const rendered = await context.renderMarkdown(read.body, { fileURL: pathToFileURL(path) });
  const data = read.data;
  const durations = durationsOfPostmortem(data);
  const { summary, learning, page } = splitPostmortem(data, durations);
  await writeDetails(dir, id, {
    digest,
    base: config.base,
    code: codeDigest(),
    summary,
    learning,
    page,
    timeline: data.timeline,
    ...(data.impact.mentionSeries ? { mentionSeries: data.impact.mentionSeries } : {}),
    html: rendered.html,
    record: incidentSearchRecord(id, data, renderedText(rendered.html), config.base),
  });
  store.set({ id, data: summary as unknown as Record<string, unknown>, filePath, digest });
  rememberLoaded({ id, status: data.status, started: data.started });
}

/**
 * A file the check did not read (saved while `astro dev` runs): read and validated here by the
 * check's own reader and schema rule (drafts' undecided fields included), its problems worded
 * as the check words them.
 */
function validated(source: string, file: string): { data: Postmortem; body: string } {
  const read = parseFrontmatter(source);
  const { valid, problems } = postmortemProblems({ file, data: read.data, lineOf: read.lineOf });
  if (!valid) {
    throw new Error(`front matter does not match the post-mortem schema:\n${problems.map(formatProblem).join('\n')}`);
  }
  return { data: valid, body: read.body };
}
