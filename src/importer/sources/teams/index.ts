import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import { ImportError } from '../../errors.ts';
import { parseShape, readJsonFile } from '../../io/json.ts';
import { headText } from '../../io/text.ts';
import { chatMessageKind, readsLikeDecision } from '../chat-signals.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../types.ts';
import { htmlToText } from './html.ts';
import { messageArray, messagePage, pageArray, type ChatMessage } from './schema.ts';

/**
 * Microsoft Teams channel messages as Microsoft Graph returns them (layout in ./schema.ts): one
 * page saved per file, several pages as one array, or the messages alone; the pages of one channel
 * may be passed as several files. Each message is an internal war-room event, thread replies
 * after their post; HTML bodies become inert text (./html.ts).
 */
export const teamsAdapter: Adapter = {
  name: 'teams',
  label: 'Microsoft Teams channel messages (Microsoft Graph /teams/{id}/channels/{id}/messages)',
  detect,
  read: (input, options) => readTogether([input], options),
  readTogether,
};

const ADAPTER = 'teams';

function detect(input: ExportInput): boolean {
  if (input.kind !== 'file') return false;
  const head = headText(input.head).trimStart();
  if (!head.startsWith('{') && !head.startsWith('[')) return false;
  // Graph names the collection in "@odata.context"; without it, a chatMessage's own fields.
  if (/"@odata\.context"\s*:\s*"[^"]*\/channels\([^"]*\/messages/.test(head)) return true;
  if (/"@odata\.context"\s*:\s*"[^"]*#(?:teams|chats)\([^"]*messages/.test(head)) return true;
  return (
    /"messageType"\s*:\s*"(?:message|systemEventMessage)"/.test(head) &&
    /"createdDateTime"\s*:/.test(head) &&
    /"contentType"\s*:\s*"(?:html|text)"/.test(head)
  );
}

/** A message with where it was read from. */
interface Read {
  message: ChatMessage;
  file: string;
  ref: string;
  /** The post a reply belongs to (its own id for a post). */
  thread: string;
}

/** The messages of one file, whichever of the saved shapes it has. */
function messagesOf(file: string, json: unknown): { message: ChatMessage; ref: string }[] {
  const isPage = (value: unknown) => typeof value === 'object' && value !== null && 'value' in value;
  if (Array.isArray(json)) {
    if (json.length > 0 && json.every(isPage)) {
      return parseShape(file, pageArray, json).flatMap((page, p) =>
        page.value.map((message, i) => ({ message, ref: `[${p}].value[${i}]` })),
      );
    }
    return parseShape(file, messageArray, json).map((message, i) => ({ message, ref: `[${i}]` }));
  }
  if (isPage(json))
    return parseShape(file, messagePage, json).value.map((message, i) => ({ message, ref: `value[${i}]` }));
  if (typeof json === 'object' && json !== null && 'createdDateTime' in json) {
    // A single message (GET …/messages/{id}).
    return [{ message: parseShape(file, messageArray, [json])[0]!, ref: '(top level)' }];
  }
  const keys = typeof json === 'object' && json !== null ? Object.keys(json).slice(0, 10).join(', ') : typeof json;
  throw new ImportError(
    file,
    `not a Microsoft Graph messages response: expected "value" (a page of chatMessage objects), found: ${keys || 'none'}`,
    '(top level)',
  );
}

async function readTogether(inputs: readonly ExportInput[], options: AdapterOptions): Promise<PartialIncident> {
  const all: Read[] = [];
  for (const input of inputs) {
    const json = await readJsonFile(input, options.onProgress);
    for (const { message, ref } of messagesOf(input.path, json)) {
      all.push({ message, file: input.path, ref, thread: message.replyToId ?? message.id });
      (message.replies ?? []).forEach((reply, i) =>
        all.push({ message: reply, file: input.path, ref: `${ref}.replies[${i}]`, thread: message.id }),
      );
    }
  }

  const people = new Map<string, Person>();
  const personOf = (identity: ChatMessage['from']): Person | undefined => {
    const who = identity?.user ?? identity?.application;
    if (!who) return undefined;
    const id = `teams:${who.id ?? who.displayName ?? 'unknown'}`;
    let person = people.get(id);
    if (!person) {
      person = { id, role: identity?.user ? 'responder' : 'system' };
      if (who.displayName) person.name = who.displayName;
      people.set(id, person);
    }
    return person;
  };

  const seen = new Set<string>();
  const times = new Map<string, number>();
  const events: { event: IncidentEvent; thread: string; reply: boolean }[] = [];
  let system = 0;
  let deleted = 0;
  let duplicates = 0;
  for (const { message, file, ref, thread } of all) {
    if (seen.has(message.id)) {
      duplicates++;
      continue;
    }
    seen.add(message.id);
    if (message.messageType && message.messageType !== 'message') {
      system++;
      continue;
    }
    if (message.deletedDateTime) {
      deleted++;
      continue;
    }
    for (const mention of message.mentions ?? []) {
      if (mention.mentioned?.user) personOf({ user: mention.mentioned.user });
    }
    const author = personOf(message.from);
    const body = message.body?.content ?? '';
    const text = [message.subject?.trim(), message.body?.contentType === 'text' ? body.trim() : htmlToText(body)]
      .filter(Boolean)
      .join(': ');
    const attachments = (message.attachments ?? []).filter((attachment) => attachment.name).length;
    const reactions = message.reactions?.length ?? 0;
    const decision = readsLikeDecision(text);
    const urgent = message.importance === 'urgent' || message.importance === 'high';
    const kind = chatMessageKind(text);
    const signals: NonNullable<IncidentEvent['signals']> = {
      ...(reactions > 0 ? { reactions } : {}),
      ...(message.lastEditedDateTime ? { edited: true } : {}),
      ...(decision ? { decision } : {}),
    };
    const at = new Date(message.createdDateTime);
    times.set(message.id, at.getTime());
    events.push({
      thread,
      reply: thread !== message.id,
      event: {
        at,
        // Posted as urgent or important: the author was raising the alarm.
        kind: kind === 'note' && urgent ? 'escalation' : kind,
        text: text || (attachments > 0 ? `[${attachments} attachment(s)]` : 'Message without text'),
        ...(message.webUrl && /^https:\/\//.test(message.webUrl) ? { link: message.webUrl } : {}),
        actor: author?.role ?? 'system',
        ...(author ? { actorId: author.id } : {}),
        visibility: 'internal',
        sourceId: message.id,
        ...(Object.keys(signals).length > 0 ? { signals } : {}),
        evidence: { adapter: ADAPTER, file, ref: `${ref} ${message.id}` },
      },
    });
  }
  if (events.length === 0) {
    throw new ImportError(
      inputs.map((input) => input.path).join(', '),
      `no messages to read (${system} system events, ${deleted} deleted); expected the channel's messages as Graph returns them`,
      'value',
    );
  }

  // Threads in the order their posts were written, each post followed by its replies.
  const threadStart = (thread: string, fallback: number) => times.get(thread) ?? fallback;
  events.sort(
    (a, b) =>
      threadStart(a.thread, a.event.at.getTime()) - threadStart(b.thread, b.event.at.getTime()) ||
      a.thread.localeCompare(b.thread) ||
      Number(a.reply) - Number(b.reply) ||
      a.event.at.getTime() - b.event.at.getTime(),
  );
  const ordered = events.map((each) => each.event);
  const detected = new Date(Math.min(...ordered.map((event) => event.at.getTime())));
  const subject = all.find(({ message }) => !message.replyToId && message.subject?.trim())?.message.subject?.trim();

  const notes = [`Teams: read ${ordered.length} messages from ${inputs.length} file(s).`];
  if (system > 0) notes.push(`Teams: ${system} system event message(s) (members added, renames) left out.`);
  if (deleted > 0) notes.push(`Teams: ${deleted} deleted message(s) left out (Graph keeps no text for them).`);
  if (duplicates > 0) notes.push(`Teams: ${duplicates} message(s) appeared twice and were read once.`);
  if (!subject) notes.push('Teams: Graph does not name the channel in its messages; pass --title for the page title.');

  return {
    adapter: ADAPTER,
    file: inputs.map((input) => input.path).join(', '),
    ...(subject ? { title: subject } : {}),
    detected,
    platforms: [],
    events: ordered,
    people: [...people.values()],
    notes,
  };
}
