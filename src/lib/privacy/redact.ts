import type { IncidentEvent, Person } from '../incident/model.ts';
import { EMAIL, HANDLE, PHONE, URL_TOKEN, looksLikePhone } from './patterns.ts';

/**
 * The pseudonymizer between an import and a published page. Private individuals become stable
 * pseudonyms (`@person-1`, "Person 1"); war-room responders appear by their incident role or as
 * "Responder A" (blameless, even with redaction off); the brand's own accounts, `--keep`
 * entries and large or verified accounts stay as they are. E-mail addresses, phone numbers and
 * URL tokens are removed from free text.
 *
 * Stable means: one person gets one pseudonym across the whole page, whether they appear as an
 * actor, as the account replied to, or as an @mention inside someone's text.
 */

/** Accounts with at least this many followers are public figures or outlets, not private people. */
export const PUBLIC_ACCOUNT_FOLLOWERS = 10_000;

export interface RedactOptions {
  /** False only with an explicit --no-redact: names and contact data then stay (responders still by role). */
  enabled: boolean;
  /** The brand's own handles, lowercased, without @. */
  brandHandles: readonly string[];
  /** --keep entries: handles (without @) or names that may appear as they are, lowercased. */
  keep: readonly string[];
  /** Everyone the exports know about. */
  people: readonly Person[];
}

export interface Redactor {
  /** How an actor is named on the page: `@brand`, `@person-2`, `Person 2`, `Incident commander`, `Responder B`. */
  label(personId: string | undefined, role?: Person['role']): string;
  /** Free text with personal data replaced. */
  text(raw: string): string;
  /** An http(s) link that is safe to publish for this actor, or undefined. */
  link(url: string | undefined, actorId?: string, role?: Person['role']): string | undefined;
  /** Hands out pseudonyms in the order people appear in these events, so numbering follows the story. */
  prime(events: readonly IncidentEvent[]): void;
}

const REMOVED_EMAIL = '[e-mail removed]';
const REMOVED_PHONE = '[phone removed]';

function normal(value: string): string {
  return value.replace(/^@/, '').toLowerCase();
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/** Removes secrets from text; done even with --no-redact, because tokens are never personal choice. */
export function removeUrlTokens(text: string): string {
  return text.replace(URL_TOKEN, (match) => {
    const param = /^([?&][A-Za-z_]+=)/.exec(match);
    return param ? `${param[1]}[token removed]` : '[token removed]';
  });
}

export function createRedactor(options: RedactOptions): Redactor {
  const brand = new Set(options.brandHandles.map(normal));
  const keep = new Set(options.keep.map(normal));
  const byId = new Map(options.people.map((person) => [person.id, person]));
  /** Slack-style `<@U024BE7LH>` mentions carry only the part after `slack:`. */
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

  /** Private individuals: members of the public who are neither kept nor large. */
  function isPrivate(person: Person): boolean {
    return person.role === 'public' && !isKept(person);
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

  function label(personId: string | undefined, role?: Person['role']): string {
    const person = personId ? byId.get(personId) : undefined;
    if (person) return personLabel(person, false);
    if (role === 'brand') return 'Brand';
    if (role === 'responder') return 'Responder';
    if (role === 'system') return 'System';
    return 'Someone';
  }

  /** Names of people who must not be named, longest first so "Ann Lee" wins over "Ann". */
  const names = options.people
    .filter(
      (person) =>
        person.name &&
        person.name.trim().length >= 3 &&
        (person.role === 'responder' || (options.enabled && isPrivate(person))),
    )
    .map((person) => person.name!.trim())
    .sort((a, b) => b.length - a.length);
  const byName = new Map<string, Person>();
  for (const person of options.people) if (person.name) byName.set(person.name.trim().toLowerCase(), person);
  /**
   * Handles of people who must not be named, also without the @ (in URLs such as
   * x.com/jane_doe/status/…). Short ones are left alone: "sam" or "ops" are ordinary words.
   */
  const bareHandles = options.people
    .filter(
      (person) =>
        person.handle &&
        person.handle.length >= 4 &&
        (person.role === 'responder' || (options.enabled && isPrivate(person))),
    )
    .map((person) => normal(person.handle!))
    .sort((a, b) => b.length - a.length);

  /**
   * One pass over the text for Slack `<@U…>` mentions, known names (Slack renders mentions as
   * `@Real Name`) and @handles, so a pseudonym put in is never read again as a new handle.
   */
  const mentionPattern = new RegExp(
    [
      '<@(?<slack>[A-Z0-9]+)(?:\\|[^>]*)?>',
      ...(names.length > 0
        ? [`(?<![\\p{L}\\p{N}_@])(?<at>@?)(?<name>${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`]
        : []),
      `(?<![\\w@./])@(?<handle>${HANDLE.source.slice(HANDLE.source.indexOf('@(') + 2, -1)})`,
      ...(bareHandles.length > 0
        ? [`(?<![\\p{L}\\p{N}_])(?<bare>${bareHandles.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`]
        : []),
    ].join('|'),
    'giu',
  );

  function mention(handle: string): string {
    const key = normal(handle);
    const person = byHandle.get(key);
    if (person) return personLabel(person, true);
    if (!options.enabled || brand.has(key) || keep.has(key)) return `@${handle}`;
    // Someone only mentioned in text: a private individual until proven otherwise.
    return `@person-${pseudonymNumber(`handle:${key}`)}`;
  }

  function text(raw: string): string {
    let out = removeUrlTokens(raw);
    if (options.enabled) {
      out = out.replace(EMAIL, REMOVED_EMAIL);
      out = out.replace(PHONE, (match) => (looksLikePhone(match) ? REMOVED_PHONE : match));
    }
    return out.replace(mentionPattern, (whole, ...args) => {
      const groups = args[args.length - 1] as Record<string, string | undefined>;
      if (groups['slack'] !== undefined) {
        const person = byBareId.get(groups['slack']);
        return person ? personLabel(person, true) : options.enabled ? '@someone' : whole;
      }
      if (groups['name'] !== undefined) {
        const person = byName.get(groups['name'].toLowerCase());
        return person ? personLabel(person, groups['at'] === '@') : whole;
      }
      if (groups['bare'] !== undefined) {
        const person = byHandle.get(normal(groups['bare']));
        return person ? personLabel(person, true).replace(/^@/, '').replace(/ /g, '-') : whole;
      }
      return mention(groups['handle']!);
    });
  }

  function link(url: string | undefined, actorId?: string, role?: Person['role']): string | undefined {
    if (!url || !/^https?:\/\/[^\s]+$/i.test(url.trim())) return undefined;
    const clean = url.trim();
    // A link with a token is a secret; fixing it up would still leak where it points.
    if (new RegExp(URL_TOKEN.source, 'i').test(clean)) return undefined;
    if (!options.enabled) return clean;
    const actor = actorId ? byId.get(actorId) : undefined;
    if (actor && (isPrivate(actor) || actor.role === 'responder')) return undefined;
    // A post by an unknown member of the public: its URL names them.
    if (!actor && role === 'public') return undefined;
    const path = clean.toLowerCase();
    for (const person of options.people) {
      if (!isPrivate(person) && person.role !== 'responder') continue;
      if (person.handle && path.includes(`/${normal(person.handle)}`)) return undefined;
    }
    return clean;
  }

  function prime(events: readonly IncidentEvent[]): void {
    for (const event of events) {
      for (const id of [event.actorId, event.inReplyToId]) {
        const person = id ? byId.get(id) : undefined;
        if (person) personLabel(person, false);
      }
    }
  }

  return { label, text, link, prime };
}
