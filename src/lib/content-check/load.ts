import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../file-paths.ts';
import { contentDigest } from '../content-digest.ts';
import { readEntry, type RawEntry as ParsedEntry } from './entry.ts';
import type { Problem } from './problem.ts';
import { YAML_MAX_BYTES } from '../yaml.ts';

/** A content file read from disk: its entry, and the digest its caches key on. */
export interface RawEntry extends ParsedEntry {
  /** `contentDigest` of the file's text: what the content loader and the caches key on. */
  digest: string;
}

const CONTENT_FILE = /\.(md|mdx)$/;

/** The largest content file read: a real post-mortem is 5–40 kB; a page past this is a mistake or an attack. */
export const CONTENT_FILE_MAX_BYTES = YAML_MAX_BYTES;
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.(md|mdx)$/;

/** A content file found in a folder, its name and size already found acceptable; not yet read. */
export interface ListedFile {
  id: string;
  /** Path for messages (src/lib/file-paths.ts). */
  file: string;
  /** Absolute path. */
  path: string;
}

/** Reads every `.md`/`.mdx` file of a folder (not recursive), reporting unreadable ones. */
export function loadFolder(root: string, folder: string, problems: Problem[]): RawEntry[] {
  return listFolder(root, folder, problems).flatMap((listed) => readListed(listed, problems) ?? []);
}

/**
 * The content files of a folder (not recursive), in name order, without reading them: a name,
 * kind or size that is not acceptable is reported instead. For a reader that takes the files one
 * at a time (the post-mortems: 10,000 readings held at once were 780 MB).
 */
export function listFolder(root: string, folder: string, problems: Problem[]): ListedFile[] {
  const dir = resolve(root, folder);
  if (!existsSync(dir)) return [];
  const listed: ListedFile[] = [];
  const seen = new Map<string, string>();
  for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const name = dirent.name;
    if (!CONTENT_FILE.test(name)) continue;
    const file = displayPath(root, join(dir, name));
    if (!dirent.isFile()) {
      problems.push({
        file,
        field: '',
        level: 'error',
        message: 'expected a Markdown file, found a folder or special file with a content name',
      });
      continue;
    }
    if (!FILE_NAME.test(name)) {
      problems.push({
        file,
        field: '',
        level: 'error',
        message: 'file names use lowercase letters, digits and dashes only (e.g. 2025-03-14-promo-code-leak.md)',
      });
      continue;
    }
    const id = name.replace(CONTENT_FILE, '');
    const twin = seen.get(id);
    if (twin) {
      problems.push({ file, field: '', level: 'error', message: `duplicate slug "${id}": ${twin} has the same one` });
      continue;
    }
    seen.set(id, file);
    const size = statSync(join(dir, name)).size;
    if (size > CONTENT_FILE_MAX_BYTES) {
      problems.push({
        file,
        field: '',
        level: 'error',
        message: `the file is ${Math.ceil(size / 1024)} kB, more than the limit of ${CONTENT_FILE_MAX_BYTES / 1024} kB for one page: split it or trim the mention series`,
      });
      continue;
    }
    listed.push({ id, file, path: join(dir, name) });
  }
  return listed;
}

/** Reads one listed file's front matter, or reports the one problem that stops it being read. */
export function readListed(listed: ListedFile, problems: Problem[]): RawEntry | undefined {
  const source = readFileSync(listed.path, 'utf8');
  const read = readEntry(listed.id, listed.file, source);
  if ('problem' in read) {
    problems.push(read.problem);
    return undefined;
  }
  return { ...read.entry, digest: contentDigest(source) };
}
