import type { PartialIncident } from '../../model/incident.ts';
import { ImportError } from '../../errors.ts';
import { parseJsonText } from '../../io/json.ts';
import { channelLabel, parseChannels, selectChannel, type SlackChannel } from './channels.ts';
import {
  CONVERSATION_LISTS,
  looksLikeSlackExport,
  openSlackExport,
  USER_LISTS,
  type SlackExportSource,
} from './export-source.ts';
import { readMessage, type ReadMessage } from './messages.ts';
import { groupThreads } from './threads.ts';
import { SlackUsers } from './users.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../types.ts';

/**
 * Slack workspace export (the `.zip` an admin downloads, or its unzipped folder): the war-room
 * channel's messages as internal timeline events. Day files are read and dropped one at a time,
 * so memory holds the events, not the export.
 */
export const slackAdapter: Adapter = {
  name: 'slack',
  label: 'Slack workspace export (.zip or unzipped folder)',
  detect: looksLikeSlackExport,
  read: readSlackExport,
};

async function readSlackExport(input: ExportInput, options: AdapterOptions): Promise<PartialIncident> {
  const source = await openSlackExport(input);
  try {
    const users = await readUsers(input, source);
    const channels: SlackChannel[] = [];
    for (const workspace of ['', ...source.workspaces()]) {
      for (const list of CONVERSATION_LISTS) {
        const name = workspace ? `${workspace}/${list}` : list;
        if (source.has(name)) {
          channels.push(
            ...parseChannels(input.path, await readJson(input, source, name), `entry ${name}`, workspace || undefined),
          );
        }
      }
    }
    const channel = selectChannel(input.path, channels, options.channel);
    const channelsById = new Map(channels.map((each) => [each.id, each.name]));
    const names = { user: (id: string) => users.displayName(id), channel: (id: string) => channelsById.get(id) };

    const days = await source.dayFiles(channel.folder);
    if (days.length === 0) {
      throw new ImportError(
        input.path,
        `${channelLabel(channel)} has no messages in the export; expected its folder of YYYY-MM-DD.json day files`,
        `entry ${channel.folder}/`,
      );
    }
    const total = days.reduce((sum, day) => sum + day.size, 0);
    let done = 0;

    const read: ReadMessage[] = [];
    const seen = new Set<string>();
    const noise = new Map<string, number>();
    let duplicates = 0;
    for (const day of days) {
      const messages = parseJsonText(input.path, await source.readText(day.name), `entry ${day.name}`);
      if (!Array.isArray(messages)) {
        throw new ImportError(input.path, 'expected an array of messages', `entry ${day.name}`);
      }
      const context = { file: input.path, entry: day.name, channel, users, names };
      for (let index = 0; index < messages.length; index++) {
        const result = readMessage(messages[index], index, context);
        if ('noise' in result) {
          noise.set(result.noise, (noise.get(result.noise) ?? 0) + 1);
        } else if (seen.has(result.ts)) {
          duplicates++;
        } else {
          seen.add(result.ts);
          read.push(result);
        }
      }
      done += day.size;
      options.onProgress?.(done, total);
    }

    const events = groupThreads(read);
    let detected: Date | undefined;
    for (const event of events) if (!detected || event.at < detected) detected = event.at;

    return {
      adapter: 'slack',
      file: input.path,
      title: `#${channel.name}`,
      ...(detected ? { detected } : {}),
      platforms: [],
      events,
      people: users.referenced(),
      notes: notesFor(channel, channels, days, read.length, noise, duplicates),
    };
  } finally {
    source.close();
  }
}

/**
 * Everyone the export knows: `users.json`, or an Enterprise Grid org export's `org_users.json`,
 * plus the `users.json` of each workspace folder when there are any.
 */
async function readUsers(input: ExportInput, source: SlackExportSource): Promise<SlackUsers> {
  const lists = [
    ...USER_LISTS.filter((name) => source.has(name)),
    ...source
      .workspaces()
      .flatMap((workspace) => USER_LISTS.map((name) => `${workspace}/${name}`).filter((name) => source.has(name))),
  ];
  if (lists.length === 0) {
    throw new ImportError(
      input.path,
      'the export has no users.json (or org_users.json); expected a Slack workspace export',
    );
  }
  const users = [];
  for (const name of lists) {
    const value = await readJson(input, source, name);
    if (!Array.isArray(value)) throw new ImportError(input.path, 'expected an array of users', `entry ${name}`);
    users.push(...value.map((user, index) => ({ user, name, index })));
  }
  // One list, so a user listed by the org and a workspace is read once (the first sighting).
  const seen = new Set<unknown>();
  const unique = users.filter(({ user }) => {
    const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
    if (id !== undefined && seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return SlackUsers.fromJson(
    input.path,
    unique.map(({ user }) => user),
    `entry ${lists.join(', ')}`,
  );
}

async function readJson(input: ExportInput, source: SlackExportSource, name: string): Promise<unknown> {
  if (!source.has(name))
    throw new ImportError(input.path, `the export has no ${name}; expected a Slack workspace export`);
  return parseJsonText(input.path, await source.readText(name), `entry ${name}`);
}

function notesFor(
  channel: SlackChannel,
  channels: readonly SlackChannel[],
  days: readonly { name: string }[],
  kept: number,
  noise: ReadonlyMap<string, number>,
  duplicates: number,
): string[] {
  const dayName = (name: string) => name.slice(name.lastIndexOf('/') + 1, -'.json'.length);
  const notes = [
    `Slack: read ${kept} messages of #${channel.name} from ${days.length} day files (${dayName(days[0]!.name)} to ${dayName(days.at(-1)!.name)}).`,
  ];
  if (channels.length > 1) {
    notes.push(`Slack: the export has ${channels.length} channels; only #${channel.name} was read.`);
  }
  const dropped = [...noise].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (dropped.length > 0) {
    const count = dropped.reduce((sum, [, n]) => sum + n, 0);
    const list = dropped.map(([subtype, n]) => `${subtype} ×${n}`).join(', ');
    notes.push(
      `Slack: dropped ${count} messages that are not conversation (joins, leaves, integration posts): ${list}.`,
    );
  }
  if (duplicates > 0) notes.push(`Slack: ${duplicates} messages appeared twice in the export and were read once.`);
  return notes;
}
