import { z } from 'zod';
import { ImportError } from '../../errors.ts';
import { parseShape } from '../../io/json.ts';

/**
 * `channels.json` (and `groups.json`/`mpims.json` for private conversations): the conversations
 * of the export, each with its folder of day files, and the war room picked with `--channel`.
 */

export interface SlackChannel {
  id: string;
  /** Also the name of its folder of day files. */
  name: string;
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

export function parseChannels(file: string, value: unknown, where: string): SlackChannel[] {
  return parseShape(file, channelsSchema, value, where).map((channel) => ({
    id: channel.id,
    name: channel.name,
    pins: new Set((channel.pins ?? []).map((pin) => pin.id)),
  }));
}

/**
 * The war room: `--channel` (a name with or without `#`, or an id), or the only conversation.
 * Otherwise an ImportError listing what there is to choose from.
 */
export function selectChannel(file: string, channels: SlackChannel[], wanted: string | undefined): SlackChannel {
  const list = channels
    .map((channel) => `#${channel.name}`)
    .sort()
    .join(', ');
  if (channels.length === 0)
    throw new ImportError(file, 'the export lists no channels; expected at least one conversation');
  if (wanted === undefined || wanted.trim() === '') {
    if (channels.length === 1) return channels[0]!;
    throw new ImportError(
      file,
      `the export has ${channels.length} channels; choose the war room with --channel <name>. Channels: ${list}`,
    );
  }
  const key = wanted.trim().replace(/^#/, '');
  const found =
    channels.find((channel) => channel.name === key || channel.id === key) ??
    channels.find((channel) => channel.name.toLowerCase() === key.toLowerCase());
  if (!found) throw new ImportError(file, `no channel "${wanted}" in the export; expected one of: ${list}`);
  return found;
}
