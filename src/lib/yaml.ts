import { CORE_SCHEMA, YAMLException, dump, load, type State } from 'js-yaml';

/**
 * The project's one YAML library is js-yaml, the parser Astro itself reads front matter with,
 * so what the content check validates is the data the pages are built from. Reading adds what
 * js-yaml lacks: a size limit, a refusal of shared (aliased) collections, which is how a
 * 1.4 kB "billion laughs" document expands to gigabytes in whoever walks it, and the line of
 * every key and item for error messages.
 */

/**
 * The largest YAML text read by default (front matter, allowlist, roster). A long real
 * post-mortem with a week of hourly mentions is well under 1 MB; past this it is a mistake or
 * an attempt to stall the build.
 */
export const YAML_MAX_BYTES = 4 * 1024 * 1024;

export class YamlError extends Error {
  /** 1-based line where reading failed, counted from the start of the YAML text, when known. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'YamlError';
    this.line = line;
  }
}

export interface ReadYaml {
  /** The document as plain data (YAML 1.2 core schema: timestamps stay strings). */
  data: unknown;
  /** 1-based line (within the YAML text) of the key or item at a path, or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Where each node of the document starts, in the document's shape. */
interface PositionNode {
  /** 1-based line at the end of the node (for a scalar: its own line). */
  line: number;
  kind: string | null;
  result: unknown;
  children: PositionNode[];
}

/**
 * Parses a YAML document. Throws `YamlError` (with a line where one is known) for invalid YAML,
 * a document over `maxBytes`, or one that reuses a collection through an alias.
 *
 * Lines are found lazily: the tree of node positions costs about as much memory as the data
 * itself (a post-mortem's mention series is thousands of nodes), and a library of 10,000
 * entries held 10,000 of them through the check although most lines are never asked for. So
 * `lineOf` reads the text again with position tracking when it is first called, and only the
 * most recent document's tree is kept (callers ask about one entry's fields in a row).
 */
export function readYaml(text: string, { maxBytes = YAML_MAX_BYTES }: { maxBytes?: number } = {}): ReadYaml {
  // TextEncoder, not Buffer: the contribute form reads YAML in the browser too.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    throw new YamlError(`the YAML is ${kilobytes(bytes)}, more than the limit of ${kilobytes(maxBytes)}`, 1);
  }
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // js-yaml counts lines from 0.
    throw new YamlError(`not valid YAML: ${error.reason}`, error.mark.line + 1);
  }
  if (hasSharedCollection(data)) {
    throw new YamlError(
      'YAML aliases (*name) that repeat a list or a mapping are not allowed: write the values out',
      firstSharedCollectionLine(positions(text)),
    );
  }
  return {
    data,
    lineOf: (path) => {
      const root = positions(text);
      return root ? lineOf(root, path) : undefined;
    },
  };
}

/** The last document whose positions were read, and its tree. */
let lastPositions: { text: string; root: PositionNode | undefined } | undefined;

/** The tree of node positions of a document already known to be valid YAML. */
function positions(text: string): PositionNode | undefined {
  if (lastPositions?.text === text) return lastPositions.root;
  // js-yaml reports every node it composes; the tree of those reports gives each key its line
  // at a fraction of the cost of a second, position-keeping parser.
  const stack: { children: PositionNode[] }[] = [{ children: [] }];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      stack.push({ children: [] });
      return;
    }
    const frame = stack.pop()!;
    stack.at(-1)!.children.push({
      line: state.line + 1,
      kind: state.kind as string | null,
      result: state.result as unknown,
      children: frame.children,
    });
  };
  load(text, { schema: CORE_SCHEMA, listener });
  const root = stack[0]!.children[0];
  lastPositions = { text, root };
  return root;
}

/** Writes data as YAML that js-yaml (and so Astro) reads back as the same values. */
export function writeYaml(data: unknown): string {
  return dump(data, { lineWidth: -1, noRefs: true, quotingType: '"' });
}

function lineOf(root: PositionNode, path: readonly PropertyKey[]): number | undefined {
  let node: PositionNode | undefined = root;
  let line: number | undefined;
  for (const key of path) {
    if (!node) break;
    if (node.kind === 'mapping') {
      let keyIndex: number | undefined;
      for (let i = 0; i + 1 < node.children.length; i += 2) {
        if (String(node.children[i]!.result) === String(key)) keyIndex = i;
      }
      if (keyIndex === undefined) break;
      line = firstLine(node.children[keyIndex]!);
      node = node.children[keyIndex + 1];
    } else if (node.kind === 'sequence' && typeof key === 'number') {
      const item: PositionNode | undefined = node.children[key];
      if (!item) break;
      line = firstLine(item);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function firstLine(node: PositionNode): number {
  const first = node.children[0];
  return (node.kind === 'mapping' || node.kind === 'sequence') && first ? firstLine(first) : node.line;
}

/** Whether a list or mapping appears twice in the data (through an alias): one pass, each collection visited once. */
function hasSharedCollection(data: unknown): boolean {
  const seen = new Set<object>();
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object') return false;
    if (seen.has(value)) return true;
    seen.add(value);
    return Object.values(value).some(visit);
  };
  return visit(data);
}

/** The line of the alias that repeats a collection: the first node in document order whose value was seen before. */
function firstSharedCollectionLine(root: PositionNode | undefined): number {
  const again = new Set<object>();
  const find = (node: PositionNode): number | undefined => {
    for (const child of node.children) {
      const line = find(child);
      if (line !== undefined) return line;
    }
    const result = node.result;
    if (result !== null && typeof result === 'object') {
      if (again.has(result)) return node.line;
      again.add(result);
    }
    return undefined;
  };
  return (root && find(root)) ?? 1;
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} kB`;
}
