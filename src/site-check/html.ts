import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';

/** One attribute of one element of a built page, where it stands. */
export interface BuiltAttribute {
  /** Tag name, lowercase. */
  tag: string;
  /** Attribute name, lowercase. */
  name: string;
  /** The value as the browser sees it (character references decoded). */
  value: string;
  /** 1-based line of the element in the page. */
  line: number;
}

/** A page of the built site, parsed once for every rule. */
export interface BuiltPage {
  /** Absolute path of the HTML file. */
  path: string;
  /** Every attribute of every element, in document order. */
  attributes: BuiltAttribute[];
}

/** Parses an HTML page with a real HTML parser (htmlparser2): quoting, entities and comments as a browser reads them. */
export function parseBuiltPage(path: string, html: string): BuiltPage {
  const attributes: BuiltAttribute[] = [];
  const lineStarts = [0];
  for (let at = html.indexOf('\n'); at !== -1; at = html.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineOf = (index: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        const line = lineOf(parser.startIndex);
        for (const [name, value] of Object.entries(attribs)) attributes.push({ tag, name, value, line });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { path, attributes };
}

/** Every `.html` file below `dir`, parsed, in a stable order. */
export function readBuiltSite(dir: string): BuiltPage[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) files.push(join(entry.parentPath, entry.name));
  }
  return files.sort().map((path) => parseBuiltPage(path, readFileSync(path, 'utf8')));
}
