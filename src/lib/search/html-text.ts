import { escapeAttribute } from 'entities';
import { Parser } from 'htmlparser2';

/** What Pagefind will index of a built page, as plain text. */
export interface IndexedText {
  /** The text inside `data-pagefind-body`, without `data-pagefind-ignore` parts, scripts and styles. */
  body: string;
  /** Inline metadata values (`data-pagefind-meta="key:value"`) by key, e.g. `aliases`. */
  meta: Record<string, string>;
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Reads a built page the way Pagefind will, so the synonyms and the vocabulary are computed
 * from the same text the index holds. Our own build output, parsed with the project's HTML
 * parser (htmlparser2, as the built-site check does) only to read text.
 */
export function indexedText(html: string): IndexedText {
  const parts: string[] = [];
  const meta: Record<string, string> = {};
  // For each open element: does it open the body, an ignored part or a skipped element?
  const open: { body: boolean; ignore: boolean; skip: boolean }[] = [];
  let body = 0;
  let ignore = 0;
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        parts.push(' '); // elements separate words; text chunks within one element do not
        const spec = attributes['data-pagefind-meta'];
        const inline = spec === undefined ? undefined : /(?:^|,)\s*([\w-]+):(.*)$/s.exec(spec);
        if (inline) meta[inline[1]!] = inline[2]!.trim();
        if (VOID.has(tag)) return;
        const frame = {
          body: 'data-pagefind-body' in attributes,
          ignore: 'data-pagefind-ignore' in attributes,
          skip: SKIPPED.has(tag),
        };
        open.push(frame);
        body += Number(frame.body);
        ignore += Number(frame.ignore);
        skip += Number(frame.skip);
      },
      onclosetag(tag) {
        parts.push(' ');
        if (VOID.has(tag)) return;
        const frame = open.pop();
        if (!frame) return;
        body -= Number(frame.body);
        ignore -= Number(frame.ignore);
        skip -= Number(frame.skip);
      },
      ontext(text) {
        if (body > 0 && ignore === 0 && skip === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { body: parts.join('').replace(/\s+/g, ' ').trim(), meta };
}

/**
 * Adds a metadata field to the HTML handed to Pagefind (not to the page in `dist/`): a
 * `<meta>` element Pagefind reads like any other `data-pagefind-meta`. The value is escaped:
 * aliases come from front matter.
 */
export function withIndexMeta(html: string, key: string, value: string): string {
  return withIndexField(html, 'meta', key, value);
}

/** Adds a filter value to the HTML handed to Pagefind, the same way (a hidden `data-pagefind-filter`). */
export function withIndexFilter(html: string, key: string, value: string): string {
  return withIndexField(html, 'filter', key, value);
}

function withIndexField(html: string, field: 'meta' | 'filter', key: string, value: string): string {
  if (!value) return html;
  const tag = `<meta data-pagefind-${field}="${key}[content]" content="${escapeAttribute(value)}">`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${tag}</head>`) : `${tag}${html}`;
}
