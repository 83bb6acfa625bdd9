import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export interface ParsedFrontmatter {
  /** The front matter as plain data (YAML 1.2: timestamps stay strings). */
  data: Record<string, unknown>;
  /** 1-based line of the key or item at a field path, or of the nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export class FrontmatterError extends Error {
  /** 1-based line in the file where reading failed, when known. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

/**
 * Reads the YAML front matter of a Markdown/MDX file, keeping line numbers so problems can be
 * reported as `file:line`. Throws `FrontmatterError` (with a line) for unreadable front matter.
 */
export function parseFrontmatter(source: string): ParsedFrontmatter {
  const open = OPENING.exec(source);
  if (!open) throw new FrontmatterError('the file must start with front matter between two "---" lines', 1);
  const rest = source.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) throw new FrontmatterError('the front matter is not closed by a "---" line', 1);
  const yamlText = rest.slice(0, close.index);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + 1;
    throw new FrontmatterError(`front matter is not valid YAML: ${firstError.message.split('\n')[0]}`, line);
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { data: {}, lineOf: () => 1 };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('the front matter must be a list of "key: value" lines', 2);
  }

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === String(key));
        if (!pair) break;
        const keyNode = pair.key as YamlNode | undefined;
        if (keyNode?.range) line = lineCounter.linePos(keyNode.range[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as YamlNode | undefined;
        if (!item) break;
        if (item.range) line = lineCounter.linePos(item.range[0]).line;
        node = item;
      } else {
        break;
      }
    }
    // +1 for the opening "---" line.
    return line === undefined ? undefined : line + 1;
  };
  return { data: data as Record<string, unknown>, lineOf };
}
