import { FrontmatterError, parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import type { Problem } from './problem.ts';

/** A content file whose front matter could be read (not yet validated). */
export interface RawEntry extends ParsedFrontmatter {
  /** The collection id: the file name without extension (what Astro's glob loader derives). */
  id: string;
  /** Path relative to the project root, forward slashes. */
  file: string;
}

/**
 * One content file's text as an entry, or the one problem that stops it being read (front
 * matter missing or not valid YAML, with its line). No file system: the check reads files with
 * it (./load.ts), the contribute form the file it is about to hand over.
 */
export function readEntry(id: string, file: string, source: string): { entry: RawEntry } | { problem: Problem } {
  try {
    return { entry: { id, file, ...parseFrontmatter(source) } };
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return {
      problem: { file, field: '', level: 'error', message: error.message, ...(error.line ? { line: error.line } : {}) },
    };
  }
}
