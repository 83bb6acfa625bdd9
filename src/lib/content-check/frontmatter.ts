// Astro's own front-matter boundaries, from the helper package its Markdown loader uses (pure,
// so the contribute form reads a file exactly as the check does).
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { lineOfIndex } from './strings.ts';
import { readYaml, YamlError } from '../yaml.ts';

export interface ParsedFrontmatter {
  /** The front matter as plain data (YAML 1.2 core schema: timestamps stay strings). */
  data: Record<string, unknown>;
  /** 1-based line of the key or item at a field path, or of the nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The Markdown Astro renders: everything after the closing delimiter, trimmed as Astro trims it. */
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

/** Astro's own rule for which delimiter opens the front matter (`---` YAML or `+++` TOML). */
const DELIMITER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/** A file cut where Astro cuts it: the front matter's YAML text (unparsed) and the body. */
export interface SplitFrontmatter {
  yamlText: string;
  /** 1-based line of the opening delimiter. */
  yamlLine: number;
  body: ParsedFrontmatter['body'];
  bodyLine: ParsedFrontmatter['bodyLine'];
}

/**
 * The boundaries alone, without reading the YAML: for a reader that already has the validated
 * data of this very content (the post-mortem loader, after the check) and needs only the body.
 * Throws `FrontmatterError` like `parseFrontmatter`.
 */
export function splitFrontmatter(source: string): SplitFrontmatter {
  const yamlText = extractFrontmatter(source);
  const delimiter = DELIMITER.exec(source)?.[1];
  if (yamlText === undefined || delimiter === undefined) {
    throw new FrontmatterError('the file must start with front matter between two "---" lines', 1);
  }
  if (delimiter === '+++') {
    throw new FrontmatterError('front matter is YAML between two "---" lines, not TOML between "+++"', 1);
  }
  // Astro removes the first occurrence of delimiter + front matter + delimiter, then trims.
  const start = source.indexOf(`${delimiter}${yamlText}${delimiter}`);
  const yamlLine = lineOfIndex(source, start);
  const afterClose = start + delimiter.length * 2 + yamlText.length;
  const rest = source.slice(afterClose);
  const body = rest.trim();
  const bodyLine = lineOfIndex(source, afterClose + (rest.length - rest.trimStart().length));
  return { yamlText, yamlLine, body, bodyLine };
}

/**
 * Reads the front matter of a Markdown/MDX file exactly where Astro finds it: the boundaries
 * come from Astro's own `extractFrontmatter` (LF, CRLF, a BOM, blank lines before the opening
 * `---`, anything after the closing `---` on its line), and the body is what Astro renders, so
 * no byte reaches a page that the check did not read. The YAML is read with the project's one
 * YAML reader (js-yaml, as Astro does, with size and alias limits). Throws `FrontmatterError`
 * (with a line) for unreadable front matter.
 */
export function parseFrontmatter(source: string): ParsedFrontmatter {
  const { yamlText, yamlLine, body, bodyLine } = splitFrontmatter(source);
  let data: unknown;
  let lineInYaml: (path: readonly PropertyKey[]) => number | undefined;
  try {
    ({ data, lineOf: lineInYaml } = readYaml(yamlText));
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    throw new FrontmatterError(`front matter: ${error.message}`, error.line && yamlLine + error.line - 1);
  }
  if (data === null || data === undefined) return { data: {}, lineOf: () => 1, body, bodyLine };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('the front matter must be a list of "key: value" lines', yamlLine + 1);
  }
  // The YAML text starts on the opening delimiter's line (after the `---`).
  const lineOf = (path: readonly PropertyKey[]) => {
    const line = lineInYaml(path);
    return line === undefined ? undefined : yamlLine + line - 1;
  };
  return { data: data as Record<string, unknown>, lineOf, body, bodyLine };
}

export { eachFrontmatterString, lineOfIndex } from './strings.ts';
