import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The yardstick: a bare Astro 7 project over the same post-mortem files, with nothing of
 * Firebreak's (no content check, no inert Markdown, no search records, no shared layout): a
 * content collection with a glob loader and a permissive schema, and one minimal page per entry
 * with what a reader of a post-mortem needs (title, summary, timeline, lessons, actions, body).
 * Drafts are left out as Firebreak's production build leaves them out, so both build the same
 * post-mortem pages. The search index is Pagefind's CLI over the built folder, as its docs say.
 *
 * It uses this repository's node_modules (a symlink), so both run the same Astro and Pagefind.
 */
export function writeBaselineProject(dir: string, postmortemsDir: string, repoRoot: string): void {
  mkdirSync(join(dir, 'src', 'pages', 'incidents'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bare-astro-baseline', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      // Its own cache: the shared node_modules/.astro is Firebreak's, and a warm store would flatter either build.
      "export default defineConfig({ cacheDir: './.astro-cache', devToolbar: { enabled: false } });",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      'const postmortems = defineCollection({',
      `  loader: glob({ pattern: '*.md', base: ${JSON.stringify(postmortemsDir)} }),`,
      '  schema: z.looseObject({ title: z.string(), summary: z.string(), status: z.string() }),',
      '});',
      'export const collections = { postmortems };',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'incidents', '[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const entries = await getCollection('postmortems', (entry) => entry.data.status !== 'draft');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const data = entry.data as Record<string, any>;
---
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{data.title}</title></head>
  <body>
    <main>
      <h1>{data.title}</h1>
      <p>{data.summary}</p>
      <h2>Timeline</h2>
      <ol>{(data.timeline ?? []).map((event: any) => <li><time>{String(event.at)}</time> {event.kind}: {event.text}</li>)}</ol>
      <h2>Lessons</h2>
      <ul>{(data.lessons ?? []).map((lesson: any) => <li>{lesson.text}</li>)}</ul>
      <h2>Actions</h2>
      <ul>{(data.actionItems ?? []).map((action: any) => <li>{action.title} ({action.ownerRole}, {action.status})</li>)}</ul>
      <Content />
    </main>
  </body>
</html>
`,
  );
}
