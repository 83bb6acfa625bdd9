import { z } from 'zod';

/**
 * Microsoft Teams channel messages as Microsoft Graph returns them
 * (`GET /teams/{team-id}/channels/{channel-id}/messages`, v1.0, and `…/messages/{id}/replies`):
 * pages `{"@odata.context", "@odata.nextLink", "value": [chatMessage…]}`. Only what the importer
 * reads is checked; objects are loose because Graph adds fields over time.
 * Field names: https://learn.microsoft.com/graph/api/resources/chatmessage
 */

const timestamp = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 timestamp with a zone, like "2025-11-28T18:02:40.123Z"',
});
const text = z.string().nullish();

/** `identitySet`: who posted, a person (`user`) or an app or bot (`application`). */
const identity = z.looseObject({ id: text, displayName: text }).nullish();
export const identitySet = z.looseObject({ user: identity, application: identity, device: identity }).nullish();

const chatMessageFields = {
  id: z.string({ error: 'expected the message id (a string like "1616990032035")' }),
  /** The message this one replies to; null for a post that starts a thread. */
  replyToId: text,
  /** `message` for what people write; `systemEventMessage` for members joining, renames… */
  messageType: text,
  createdDateTime: timestamp,
  lastEditedDateTime: timestamp.nullish(),
  deletedDateTime: timestamp.nullish(),
  subject: text,
  /** `normal`, `high` or `urgent`. */
  importance: text,
  webUrl: text,
  from: identitySet,
  body: z.looseObject({ contentType: text, content: text }).nullish(),
  mentions: z
    .array(
      z.looseObject({
        id: z.union([z.number(), z.string()]).nullish(),
        mentionText: text,
        mentioned: z.looseObject({ user: identity, application: identity, conversation: identity }).nullish(),
      }),
    )
    .nullish(),
  reactions: z.array(z.looseObject({ reactionType: text })).nullish(),
  attachments: z.array(z.looseObject({ name: text, contentUrl: text, contentType: text })).nullish(),
};

/** A message, possibly with its replies expanded (`$expand=replies`). */
export const chatMessage = z.looseObject({
  ...chatMessageFields,
  replies: z.array(z.looseObject(chatMessageFields)).nullish(),
});
export type ChatMessage = z.output<typeof chatMessage>;

/** One page of the list. */
export const messagePage = z.looseObject({
  '@odata.context': text,
  '@odata.nextLink': text,
  value: z.array(chatMessage, { error: 'expected "value", the array of messages' }),
});

/** Several pages saved as one JSON array, or the messages alone. */
export const pageArray = z.array(messagePage);
export const messageArray = z.array(chatMessage);
