import { SPECIAL_MENTIONS } from '../../lib/privacy/patterns.ts';
import type { IncidentEvent, Person } from '../model/incident.ts';
import { bare, normal } from './names.ts';

/**
 * Who may be named and how everyone else is called: the one place that hands out pseudonyms
 * (`@person-1`, "Person 1") and responder labels ("Responder A"), so one person gets one
 * name across the whole page.
 */

/** Accounts with at least this many followers are public figures or outlets, not private people. */
export const PUBLIC_ACCOUNT_FOLLOWERS = 10_000;

export interface PeopleOptions {
  /** False only with --no-redact: names then stay (responders still by role). */
  enabled: boolean;
  /** The brand's own handles, lowercased, without @. */
  brandHandles: readonly string[];
  /** --keep entries, lowercased, without @. */
  keep: readonly string[];
  /** Everyone the exports know about. */
  people: readonly Person[];
}

/** The labels of one page's people; numbering follows the order labels are first asked for. */
export interface PeopleBook {
  /** The brand's handles and --keep entries, normalized. */
  brand: ReadonlySet<string>;
  keep: ReadonlySet<string>;
  byId: ReadonlyMap<string, Person>;
  /** Slack-style `<@U024BE7LH>` mentions carry only the part after `slack:`. */
  byBareId: ReadonlyMap<string, Person>;
  /** Whether this person must not be named: responders always (blameless), private individuals unless --no-redact. */
  isProtected(person: Person): boolean;
  /** A member of the public who is neither kept nor large. */
  isPrivate(person: Person): boolean;
  /** How a person is named as an actor or (`asMention`) where an @mention stood. */
  personLabel(person: Person, asMention: boolean): string;
  /** How a protected person is called where their name stood: "Person 2", "Social media lead", "Responder A". */
  personName(person: Person): string;
  /** How an actor is named on the page, known or not. */
  label(personId: string | undefined, role?: Person['role']): string;
  /** What an @handle in text becomes. */
  mention(handle: string): string;
  /** The account name to put in a profile URL instead of `handle`, or undefined to keep it. */
  profileReplacement(handle: string): string | undefined;
  /** Hands out pseudonyms in the order people appear in these events, so numbering follows the story. */
  prime(events: readonly IncidentEvent[]): void;
}

/** Letters A…Z, then AA, AB … for the unlikely war room of more than 26. */
function letters(index: number): string {
  let out = '';
  let n = index;
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function createPeopleBook(options: PeopleOptions): PeopleBook {
  const brand = new Set(options.brandHandles.map(normal));
  const keep = new Set(options.keep.map(normal));
  const byId = new Map(options.people.map((person) => [person.id, person]));
  const byBareId = new Map(options.people.map((person) => [person.id.replace(/^[^:]*:/, ''), person]));
  const byHandle = new Map<string, Person>();
  for (const person of options.people) if (person.handle) byHandle.set(normal(person.handle), person);

  const pseudonyms = new Map<string, number>();
  const responderLetters = new Map<string, string>();

  function isKept(person: Person): boolean {
    if (person.role === 'brand') return true;
    if (person.handle && (brand.has(normal(person.handle)) || keep.has(normal(person.handle)))) return true;
    if (person.name && keep.has(person.name.toLowerCase())) return true;
    return (
      person.role === 'public' && (person.verified === true || (person.followers ?? 0) >= PUBLIC_ACCOUNT_FOLLOWERS)
    );
  }

  function isPrivate(person: Person): boolean {
    return person.role === 'public' && !isKept(person);
  }

  function isProtected(person: Person): boolean {
    return person.role === 'responder' || (options.enabled && isPrivate(person));
  }

  function pseudonymNumber(key: string): number {
    let number = pseudonyms.get(key);
    if (number === undefined) {
      number = pseudonyms.size + 1;
      pseudonyms.set(key, number);
    }
    return number;
  }

  function responderLabel(person: Person): string {
    if (person.title) return person.title;
    let letter = responderLetters.get(person.id);
    if (!letter) {
      letter = letters(responderLetters.size);
      responderLetters.set(person.id, letter);
    }
    return `Responder ${letter}`;
  }

  function personLabel(person: Person, asMention: boolean): string {
    if (person.role === 'responder') return responderLabel(person);
    if (!options.enabled || isKept(person) || person.role === 'system') {
      if (person.handle) return `@${person.handle}`;
      return person.name ?? (person.role === 'brand' ? 'Brand' : 'System');
    }
    const number = pseudonymNumber(`id:${person.id}`);
    return person.handle || asMention ? `@person-${number}` : `Person ${number}`;
  }

  function personName(person: Person): string {
    if (person.role === 'responder') return responderLabel(person);
    return `Person ${pseudonymNumber(`id:${person.id}`)}`;
  }

  function label(personId: string | undefined, role?: Person['role']): string {
    const person = personId ? byId.get(personId) : undefined;
    if (person) return personLabel(person, false);
    if (role === 'brand') return 'Brand';
    if (role === 'responder') return 'Responder';
    if (role === 'system') return 'System';
    return 'Someone';
  }

  function mention(handle: string): string {
    const key = normal(handle);
    // `@channel`, `@here`, `@everyone`: Slack addressing a room, not a person.
    if (SPECIAL_MENTIONS.has(key)) return `@${handle}`;
    const person = byHandle.get(key);
    if (person) return personLabel(person, true);
    if (!options.enabled || brand.has(key) || keep.has(key)) return `@${handle}`;
    // Someone only mentioned in text: a private individual until proven otherwise.
    return `@person-${pseudonymNumber(`handle:${key}`)}`;
  }

  function profileReplacement(handle: string): string | undefined {
    const key = normal(handle);
    if (brand.has(key) || keep.has(key)) return undefined;
    const person = byHandle.get(key);
    if (person) return isProtected(person) ? bare(personLabel(person, true)) : undefined;
    if (!options.enabled) return undefined;
    return `person-${pseudonymNumber(`handle:${key}`)}`;
  }

  function prime(events: readonly IncidentEvent[]): void {
    for (const event of events) {
      for (const id of [event.actorId, event.inReplyToId]) {
        const person = id ? byId.get(id) : undefined;
        if (person) personLabel(person, false);
      }
    }
  }

  return {
    brand,
    keep,
    byId,
    byBareId,
    isProtected,
    isPrivate,
    personLabel,
    personName,
    label,
    mention,
    profileReplacement,
    prime,
  };
}
