import { z } from 'zod';
import type { Person } from '../../model/incident.ts';
import { parseShape } from '../../io/json.ts';

/**
 * `users.json`: every member of the workspace. Only the fields that name a person (every name
 * they go by, and their e-mail, so redaction can find each one in the messages) or tell a bot
 * from a human are read; phone numbers and avatars are left where they are.
 */

const optionalText = z.string().nullish();

const slackUserSchema = z.looseObject({
  id: z.string({ error: 'expected the user id (a string like "U024BE7LH")' }).min(1),
  name: optionalText,
  real_name: optionalText,
  is_bot: z.boolean().nullish(),
  profile: z
    .looseObject({
      real_name: optionalText,
      real_name_normalized: optionalText,
      display_name: optionalText,
      display_name_normalized: optionalText,
      first_name: optionalText,
      last_name: optionalText,
      email: optionalText,
      title: optionalText,
    })
    .nullish(),
});

const usersSchema = z.array(slackUserSchema, { error: 'expected an array of users' });

/** What a message's `user_profile` says about its author (modern exports, Slack Connect guests). */
export interface EmbeddedProfile {
  name?: string | null;
  real_name?: string | null;
  display_name?: string | null;
  first_name?: string | null;
}

/** Slack's own system user, which posts reminders and notices. */
const SLACKBOT = 'USLACKBOT';

export class SlackUsers {
  readonly #people = new Map<string, Person>();
  /** Person ids referenced so far, in first-seen order. */
  readonly #referenced = new Set<string>();

  /** Reads the parsed `users.json`; throws ImportError naming the bad user entry. */
  static fromJson(file: string, value: unknown, where: string): SlackUsers {
    const users = new SlackUsers();
    for (const user of parseShape(file, usersSchema, value, where)) {
      const name =
        nonEmpty(user.real_name) ?? nonEmpty(user.profile?.real_name) ?? nonEmpty(user.profile?.display_name);
      const handle = nonEmpty(user.name) ?? nonEmpty(user.profile?.display_name);
      const title = nonEmpty(user.profile?.title);
      const role = user.is_bot || user.id === SLACKBOT ? 'system' : 'responder';
      const profile = user.profile;
      const aliases = [
        user.real_name,
        profile?.real_name,
        profile?.real_name_normalized,
        profile?.display_name,
        profile?.display_name_normalized,
        profile?.first_name,
        profile?.last_name,
        profile?.email,
        user.name,
      ];
      users.#people.set(user.id, describe(user.id, role, handle, name, title, aliases));
    }
    return users;
  }

  /**
   * The person behind a user id, recorded as referenced. Users missing from users.json (guests
   * from other workspaces, deleted accounts) are described from the message's `user_profile`.
   */
  person(userId: string, profile?: EmbeddedProfile): Person {
    let person = this.#people.get(userId);
    if (!person) {
      const name = nonEmpty(profile?.real_name) ?? nonEmpty(profile?.display_name);
      const handle = nonEmpty(profile?.name) ?? nonEmpty(profile?.display_name);
      const aliases = [profile?.real_name, profile?.display_name, profile?.first_name, profile?.name];
      person = describe(userId, userId === SLACKBOT ? 'system' : 'responder', handle, name, undefined, aliases);
      this.#people.set(userId, person);
    }
    this.#referenced.add(userId);
    return person;
  }

  /** The name a mention `<@U…>` reads as; undefined for a user the export does not know. */
  displayName(userId: string): string | undefined {
    const person = this.#people.get(userId);
    if (!person) return undefined;
    this.#referenced.add(userId);
    return person.name ?? person.handle;
  }

  /** Everyone who wrote, was replied to or was mentioned in the imported messages. */
  referenced(): Person[] {
    return [...this.#referenced].flatMap((id) => this.#people.get(id) ?? []);
  }
}

function describe(
  userId: string,
  role: Person['role'],
  handle: string | undefined,
  name: string | undefined,
  title: string | undefined,
  names: readonly (string | null | undefined)[],
): Person {
  const person: Person = { id: personId(userId), role };
  if (handle) person.handle = handle;
  // A person without a real name is still called something in mentions: their handle.
  const shown = name ?? handle;
  if (shown) person.name = shown;
  if (title) person.title = title;
  const aliases = [...new Set(names.flatMap((alias) => nonEmpty(alias) ?? []))].filter(
    (alias) => alias !== person.name && alias !== person.handle,
  );
  if (aliases.length > 0) person.aliases = aliases;
  return person;
}

export function personId(userId: string): string {
  return `slack:${userId}`;
}

function nonEmpty(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
