import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportError } from '../../errors.ts';
import { decodeText, textPlace } from '../../io/text.ts';
import { hasZipSignature, ZipArchive } from '../../io/zip.ts';
import type { ExportInput } from '../types.ts';
import { looksLikeSlackdumpArchive, openSlackdumpArchive } from './slackdump-archive.ts';

/**
 * A Slack export is the same tree whether Slack's `.zip` or the folder it unzips to: top-level
 * `users.json` and `channels.json` (plus `groups.json`/`mpims.json` in exports that
 * include private conversations), and one folder per conversation of `YYYY-MM-DD.json` day files.
 * slackdump's `export` writes the same tree (plus `__uploads/`). An Enterprise Grid org export
 * names its users `org_users.json`, and may hold one folder per workspace, each with its own
 * `channels.json` and conversation folders (https://slack.com/help/articles/220556107).
 * This hides which of these was given; names are always relative to the export's root.
 */

/** Files whose presence next to the users file marks a Slack export. */
export const CONVERSATION_LISTS = ['channels.json', 'groups.json', 'mpims.json'] as const;

/** The users file: a workspace export's, or an Enterprise Grid org export's. */
export const USER_LISTS = ['users.json', 'org_users.json'] as const;

export interface SlackExportSource {
  /** Names (relative to the root) of the day files of one conversation folder, sorted by date. */
  dayFiles(folder: string): Promise<{ name: string; size: number }[]>;
  /** Whether a file (`groups.json`, `workspace/channels.json`, …) is there. */
  has(name: string): boolean;
  /**
   * Enterprise Grid workspace folders: top-level folders that hold a `channels.json` of their
   * own. Empty for a workspace export.
   */
  workspaces(): string[];
  /** A file of the export as text (Slack writes UTF-8); ImportError naming the entry otherwise. */
  readText(name: string): Promise<string>;
  close(): void;
}

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/**
 * The folder inside `names` that holds the export: `` for a tree at the top, `name/` for a zip
 * made by zipping the unzipped folder itself. Undefined when no Slack layout is there.
 */
export function exportRoot(names: readonly string[]): string | undefined {
  const present = new Set(names);
  for (const name of names) {
    const match = /^([^/]+\/)?(?:org_)?users\.json$/.exec(name);
    if (!match) continue;
    const root = match[1] ?? '';
    if (CONVERSATION_LISTS.some((list) => present.has(root + list))) return root;
    // An org export whose conversations are listed per workspace folder.
    if (names.some((each) => each.startsWith(root) && /^[^/]+\/channels\.json$/.test(each.slice(root.length))))
      return root;
  }
  return undefined;
}

/** Workspace folders among `names` (relative to the root): those with their own channels.json. */
function workspaceFolders(names: Iterable<string>): string[] {
  const folders = new Set<string>();
  for (const name of names) {
    const match = /^([^/]+)\/channels\.json$/.exec(name);
    if (match) folders.add(match[1]!);
  }
  return [...folders].sort();
}

/** Cheap detection for `slackAdapter.detect`. */
export function looksLikeSlackExport(input: ExportInput): boolean {
  if (looksLikeSlackdumpArchive(input)) return true;
  if (input.kind === 'directory') {
    // Conversation (or workspace) folders are named after channels, which never contain a dot.
    return (
      USER_LISTS.some((list) => input.entries.includes(list)) &&
      (CONVERSATION_LISTS.some((list) => input.entries.includes(list)) ||
        input.entries.some((entry) => existsSync(join(input.absolutePath, entry, 'channels.json')))) &&
      input.entries.some((entry) => !entry.includes('.'))
    );
  }
  const names = input.zipEntries;
  return (
    names !== undefined &&
    exportRoot(names) !== undefined &&
    names.some((name) => DAY_FILE.test(name.slice(name.lastIndexOf('/') + 1)))
  );
}

export async function openSlackExport(input: ExportInput): Promise<SlackExportSource> {
  if (looksLikeSlackdumpArchive(input)) return openSlackdumpArchive(input);
  if (input.kind === 'directory') return folderSource(input);
  if (!hasZipSignature(input.head)) {
    throw new ImportError(
      input.path,
      'is neither a folder nor a .zip file; expected a Slack export (the .zip or its unzipped folder)',
    );
  }
  const zip = await ZipArchive.open(input.path, input.absolutePath);
  const root = exportRoot(zip.entries.map((entry) => entry.name));
  if (root === undefined) {
    zip.close();
    throw new ImportError(
      input.path,
      'the zip has no users.json (or org_users.json) next to a channels.json; expected a Slack workspace export',
    );
  }
  const sizes = new Map(zip.entries.map((entry) => [entry.name, entry.size]));
  const workspaces = workspaceFolders(
    zip.entries.filter((entry) => entry.name.startsWith(root)).map((entry) => entry.name.slice(root.length)),
  );
  return {
    async dayFiles(folder) {
      const prefix = `${root}${folder}/`;
      return zip.entries
        .filter((entry) => entry.name.startsWith(prefix) && DAY_FILE.test(entry.name.slice(prefix.length)))
        .map((entry) => ({ name: entry.name.slice(root.length), size: entry.size }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    has: (name) => sizes.has(root + name),
    workspaces: () => workspaces,
    readText: async (name) => entryText(input.path, name, await zip.readBytes(root + name)),
    close: () => zip.close(),
  };
}

function folderSource(input: ExportInput): SlackExportSource {
  const top = new Set(input.entries);
  const workspaces = input.entries.filter(
    (entry) => !entry.includes('.') && existsSync(join(input.absolutePath, entry, 'channels.json')),
  );
  const fail = (name: string, error: unknown): never => {
    throw new ImportError(
      input.path,
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      `entry ${name}`,
    );
  };
  return {
    async dayFiles(folder) {
      // Folder names come from channels.json, which is untrusted: never let one leave the export.
      // A Grid export's conversation folders are one level down, `workspace/channel`.
      const parts = folder.split('/');
      if (parts.length > 2 || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\')))
        return fail(folder, 'not a conversation folder name');
      let names: string[];
      try {
        names = await readdir(join(input.absolutePath, folder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        return fail(folder, error);
      }
      const days = names.filter((name) => DAY_FILE.test(name)).sort();
      return Promise.all(
        days.map(async (day) => {
          const name = `${folder}/${day}`;
          const info = await stat(join(input.absolutePath, name)).catch((error: unknown) => fail(name, error));
          return { name, size: info.size };
        }),
      );
    },
    has: (name) => top.has(name) || (name.includes('/') && existsSync(join(input.absolutePath, name))),
    workspaces: () => workspaces,
    async readText(name) {
      const bytes = await readFile(join(input.absolutePath, name)).catch((error: unknown) => fail(name, error));
      return entryText(input.path, name, bytes);
    },
    close() {},
  };
}

/** An entry's bytes as UTF-8 text, refusing what is not: a wrong guess would garble names and messages. */
function entryText(file: string, name: string, bytes: Buffer): string {
  return decodeText(file, bytes, {
    expected: 'expected UTF-8 JSON, as Slack exports it',
    place: (problem) => `entry ${name}, ${textPlace(problem)}`,
  });
}
