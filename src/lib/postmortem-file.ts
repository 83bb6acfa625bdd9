import { writeYaml } from './yaml.ts';

/**
 * The one writer of post-mortem files (content/postmortems/<id>.md): front matter through the
 * project's YAML writer (so strings YAML would read as something else are quoted and Astro and
 * the check read back the same values), then the Markdown body. `npm run new`, `npm run import`,
 * the site benchmark's generator and the contribute form all write through it. Pure: no file
 * system, so the form runs it in the browser.
 */

/** Comments for a human editing the file by hand (the scaffold's hints); data is never in them. */
export interface FrontmatterNotes {
  /** Whole comment lines (without `# `) right after the opening `---`. */
  header?: readonly string[];
  /** A trailing `# comment` on the line of the field at a dotted path (`timeline.0.at`). */
  comments?: Readonly<Record<string, string>>;
  /**
   * Whole comment lines (without `# `) written after the field at a dotted path, at its
   * indentation: optional fields suggested but not set (`firstResponse: …`).
   */
  after?: Readonly<Record<string, readonly string[]>>;
}

export interface PostmortemFileParts {
  /** The front matter, in the key order it is written. `null` is written as an empty value (`scct:`). */
  frontmatter: Record<string, unknown>;
  /** The Markdown body; empty for none. Written with exactly one final line break. */
  body: string;
}

/** The folder post-mortems live in, relative to the project root. */
export const POSTMORTEM_DIR = 'content/postmortems';

/** The path of a post-mortem file in the repository, from its id (`<YYYY-MM-DD>-<slug>`). */
export function postmortemPath(id: string): string {
  return `${POSTMORTEM_DIR}/${id}.md`;
}

/** The whole file: `---`, front matter, `---`, a blank line and the body. */
export function postmortemFile({ frontmatter, body }: PostmortemFileParts, notes: FrontmatterNotes = {}): string {
  const header = (notes.header ?? []).map((line) => `# ${line}\n`).join('');
  const text = body.replace(/\s+$/, '');
  return `---\n${header}${frontmatterYaml(frontmatter, notes)}---\n${text ? `\n${text}\n` : ''}`;
}

/** One level of the path while walking the written YAML: a mapping key or a list index. */
interface Level {
  /** The column the key (or the list item's dash) starts at. */
  column: number;
  segment: string | number;
  item: boolean;
}

/**
 * The front matter as YAML with the notes attached. The YAML comes from the YAML writer as it
 * is; the notes go on the lines whose field path they name, found by walking the writer's
 * block layout (keys, `- ` items, block scalars), so a note can never change a value.
 */
export function frontmatterYaml(frontmatter: Record<string, unknown>, notes: FrontmatterNotes = {}): string {
  const comments = notes.comments ?? {};
  const after = notes.after ?? {};
  const lines = writeYaml(frontmatter).replace(/\n$/, '').split('\n');
  const out: string[] = [];
  const levels: Level[] = [];
  let blockColumn: number | undefined;
  let pending: { column: number; lines: readonly string[] } | undefined;
  const flush = () => {
    if (pending) out.push(...pending.lines.map((line) => `${' '.repeat(pending!.column)}# ${line}`));
    pending = undefined;
  };
  for (const raw of lines) {
    const indent = raw.length - raw.trimStart().length;
    // Lines of a block scalar (`|-`) belong to the key above; so does anything indented under it.
    if (blockColumn !== undefined && (raw.trim() === '' || indent > blockColumn)) {
      out.push(raw);
      continue;
    }
    blockColumn = undefined;
    if (pending && indent <= pending.column) flush();
    let column = indent;
    let rest = raw.slice(indent);

    while (rest.startsWith('- ') || rest === '-') {
      while (levels.length > 0 && levels.at(-1)!.column > column) levels.pop();
      while (levels.length > 0 && !levels.at(-1)!.item && levels.at(-1)!.column >= column) levels.pop();
      const top = levels.at(-1);
      if (top?.item && top.column === column) top.segment = (top.segment as number) + 1;
      else levels.push({ column, segment: 0, item: true });
      column += 2;
      rest = rest.slice(2);
    }
    const key = /^([A-Za-z_][\w-]*):(?: |$)/.exec(rest);
    if (key) {
      while (levels.length > 0 && levels.at(-1)!.column >= column) levels.pop();
      levels.push({ column, segment: key[1]!, item: false });
      if (/: [|>][1-9]?[+-]?$/.test(rest)) blockColumn = column;
    }
    const path = levels.map((level) => level.segment);
    const dotted = path.join('.');
    // An empty value reads back as null either way; the empty form invites typing after it.
    let line = raw.replace(/^(\s*(?:- )*[A-Za-z_][\w-]*:) null$/, '$1');
    const comment = comments[dotted];
    if (comment !== undefined) line += ` # ${comment}`;
    out.push(line);
    if (after[dotted]) {
      flush();
      pending = { column, lines: after[dotted] };
    }
  }
  flush();
  return out.map((line) => `${line}\n`).join('');
}
