import { urlRefusal, urlRefusalMessage } from '../../schema/url-policy.ts';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';

/** The part of an mdast tree the rules read (satteri's and micromark's trees both have it). */
export interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/** Parses a body to mdast; throws for a body that cannot be read. */
export type MarkdownParser = (body: string, mdx: boolean) => MdNode;

/**
 * What the rendering pipeline would neutralise in a body, reported so the author fixes it:
 * every link, image, reference definition and autolink whose target the URL policy refuses, and
 * (in post-mortems, which are data) raw HTML, which is shown as text instead of rendered. The
 * check parses the body with the same Markdown parser as the pages (./markdown-rules.ts), so it
 * sees the links the page would have; the contribute form, where that parser cannot run, with
 * micromark's GFM parser. No file system and no parser here: the rules alone.
 */
export function bodyProblems(
  entry: Pick<RawEntry, 'file' | 'body' | 'bodyLine'>,
  parse: MarkdownParser,
  { rawHtml }: { rawHtml: boolean },
): Problem[] {
  let tree: MdNode;
  try {
    tree = parse(entry.body, entry.file.endsWith('.mdx'));
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

function problem(entry: Pick<RawEntry, 'file' | 'bodyLine'>, line: number | undefined, message: string): Problem {
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
