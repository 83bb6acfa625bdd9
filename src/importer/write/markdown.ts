/**
 * Makes untrusted text inert in a Markdown page that may also be read as MDX: it must show up
 * as the same visible characters and never become HTML, a link, a JSX expression, an ESM
 * import, front matter or a heading. Works by escaping, never by stripping, so the author sees
 * exactly what the export said.
 */
import { oneLine } from '../format.ts';

/** Characters that start HTML, JSX expressions or entities: written as character references. */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '{': '&#123;',
  '}': '&#125;',
};

/**
 * ASCII punctuation CommonMark/GFM give meaning to inside a line: emphasis, code, links,
 * images, tables, strikethrough, footnotes, hard breaks. Backslash escapes are valid for every
 * ASCII punctuation character in both Markdown and MDX.
 */
const INLINE_SYNTAX = /[\\`*_[\]()!|~^]/g;

/** Escapes one line (or a whole text collapsed to one line) for use anywhere in a Markdown line. */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/[&<>{}]/g, (ch) => ENTITIES[ch]!)
      .replace(INLINE_SYNTAX, (ch) => `\\${ch}`)
      // GFM turns bare http(s)://, www. and e-mail addresses into links: break the pattern.
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`)
      .replace(/(?<=[\w.%+-])@(?=[\w-]+\.)/g, '\\@')
  );
}

/**
 * Escapes what only matters at the start of a line: block quotes and HTML (already entities),
 * headings, lists, thematic breaks and front-matter fences (`---`), setext underlines, indented
 * code, and MDX's `import`/`export` statements.
 */
export function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  if (/^(?:import|export)\b/.test(trimmed)) return `&#${trimmed.charCodeAt(0)};${trimmed.slice(1)}`;
  if (/^[-+=#]/.test(trimmed)) return `\\${trimmed}`;
  const ordered = /^(\d{1,9})([.)])/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${trimmed.slice(ordered[1]!.length)}`;
  return trimmed;
}

/** One untrusted text as a single inert Markdown line, safe anywhere (including at a line start). */
export function inertLine(text: string): string {
  return escapeLineStart(escapeInline(oneLine(text)));
}

/** Untrusted multi-line text as inert Markdown paragraphs (every line escaped at its start). */
export function inertBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeLineStart(escapeInline(oneLine(line))))
    .join('\n');
}
