import type { Loader, LoaderContext } from 'astro/loaders';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '../lib/content-check/frontmatter.ts';
import type { Postmortem } from '../schema/postmortem.ts';
import { contentDigest } from '../lib/content-digest.ts';
import { checkedFile, forgetChecked, forgetLoaded, rememberLoaded } from './library.ts';
import { renderedText } from './rendered-text.ts';

/** Post-mortems are Markdown only: an `.mdx` file is never compiled (the check names it as an error). */
const POSTMORTEM_FILE = /^([^/\\]+)\.md$/;

/**
 * The post-mortem collection's loader: each file is read once, its front matter taken from
 * the content check's reading of the same content (src/content/library.ts; the check ran
 * first, in `astro:config:setup`) or read with the same reader when the check did not see it
 * (a file saved while `astro dev` runs), its body rendered by the site's own Markdown
 * processor, and the text of that rendering kept for the search records, so the index holds
 * what the page shows. Files whose content digest matches the stored entry are not read
 * again: Astro keeps the data store between builds (not with `--force`), so a rebuild after
 * one edit renders one entry. In `astro dev`, a saved file reloads that entry alone.
 *
 * Only the rendered HTML and the data are stored: nothing reads the raw Markdown, and a
 * library grows to thousands of entries.
 */
export function postmortemLoader({ base }: { base: string }): Loader {
  return {
    name: 'firebreak:postmortems',
    load: async (context) => {
      const dir = resolve(fileURLToPath(context.config.root), base);
      const names = await readdir(dir).catch(() => [] as string[]);
      const ids = new Set<string>();
      // A few at a time: rendering is asynchronous work Astro's processor spreads over the event loop.
      const queue = names.filter((name) => POSTMORTEM_FILE.test(name));
      const workers = Array.from({ length: 8 }, async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
          const path = join(dir, name);
          ids.add(idOf(path));
          try {
            await loadFile(context, path);
          } catch (error) {
            // A build has already stopped at the content check; `astro dev` keeps serving the rest.
            if (!context.watcher) throw error;
            context.logger.error(`${relative(fileURLToPath(context.config.root), path)}: ${(error as Error).message}`);
          }
        }
      });
      await Promise.all(workers);
      for (const id of context.store.keys()) {
        if (!ids.has(id)) {
          context.store.delete(id);
          forgetLoaded(id);
        }
      }
      forgetChecked();
      context.watcher?.add(dir);
      const inFolder = (path: string) => resolve(path, '..') === dir && POSTMORTEM_FILE.test(relative(dir, path));
      context.watcher?.on('change', (path) => inFolder(path) && void reload(context, path));
      context.watcher?.on('add', (path) => inFolder(path) && void reload(context, path));
      context.watcher?.on('unlink', (path) => {
        if (!inFolder(path)) return;
        const id = idOf(path);
        context.store.delete(id);
        forgetLoaded(id);
      });
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

/** Reads, validates and renders one post-mortem file into the store, unless it is unchanged. */
async function loadFile(context: LoaderContext, path: string): Promise<void> {
  const { store, config } = context;
  const id = idOf(path);
  const source = await readFile(path, 'utf8');
  const digest = contentDigest(source);
  const stored = store.get<Postmortem>(id);
  if (stored?.digest === digest && stored.rendered) {
    rememberLoaded({ id, data: stored.data, bodyText: renderedText(stored.rendered.html) });
    return;
  }
  const filePath = relative(fileURLToPath(config.root), path).split('\\').join('/');
  const read = parseFrontmatter(source);
  // The check's validated data when it read this very content: no second schema pass.
  const data =
    checkedFile(path, digest)?.valid ??
    (await context.parseData<Record<string, unknown>>({ id, data: read.data, filePath: path }) as Postmortem);
  const rendered = await context.renderMarkdown(read.body, { fileURL: pathToFileURL(path) });
  store.set({ id, data: data as unknown as Record<string, unknown>, filePath, digest, rendered });
  rememberLoaded({ id, data, bodyText: renderedText(rendered.html) });
}
