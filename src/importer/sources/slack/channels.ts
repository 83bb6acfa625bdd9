import { z } from 'zod';
import { ImportError } from '../../errors.ts';
import { parseShape } from '../../io/json.ts';

/**
 * `channels.json` (and `groups.json`/`mpims.json` for private conversations): the conversations
 * of the export, each with its folder of day files, and the war room picked with `--channel`.
 */

export interface SlackChannel {
  id: string;
  /** The name people type after `#`. */
  name: string;
  /**
   * Its folder of day files, relative to the export's root: the name, or `workspace/name` in an
   * Enterprise Grid export with workspace folders.
   */
  folder: string;
  /** The Grid workspace folder it was listed in, if any. */
  workspace?: string;
  /** Timestamps (`ts`) of the messages pinned in it, as channels.json lists them. */
  pins: Set<string>;
}

/**
 * Slack channel names are lowercase letters, digits, `-` and `_` (group DMs look like
 * `mpdm-a--b-1`); the name doubles as a folder name, so anything that could leave the export's
 * folder (`/`, `\`, `..`) is refused.
 */
const channelName = z
  .string({ error: 'expected the channel name (a string)' })
  .min(1, { error: 'expected a non-empty channel name' })
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', {
    error: 'expected a channel name without "/", "\\" or ".." (it names the channel\'s folder)',
  });

const channelSchema = z.looseObject({
  id: z.string({ error: 'expected the channel id (a string like "C024BE91L")' }).min(1),
  name: channelName,
  pins: z.array(z.looseObject({ id: z.string() })).nullish(),
});

const channelsSchema = z.array(channelSchema, { error: 'expected an array of channels' });

export function parseChannels(file: string, value: unknown, where: string, workspace?: string): SlackChannel[] {
  return parseShape(file, channelsSchema, value, where).map((channel) => ({
    id: channel.id,
    name: channel.name,
    folder: workspace ? `${workspace}/${channel.name}` : channel.name,
    ...(workspace && { workspace }),
    pins: new Set((channel.pins ?? []).map((pin) => pin.id)),
  }));
}

/** How a channel is named in lists: `#name`, or `workspace/#name` in a Grid export. */
export function channelLabel(channel: SlackChannel): string {
  return channel.workspace ? `${channel.workspace}/#${channel.name}` : `#${channel.name}`;
}

/**
 * The war room: `--channel` (a name with or without `#`, or an id), or the only conversation.
 * Otherwise an ImportError listing what there is to choose from.
 */
export function selectChannel(file: string, channels: SlackChannel[], wanted: string | undefined): SlackChannel {
  const list = channels.map(channelLabel).sort().join(', ');
  if (channels.length === 0)
    throw new ImportError(file, 'the export lists no channels; expected at least one conversation');
  if (wanted === undefined || wanted.trim() === '') {
    if (channels.length === 1) return channels[0]!;
    throw new ImportError(
      file,
      `the export has ${channels.length} channels; choose the war room with --channel <name>. Channels: ${list}`,
    );
  }
  const key = wanted.trim().replace(/^#/, '').replace('/#', '/');
  const matches = (exact: boolean) =>
    channels.filter((channel) =>
      [channel.name, channel.id, channel.folder].some((name) =>
        exact ? name === key : name.toLowerCase() === key.toLowerCase(),
      ),
    );
  const found = matches(true).length > 0 ? matches(true) : matches(false);
  if (found.length === 0) throw new ImportError(file, `no channel "${wanted}" in the export; expected one of: ${list}`);
  if (found.length > 1) {
    // The same name in two Grid workspaces: the workspace tells them apart.
    throw new ImportError(
      file,
      `--channel ${wanted} names ${found.length} channels; pass one of: ${found.map((channel) => channel.folder).join(', ')}`,
    );
  }
  return found[0]!;
}
