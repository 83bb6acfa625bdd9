import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ImportError } from '../../errors.ts';
import { parseJsonText } from '../../io/json.ts';
import { decodeText, textPlace } from '../../io/text.ts';
import type { ExportInput } from '../types.ts';
import type { SlackExportSource } from './export-source.ts';

/**
 * slackdump's `archive` folder (https://github.com/rusq/slackdump, `slackdump help chunk`): the
 * raw API output in "chunk" files, gzip-compressed JSON Lines: `users.json.gz` (users.list),
 * `channels.json.gz` (conversations.list, full archives only) and one `<conversation id>.json.gz`
 * per conversation, whose lines are chunks `{"t": type, "id": channel, "ci": channel info,
 * "m": [messages]}` (type 0 conversations.history, 1 conversations.replies, 3 channels,
 * 4 users). The messages are the API's, the same objects an export's day files hold, so this
 * presents the archive as an export: a users.json, a channels.json and one day file per day.
 */

const CHUNK_FILE = /^([CDG][A-Z0-9]{2,})\.json\.gz$/;

/** A slackdump archive folder: chunk files named by conversation id, beside users.json.gz. */
export function looksLikeSlackdumpArchive(input: ExportInput): boolean {
  return (
    input.kind === 'directory' &&
    (input.entries.includes('users.json.gz') || input.entries.includes('channels.json.gz')) &&
    input.entries.some((entry) => CHUNK_FILE.test(entry))
  );
}

/** The chunk records of one file, each with its line for messages. */
async function chunks(input: ExportInput, name: string): Promise<{ chunk: Record<string, unknown>; line: number }[]> {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(await readFile(join(input.absolutePath, name)));
  } catch (error) {
    throw new ImportError(
      input.path,
      `cannot read it as gzip (${(error as NodeJS.ErrnoException).code ?? 'damaged'}); expected a slackdump chunk file`,
      `entry ${name}`,
    );
  }
  const text = decodeText(input.path, bytes, {
    expected: 'expected UTF-8 JSON Lines, as slackdump writes them',
    place: (problem) => `entry ${name}, ${textPlace(problem)}`,
  });
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const value = parseJsonText(input.path, line, `entry ${name}, line ${index + 1}`);
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      typeof (value as { t?: unknown }).t !== 'number'
    ) {
      throw new ImportError(
        input.path,
        'expected a slackdump chunk (a JSON object with "t", its type)',
        `entry ${name}, line ${index + 1}`,
      );
    }
    return [{ chunk: value as Record<string, unknown>, line: index + 1 }];
  });
}

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    : [];

/** The UTC day of a Slack `ts`, as export day files are named. */
function dayOf(ts: unknown): string | undefined {
  if (typeof ts !== 'string' || !/^\d{9,11}(?:\.\d+)?$/.test(ts)) return undefined;
  return new Date(Number(ts.split('.')[0]) * 1000).toISOString().slice(0, 10);
}

export async function openSlackdumpArchive(input: ExportInput): Promise<SlackExportSource> {
  const users: unknown[] = [];
  if (input.entries.includes('users.json.gz')) {
    for (const { chunk } of await chunks(input, 'users.json.gz')) if (chunk['t'] === 4) users.push(...list(chunk['u']));
  }
  const channels = new Map<string, Record<string, unknown>>();
  const addChannel = (channel: Record<string, unknown>) => {
    const id = channel['id'];
    if (typeof id !== 'string' || channels.has(id)) return;
    // A DM has no name in the API: its folder in an export is its id.
    channels.set(id, {
      ...channel,
      name: typeof channel['name'] === 'string' && channel['name'] ? channel['name'] : id,
    });
  };
  if (input.entries.includes('channels.json.gz')) {
    for (const { chunk } of await chunks(input, 'channels.json.gz'))
      if (chunk['t'] === 3) list(chunk['ch']).forEach(addChannel);
  }
  /** Conversation id → its chunk file. */
  const files = new Map<string, string>();
  for (const entry of input.entries) {
    const match = CHUNK_FILE.exec(entry);
    if (match) files.set(match[1]!, entry);
  }
  // A partial archive has no channels.json.gz: each conversation file carries its channel info.
  const byDay = new Map<string, Map<string, unknown[]>>();
  const read = new Set<string>();
  const messagesOf = async (id: string) => {
    if (read.has(id)) return byDay.get(id) ?? new Map<string, unknown[]>();
    read.add(id);
    const days = new Map<string, unknown[]>();
    const file = files.get(id);
    if (file) {
      for (const { chunk, line } of await chunks(input, file)) {
        if (typeof chunk['ci'] === 'object' && chunk['ci'] !== null) addChannel(chunk['ci'] as Record<string, unknown>);
        if (chunk['t'] !== 0 && chunk['t'] !== 1) continue;
        for (const message of list(chunk['m'])) {
          const day = dayOf(message['ts']);
          if (!day) {
            throw new ImportError(
              input.path,
              'expected "ts", the message timestamp (a string like "1452837352.000006")',
              `entry ${file}, line ${line}`,
            );
          }
          days.set(day, [...(days.get(day) ?? []), message]);
        }
      }
    }
    byDay.set(id, days);
    return days;
  };
  if (!input.entries.includes('channels.json.gz')) for (const id of files.keys()) await messagesOf(id);

  const idOfFolder = (folder: string) =>
    [...channels.values()].find((channel) => channel['name'] === folder)?.['id'] as string | undefined;
  const virtual: Record<string, () => unknown> = {
    'users.json': () => users,
    'channels.json': () => [...channels.values()],
  };
  return {
    async dayFiles(folder) {
      const id = idOfFolder(folder);
      if (!id) return [];
      const days = await messagesOf(id);
      return [...days.keys()]
        .sort()
        .map((day) => ({ name: `${folder}/${day}.json`, size: JSON.stringify(days.get(day)).length }));
    },
    has: (name) => name in virtual,
    workspaces: () => [],
    async readText(name) {
      const make = virtual[name];
      if (make) return JSON.stringify(make());
      const [folder, file] = name.split('/');
      const id = folder ? idOfFolder(folder) : undefined;
      const days = id ? await messagesOf(id) : undefined;
      return JSON.stringify(days?.get((file ?? '').replace(/\.json$/, '')) ?? []);
    },
    close() {},
  };
}
