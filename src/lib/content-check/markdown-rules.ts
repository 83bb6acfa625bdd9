import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '../markdown-text.ts';
import { bodyProblems, type MdNode } from './body-rules.ts';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';

/** The pages' own Markdown parser (Sätteri, with the features Astro renders with). */
export function parseWithSatteri(body: string, mdx: boolean): MdNode {
  return (mdx ? mdxToMdast : markdownToMdast)(body, { features: MARKDOWN_FEATURES }) as MdNode;
}

/** The body rules (./body-rules.ts) on a body parsed as the pages parse it. */
export function markdownProblems(entry: RawEntry, options: { rawHtml: boolean }): Problem[] {
  return bodyProblems(entry, parseWithSatteri, options);
}
