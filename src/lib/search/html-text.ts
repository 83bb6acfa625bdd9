import { decodeHTML, escapeAttribute } from 'entities';
import { ELEMENT_NODE, TEXT_NODE, parse, walkSync } from 'ultrahtml';

/** What Pagefind will index of a built page, as plain text. */
export interface IndexedText {
  /** The text inside `data-pagefind-body`, without `data-pagefind-ignore` parts, scripts and styles. */
  body: string;
  /** Inline metadata values (`data-pagefind-meta="key:value"`) by key, e.g. `aliases`. */
  meta: Record<string, string>;
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/**
 * Reads a built page the way Pagefind will, so the synonyms and the vocabulary are computed
 * from the same text the index holds. Our own build output, parsed only to read text.
 */
export function indexedText(html: string): IndexedText {
  const root = parse(html);
  const parts: string[] = [];
  const meta: Record<string, string> = {};
  const inside = (node: { attributes?: Record<string, string>; parent?: unknown }, attribute: string): boolean => {
    for (let at: unknown = node; at; at = (at as { parent?: unknown }).parent) {
      const attributes = (at as { attributes?: Record<string, string> }).attributes;
      if (attributes && attribute in attributes) return true;
    }
    return false;
  };
  const skipped = (node: { name?: string; parent?: unknown }): boolean => {
    for (let at: unknown = node; at; at = (at as { parent?: unknown }).parent) {
      const name = (at as { name?: string }).name;
      if (name && SKIPPED.has(name)) return true;
    }
    return false;
  };
  walkSync(root, (node) => {
    if (node.type === ELEMENT_NODE) {
      const spec = (node.attributes as Record<string, string>)['data-pagefind-meta'];
      const inline = spec === undefined ? undefined : /(?:^|,)\s*([\w-]+):(.*)$/s.exec(spec);
      if (inline) meta[inline[1]!] = decodeHTML(inline[2]!).trim();
      return;
    }
    if (node.type !== TEXT_NODE) return;
    if (!inside(node, 'data-pagefind-body') || inside(node, 'data-pagefind-ignore') || skipped(node)) return;
    parts.push(decodeHTML(node.value as string));
  });
  return { body: parts.join(' ').replace(/\s+/g, ' ').trim(), meta };
}

/**
 * Adds a metadata field to the HTML handed to Pagefind (not to the page in `dist/`): a
 * `<meta>` element Pagefind reads like any other `data-pagefind-meta`. The value is escaped:
 * aliases come from front matter.
 */
export function withIndexMeta(html: string, key: string, value: string): string {
  if (!value) return html;
  const tag = `<meta data-pagefind-meta="${key}[content]" content="${escapeAttribute(value)}">`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${tag}</head>`) : `${tag}${html}`;
}
