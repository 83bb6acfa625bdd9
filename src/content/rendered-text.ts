import { Parser } from 'htmlparser2';

/** Elements whose text is a block of its own: separated from the next by a line break. */
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'tr',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
  'div',
  'br',
  'hr',
]);
const SKIPPED = new Set(['script', 'style', 'template']);

/**
 * The words a reader sees in a rendered body (the HTML the site's Markdown processor made for
 * the page), for the search index: text and image descriptions, not tags or link targets; raw
 * HTML in a post-mortem is rendered inert, so it counts as the text it is shown as. Read with
 * the project's HTML parser (htmlparser2), entities decoded.
 */
export function renderedText(html: string): string {
  const parts: string[] = [];
  let skipped = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) skipped++;
        else if (name === 'img' && attributes['alt']) parts.push(attributes['alt']);
      },
      ontext(text) {
        if (skipped === 0) parts.push(text);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipped--;
        else if (BLOCKS.has(name)) parts.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .replace(/[ \t\r]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}
