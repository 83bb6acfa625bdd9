import { CORE_SCHEMA, YAMLException, load } from 'js-yaml';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export interface ParsedFrontmatter {
  /** The front matter as plain data (YAML 1.2 core schema: timestamps stay strings). */
  data: Record<string, unknown>;
  /** 1-based line of the key or item at a field path, or of the nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The Markdown after the closing `---` line. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
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
 * Reads the YAML front matter of a Markdown/MDX file. Data comes from js-yaml with the YAML 1.2
 * core schema (fast, and timestamps stay strings so the schema can insist on a zone); line
 * numbers come from the `yaml` package's document model, built only when a problem needs one,
 * because it costs ten times more and most files have no problem. Throws `FrontmatterError`
 * (with a line) for unreadable front matter.
 */
export function parseFrontmatter(source: string): ParsedFrontmatter {
  const open = OPENING.exec(source);
  if (!open) throw new FrontmatterError('the file must start with front matter between two "---" lines', 1);
  const rest = source.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) throw new FrontmatterError('the front matter is not closed by a "---" line', 1);
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.indexOf('\n', close.index);
  const body = afterClose === -1 ? '' : rest.slice(afterClose + 1);
  const bodyLine = lineOfIndex(source, source.length - body.length);

  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // +2: js-yaml counts from 0, and the opening "---" is line 1.
    throw new FrontmatterError(`front matter is not valid YAML: ${error.reason}`, error.mark.line + 2);
  }
  if (data === null || data === undefined) return { data: {}, lineOf: () => 1, body, bodyLine };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('the front matter must be a list of "key: value" lines', 2);
  }
  return { data: data as Record<string, unknown>, lineOf: lineFinder(yamlText), body, bodyLine };
}

/** 1-based line of the character at `index` in `text`. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Calls `visit` for every string in front-matter data, with its field path: the walk the
 * privacy lint and the placeholder rule both make.
 */
export function eachFrontmatterString(
  value: unknown,
  visit: (text: string, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => eachFrontmatterString(item, visit, [...path, index]));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) eachFrontmatterString(item, visit, [...path, key]);
  }
}

function lineFinder(yamlText: string): ParsedFrontmatter['lineOf'] {
  let doc: ReturnType<typeof parseDocument> | undefined;
  const lineCounter = new LineCounter();
  return (path) => {
    doc ??= parseDocument(yamlText, { lineCounter, prettyErrors: false });
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
}
