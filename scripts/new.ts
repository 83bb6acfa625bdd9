import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPaths } from '../src/content-paths.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, firstLine, UsageError } from './lib/cli.ts';
import { parseFlags, USAGE, type NewFlags } from './new/options.ts';
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
    return EXIT_OK;
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
      // Not a mistake on the command line: the content folder already has this page.
      console.error(
        `npm run new: ${relative(process.cwd(), existing)} already exists; nothing was written. Edit that file, or choose another --title or --slug.`,
      );
      return EXIT_BAD_INPUT;
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
  return EXIT_OK;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof PromptCancelled) {
    // Nothing was written, as when the page already exists.
    process.exitCode = EXIT_BAD_INPUT;
  } else if (error instanceof UsageError) {
    console.error(`npm run new: ${error.message}`);
    process.exitCode = EXIT_USAGE;
  } else if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(
      `npm run new: ${(error as NodeJS.ErrnoException).path ?? 'the file'} already exists; nothing was written.`,
    );
    process.exitCode = EXIT_BAD_INPUT;
  } else if (
    (error as NodeJS.ErrnoException).code === 'EACCES' ||
    (error as NodeJS.ErrnoException).code === 'ENOTDIR'
  ) {
    console.error(`npm run new: cannot write ${(error as NodeJS.ErrnoException).path}: ${(error as Error).message}`);
    process.exitCode = EXIT_BAD_INPUT;
  } else {
    console.error(`npm run new: internal error (please report it): ${firstLine(error)}`);
    process.exitCode = EXIT_INTERNAL;
  }
}
