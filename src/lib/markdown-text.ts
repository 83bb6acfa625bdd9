import { markdownToMdast } from 'satteri';

/**
 * The Markdown features Astro's Sätteri processor renders with (astro.config.mjs keeps the
 * defaults): the check and the search index parse bodies with the same ones as the pages.
 */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const;

interface TextNode {
  type: string;
  value?: string;
  alt?: string | null;
  children?: TextNode[];
}

/** Block-level nodes: their text is separated from the next block by a line break. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'code', 'tableRow', 'tableCell']);

/**
 * The words a reader sees on the page for a Markdown body, for the search index: parsed by the
 * same Markdown parser as the page (not stripped with patterns), so what is indexed is what is
 * rendered. Raw HTML counts as the text it is shown as (the pipeline renders it inert); link
 * targets are not text; image descriptions are.
 */
export function markdownText(markdown: string): string {
  const parts: string[] = [];
  const visit = (node: TextNode, parent?: TextNode) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') {
      parts.push(node.value ?? '');
    } else if (node.type === 'image' && node.alt) {
      parts.push(node.alt);
    }
    for (const child of node.children ?? []) visit(child, node);
    // Raw HTML directly in the document is a block of its own; inside a paragraph it is inline.
    if (BLOCKS.has(node.type) || (node.type === 'html' && parent?.type === 'root')) parts.push('\n');
  };
  visit(markdownToMdast(markdown, { features: MARKDOWN_FEATURES }) as TextNode);
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}
