import type { IncidentEvent } from '../../model/incident.ts';
import type { TimelineKind } from '../../../schema/taxonomy.ts';
import { chatMessageKind, readsLikeDecision } from '../chat-signals.ts';
import { ImportError } from '../../errors.ts';
import type { SlackChannel } from './channels.ts';
import { decodeMrkdwn, type MrkdwnNames } from './mrkdwn.ts';
import { cleanUrl, withoutSecrets } from './secrets.ts';
import { personId, type EmbeddedProfile, type SlackUsers } from './users.ts';

/**
 * One message of a day file, read into a timeline event, or recognised as noise: the membership
 * and integration chatter that says nothing about how the team handled the incident.
 */

/**
 * Subtypes that are not conversation. `bot_message` is what legacy integrations and webhooks
 * post (CI builds, commit feeds); apps that post as a bot *user* are kept, marked `system`.
 */
const NOISE_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'channel_archive',
  'channel_unarchive',
  'group_archive',
  'group_unarchive',
  'bot_add',
  'bot_remove',
  'bot_enable',
  'bot_disable',
  'bot_message',
  // "X pinned a message": the pinned message itself carries the pin.
  'pinned_item',
  'unpinned_item',
  // Placeholder left where a thread's parent was deleted.
  'tombstone',
  // Change notices: the message they concern already carries its final text and `edited`.
  'message_changed',
  'message_deleted',
  'message_replied',
]);

export interface MessageContext {
  /** The export as named on the command line. */
  file: string;
  /** The day file, relative to the export root, e.g. `war-room/2024-05-01.json`. */
  entry: string;
  channel: SlackChannel;
  users: SlackUsers;
  names: MrkdwnNames;
}

export interface ReadMessage {
  event: IncidentEvent;
  /** Slack `ts`, the message's id within its channel. */
  ts: string;
  /** `thread_ts` of the thread this message replies in; undefined for top-level messages. */
  threadTs?: string;
}

/** A read message, or `{ noise: subtype }` for one that is dropped (and counted). */
export function readMessage(raw: unknown, index: number, context: MessageContext): ReadMessage | { noise: string } {
  const where = `entry ${context.entry}, message [${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ImportError(context.file, 'expected a message object', where);
  }
  const message = raw as Record<string, unknown>;
  const ts = message['ts'];
  if (typeof ts !== 'string' || !/^\d{9,11}(?:\.\d{1,6})?$/.test(ts)) {
    throw new ImportError(
      context.file,
      'expected "ts", the message timestamp (a string like "1452837352.000006")',
      `${where}.ts`,
    );
  }
  const subtype = typeof message['subtype'] === 'string' ? message['subtype'] : undefined;
  if (subtype && NOISE_SUBTYPES.has(subtype)) return { noise: subtype };
  if (message['hidden'] === true) return { noise: subtype ?? 'hidden' };

  const threadTs = stringField(message, 'thread_ts');
  const isReply = threadTs !== undefined && threadTs !== ts;
  const root = objectField(message, 'root');

  // Old `file_comment` messages name their author only inside `comment`.
  const comment = objectField(message, 'comment');
  const userId = stringField(message, 'user') ?? (comment ? stringField(comment, 'user') : undefined);
  const person = userId
    ? context.users.person(userId, objectField(message, 'user_profile') as EmbeddedProfile)
    : undefined;
  const parentUser = stringField(message, 'parent_user_id') ?? (root ? stringField(root, 'user') : undefined);
  if (isReply && parentUser) context.users.person(parentUser);

  const text = messageText(message, context.names);
  const reactions = countReactions(message['reactions']);
  const pinned =
    (Array.isArray(message['pinned_to']) && message['pinned_to'].length > 0) || context.channel.pins.has(ts);
  const edited = typeof message['edited'] === 'object' && message['edited'] !== null;
  const decision = readsLikeDecision(text);
  const kind: TimelineKind = chatMessageKind(text);
  const signals: NonNullable<IncidentEvent['signals']> = {
    ...(pinned ? { pinned } : {}),
    ...(reactions > 0 ? { reactions } : {}),
    ...(edited ? { edited } : {}),
    ...(decision ? { decision } : {}),
  };
  const link = fileLink(message);

  const event: IncidentEvent = {
    at: tsToDate(ts),
    kind,
    text,
    ...(link ? { link } : {}),
    actor: person?.role ?? 'system',
    ...(person ? { actorId: person.id } : {}),
    ...(isReply && parentUser ? { inReplyToId: personId(parentUser) } : {}),
    visibility: 'internal',
    sourceId: ts,
    ...(Object.keys(signals).length > 0 ? { signals } : {}),
    evidence: {
      adapter: 'slack',
      file: `${context.file}/${context.entry}`,
      ref: `ts ${ts}${isReply ? ` (reply in thread ${threadTs})` : ''}`,
    },
  };
  return { event, ts, ...(isReply ? { threadTs } : {}) };
}

/** Slack `ts` ("seconds.micro-sequence") as an instant. */
export function tsToDate(ts: string): Date {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Number(fraction.padEnd(6, '0').slice(0, 3)));
}

/** A key that sorts `ts` strings in time order without float rounding. */
export function tsKey(ts: string): string {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return `${seconds.padStart(12, '0')}.${fraction.padEnd(6, '0')}`;
}

/**
 * The message as plain text: its decoded mrkdwn, or the summary of its attachments when it has
 * no text of its own, plus the titles of shared files. Links lose their credentials; file URLs
 * (`url_private…`) are never used.
 */
function messageText(message: Record<string, unknown>, names: MrkdwnNames): string {
  const parts: string[] = [];
  const body = decodeMrkdwn(stringField(message, 'text') ?? '', names).trim();
  if (body) parts.push(body);
  else {
    for (const attachment of objectsOf(message['attachments'])) {
      const summary =
        stringField(attachment, 'fallback') ?? stringField(attachment, 'text') ?? stringField(attachment, 'pretext');
      const decoded = summary ? decodeMrkdwn(summary, names).trim() : '';
      if (decoded) parts.push(decoded);
    }
  }
  // Modern exports list shared files in `files` and keep the message text for the comment.
  for (const file of objectsOf(message['files'])) {
    const title = stringField(file, 'title') ?? stringField(file, 'name');
    if (title) parts.push(`[file: ${title}]`);
  }
  const text = withoutSecrets(parts.join(' '));
  return text || '(a message without text)';
}

/** Where a shared file can be seen in Slack (its permalink, never the tokened download URL). */
function fileLink(message: Record<string, unknown>): string | undefined {
  const file = objectsOf(message['files'])[0] ?? objectField(message, 'file');
  const permalink = file ? stringField(file, 'permalink') : undefined;
  return permalink ? cleanUrl(permalink) : undefined;
}

function countReactions(value: unknown): number {
  let count = 0;
  for (const reaction of objectsOf(value)) {
    const n = reaction['count'];
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) count += n;
    else if (Array.isArray(reaction['users'])) count += reaction['users'].length;
  }
  return count;
}

function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

function objectField(object: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = object[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function objectsOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}
