import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { MdNode } from '../../lib/content-check/body-rules.ts';

/**
 * The body parser of the contribute form: micromark with GFM (autolinks, tables, footnotes),
 * the CommonMark parser that runs in a browser. The check parses with Sätteri, which has no
 * browser build here; both give mdast, which the body rules read (links, images, definitions,
 * raw HTML). test/client/contribute/same-verdict.test.ts holds the two to the same verdict.
 */
export function parseWithMicromark(body: string): MdNode {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
}
