import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPaths } from '../src/content-paths.ts';
import { parseFlags, USAGE, UsageError, type NewFlags } from './new/options.ts';
import { askMissing, PromptCancelled } from './new/prompts.ts';
import { postmortemId, slugify } from '../src/schema/slug.ts';
import { localDate, localZone, renderDraft } from './new/template.ts';

/**
 * `npm run new -- --title "…"`: scaffolds a draft post-mortem that already passes
 * `npm run check`. Prompts on a terminal; flags (and defaults) everywhere else, e.g. in CI
 * and tests. Never overwrites an existing file.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

async function main(argv: readonly string[]): Promise<number> {
  let flags: NewFlags = parseFlags(argv);
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const today = localDate();
  if (process.stdin.isTTY && process.stdout.isTTY) flags = await askMissing(flags, today);
  if (!flags.title) throw new UsageError('--title is required, e.g. npm run new -- --title "Promo code leaked on X"');

  const date = flags.date ?? today;
  const slug = flags.slug ?? slugify(flags.title);
  if (!slug) {
    throw new UsageError(
      `the title ${JSON.stringify(flags.title)} gives no usable file name; add --slug with lowercase letters, digits and dashes, e.g. --slug promo-code-leak`,
    );
  }
  const dir = flags.dir ? resolve(flags.dir) : resolve(root, contentPaths.postmortems);
  const id = postmortemId(date, slug);
  const file = join(dir, `${id}.md`);
  const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
  for (const existing of [file, join(dir, `${id}.mdx`)]) {
    if (existsSync(existing)) {
      throw new UsageError(
        `${relative(process.cwd(), existing)} already exists; nothing was written. Edit that file, or choose another --title or --slug.`,
      );
    }
  }

  const text = renderDraft({
    title: flags.title,
    date,
    severity: flags.severity ?? 3,
    crisisType: flags.crisisType ?? 'other',
    platforms: flags.platforms?.length ? flags.platforms : ['other'],
    zone: localZone(date),
  });
  mkdirSync(dir, { recursive: true });
  // 'wx' fails if the file appeared since the check above, so a race cannot overwrite it either.
  writeFileSync(file, text, { flag: 'wx' });

  console.log(`Created ${shown}

Next:
  1. Open it and replace every "TODO:" (the comments list the allowed values).
  2. npm run check      shows what is still missing or wrong, as file:line  field  message
  3. npm run dev        previews it with a "Draft" banner at http://localhost:4321/
  4. Set status: in-review, commit, push and open a pull request (see CONTRIBUTING.md).`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof PromptCancelled) {
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    console.error(`npm run new: ${error.message}`);
    process.exitCode = 1;
  } else if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(
      `npm run new: ${(error as NodeJS.ErrnoException).path ?? 'the file'} already exists; nothing was written.`,
    );
    process.exitCode = 1;
  } else if (
    (error as NodeJS.ErrnoException).code === 'EACCES' ||
    (error as NodeJS.ErrnoException).code === 'ENOTDIR'
  ) {
    console.error(`npm run new: cannot write ${(error as NodeJS.ErrnoException).path}: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
