import { markdownToMdast, mdxToMdast } from 'satteri';
import { urlRefusal, urlRefusalMessage } from '../../schema/url-policy.ts';
import { MARKDOWN_FEATURES } from '../markdown-text.ts';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/**
 * What the rendering pipeline would neutralise in a body, reported so the author fixes it:
 * every link, image, reference definition and autolink whose target the URL policy refuses, and
 * (in post-mortems, which are data) raw HTML, which is shown as text instead of rendered. The
 * body is parsed by the same Markdown parser as the pages, so the check sees the links the
 * page would have.
 */
export function markdownProblems(entry: RawEntry, { rawHtml }: { rawHtml: boolean }): Problem[] {
  const parse = entry.file.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
  let tree: MdNode;
  try {
    tree = parse(entry.body, { features: MARKDOWN_FEATURES }) as MdNode;
  } catch (error) {
    return [
      problem(
        entry,
        undefined,
        `the body cannot be read as Markdown: ${String((error as Error).message).split('\n')[0]}`,
      ),
    ];
  }
  const problems: Problem[] = [];
  const visit = (node: MdNode) => {
    const line = node.position?.start.line;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url !== undefined) {
      const reason = urlRefusal(node.url);
      if (reason) {
        const what = node.type === 'image' ? 'image' : node.type === 'definition' ? 'link definition' : 'link';
        problems.push(problem(entry, line, `${what} "${shorten(node.url)}" is refused: ${urlRefusalMessage(reason)}`));
      }
    } else if (rawHtml && node.type === 'html') {
      problems.push(
        problem(
          entry,
          line,
          `raw HTML ("${shorten(node.value ?? '')}") is shown as text, never rendered: write it in Markdown instead`,
        ),
      );
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

function problem(entry: RawEntry, line: number | undefined, message: string): Problem {
  return {
    file: entry.file,
    field: 'body',
    level: 'error',
    message,
    ...(line !== undefined ? { line: entry.bodyLine + line - 1 } : {}),
  };
}

/** A value short enough for one line of a CI log, with control characters made visible. */
function shorten(text: string): string {
  const visible = text.replace(
    // eslint-disable-next-line no-control-regex -- making control characters visible is the point
    /[\u0000-\u001f\u007f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}
