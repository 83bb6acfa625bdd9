import type { CountryCode } from 'libphonenumber-js';
import type { IncidentEvent, Person } from './model/incident.ts';
import {
  EMAIL,
  HANDLE,
  PRIVATE_SHARE_LINK,
  SPECIAL_MENTIONS,
  URL_TOKEN,
  findPersonalData,
  type Finding,
} from '../lib/privacy/patterns.ts';

/**
 * The pseudonymizer between an import and a published page. Private individuals become stable
 * pseudonyms (`@person-1`, "Person 1"); war-room responders appear by their incident role or as
 * "Responder A" (blameless, even with redaction off); the brand's own accounts, `--keep`
 * entries and large or verified accounts stay as they are. What counts as personal data is the
 * shared detection of ./patterns.ts: e-mail addresses, phone numbers, IP addresses and profile
 * links are replaced in free text; payment-card numbers, URL tokens and private share links are
 * removed even with redaction off, because they grant access rather than name someone.
 *
 * People are found by every name they go by (`Person.name`, `handle`, `aliases`, and the first
 * word of each full name), in text, file names and URLs:
 * - full names, handles and e-mail addresses match in any case, with spaces, `_`, `-`, `.` or
 *   `%20` between the words of a name (`Jane Doe`, `jane_doe.png`, `/jane-doe/`);
 * - a lone first or last name matches only when capitalised (`Thanks Jane!`, not `jane`), and
 *   a name that is also an everyday word (`Will`, `May`, `Mark`; COMMON_WORD_NAMES) not at the
 *   start of a sentence unless it is addressed there (`Will, can you…`), so "Will you check?"
 *   stays as written;
 * - words that also name the brand, a --keep entry or a kept account are never replaced;
 * - when two protected people share a first name, the lone name goes to the one listed first.
 *
 * Stable means: one person gets one pseudonym across the whole page, whether they appear as an
 * actor, as the account replied to, or as a name or @mention inside someone's text.
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
  /** --region: regions whose national phone forms count (DEFAULT_PHONE_REGIONS when absent). */
  phoneRegions?: readonly CountryCode[];
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
const REMOVED_CARD = '[card number removed]';
const REMOVED_IP = '[IP address removed]';
const REMOVED_LINK = '[private link removed]';

/** Slack's room-wide mentions as the raw export writes them (`<!channel>`, `<!here|here>`). */
const SLACK_SPECIAL_MENTION = /<!(channel|here|everyone)(?:\|[^>]*)?>/gi;

/** An alias that is an e-mail address, not a name. */
const EMAIL_ONLY = new RegExp(`^${EMAIL.source.replace(/^\\b|\\b$/g, '')}$`);

/**
 * First names that are also everyday English words: as a lone word they are only a name where a
 * sentence does not start with them (see `readsAsName`).
 */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set([
  'will',
  'may',
  'mark',
  'bill',
  'rose',
  'grace',
  'hope',
  'joy',
  'june',
  'april',
  'august',
  'faith',
  'frank',
  'jack',
  'sue',
  'pat',
  'art',
  'don',
  'ray',
  'rob',
  'guy',
  'dawn',
  'summer',
  'chase',
  'hunter',
  'page',
  'sky',
  'rich',
  'sunny',
  'penny',
  'robin',
  'drew',
  'gene',
  'miles',
  'ivy',
  'holly',
]);

/** How a name variant is matched: a full name (any case, flexible separators), a lone word (capitalised only), a handle (any case). */
interface Variant {
  text: string;
  kind: 'full' | 'single' | 'handle';
  person: Person;
}

/** Separators between the words of a name, as prose, file names and URLs write them. */
const NAME_SEPARATOR = '(?:[\\s_.+-]|%20)+';

/** The comparison key of a name: lowercased, with any run of separators as one space. */
function variantKey(text: string): string {
  return text
    .replace(/^@/, '')
    .replace(/(?:[\s_.+-]|%20)+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A full name as a pattern that allows any separators between its words. */
function flexibleWords(name: string): string {
  return name.trim().split(/\s+/).map(escapeRegExp).join(NAME_SEPARATOR);
}

/** Every name a person goes by, classified for matching; short ones that are ordinary words are left out. */
function nameVariants(person: Person): Omit<Variant, 'person'>[] {
  const out: Omit<Variant, 'person'>[] = [];
  const addWord = (word: string) => {
    const clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // "Jane": a name, matched capitalised only. "abilinski", "jdoe": handle-like, any case,
    // but only from 4 characters ("sam" or "ops" are ordinary words).
    if (/^\p{Lu}/u.test(clean) && /^[\p{L}'’-]{2,}$/u.test(clean)) out.push({ text: clean, kind: 'single' });
    else if (clean.length >= 4 && /\p{L}/u.test(clean)) out.push({ text: clean, kind: 'handle' });
  };
  if (person.handle && person.handle.length >= 4) out.push({ text: normal(person.handle), kind: 'handle' });
  for (const value of [person.name, ...(person.aliases ?? [])]) {
    const text = value?.trim();
    if (!text) continue;
    if (EMAIL_ONLY.test(text)) {
      out.push({ text, kind: 'handle' });
      continue;
    }
    const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
    if (words.length > 1) {
      if (text.length >= 3) out.push({ text, kind: 'full' });
      addWord(words[0]!);
    } else if (words.length === 1) {
      addWord(words[0]!);
    }
  }
  return out;
}

/** A label as it can stand in a URL or a handle position: `@person-2` → `person-2`, spaces as dashes. */
function bare(label: string): string {
  return label.replace(/^@/, '').replace(/ /g, '-');
}

/**
 * Whether the text around `offset` is a link or a file name (`/jane-doe/`, `Jane_Doe.png`),
 * where a pseudonym must not bring a space in.
 */
function inLinkOrFileName(text: string, offset: number, length: number): boolean {
  const start = text.slice(0, offset).search(/\S*$/);
  const end = offset + length + (text.slice(offset + length).match(/^\S*/)?.[0].length ?? 0);
  // What surrounds the name in its token: `/…/`, `_complaint.png` (a handle's own `_` does not count).
  const around = text.slice(start, offset) + ' ' + text.slice(offset + length, end);
  return /[/_]|%20|\.[A-Za-z0-9]{2,5}\]?$/.test(around) && !/\s/.test(text.slice(offset, offset + length));
}

/** Private share links (Dropbox, Google Drive and Docs, Slack private files) replaced by a marker. */
export function removeShareLinks(text: string): string {
  return text.replace(PRIVATE_SHARE_LINK, REMOVED_LINK);
}

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
    const param = /^([?&][A-Za-z_-]+=)/.exec(match);
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

  /** Who must not be named: responders always (blameless), private individuals unless --no-redact. */
  function isProtected(person: Person): boolean {
    return person.role === 'responder' || (options.enabled && isPrivate(person));
  }

  /** Words that belong to the brand, --keep entries and kept accounts: never someone else's pseudonym. */
  const keptWords = new Set<string>([...brand, ...keep].map(variantKey));
  for (const person of options.people) {
    if (isProtected(person)) continue;
    for (const value of [person.handle, person.name, ...(person.aliases ?? [])]) {
      if (value) for (const word of [value, ...value.split(/\s+/)]) keptWords.add(variantKey(word));
    }
  }

  /** Every name a protected person goes by, by its comparison key (see `variantKey`). */
  const variants = new Map<string, Variant>();
  /** E-mail addresses of protected people, lowercased. */
  const emailOwners = new Map<string, Person>();
  for (const person of options.people) {
    if (!isProtected(person)) continue;
    for (const variant of nameVariants(person)) {
      if (EMAIL_ONLY.test(variant.text)) {
        emailOwners.set(variant.text.toLowerCase(), person);
        continue;
      }
      const key = variantKey(variant.text);
      if (keptWords.has(key) || variants.has(key)) continue;
      variants.set(key, { ...variant, person });
    }
  }
  // Longest first, so "Ann Lee" wins over "Ann" and "jane_kettles" over "Jane".
  const variantSources = [...variants.values()]
    .sort((a, b) => b.text.length - a.text.length)
    .map((variant) => (variant.kind === 'full' ? flexibleWords(variant.text) : escapeRegExp(variant.text)));

  /**
   * One pass over the text for Slack `<@U…>` mentions, every known name and handle of a
   * protected person (Slack renders mentions as `@Real Name`) and any other @handle, so a
   * pseudonym put in is never read again as a new name.
   */
  const mentionPattern = new RegExp(
    [
      '<@(?<slack>[A-Z0-9]+)(?:\\|[^>]*)?>',
      ...(variantSources.length > 0
        ? [`(?<![\\p{L}\\p{N}@])(?<at>@?)(?<name>${variantSources.join('|')})(?![\\p{L}\\p{N}])`]
        : []),
      `(?<![\\w@./])@(?<handle>${HANDLE.source.slice(HANDLE.source.indexOf('@(') + 2, -1)})`,
    ].join('|'),
    'giu',
  );

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

  /** How a protected person is called where their name stood: "Person 2", "Social media lead", "Responder A". */
  function personName(person: Person): string {
    if (person.role === 'responder') return responderLabel(person);
    return `Person ${pseudonymNumber(`id:${person.id}`)}`;
  }

  /** The account name to put in a profile URL instead of `handle`, or undefined to keep it. */
  function profileReplacement(handle: string): string | undefined {
    const key = normal(handle);
    if (brand.has(key) || keep.has(key)) return undefined;
    const person = byHandle.get(key);
    if (person) return isProtected(person) ? bare(personLabel(person, true)) : undefined;
    if (!options.enabled) return undefined;
    return `person-${pseudonymNumber(`handle:${key}`)}`;
  }

  /** Whether a found single word may be read as this name (see `ambiguousFirstName`). */
  function readsAsName(variant: Variant, found: string, offset: number, whole: string): boolean {
    if (variant.kind !== 'single') return true;
    // A lone first or last name only where it is written like one: capitalised.
    if (!/^\p{Lu}/u.test(found)) return false;
    if (!COMMON_WORD_NAMES.has(found.toLowerCase())) return true;
    // "Will", "May", "Mark" open sentences as ordinary words; there only "Will," (addressed) is a name.
    const before = whole.slice(0, offset);
    const startsSentence = /(?:^|[.!?:;]\s+|\n\s*|["“(]\s*)$/.test(before);
    return !startsSentence || /^[,:]/.test(whole.slice(offset + found.length));
  }

  function text(raw: string): string {
    let out = raw.replace(SLACK_SPECIAL_MENTION, (_, room: string) => `@${room.toLowerCase()}`);
    // Share links and tokens are access, not identity: removed even with --no-redact.
    out = removeUrlTokens(removeShareLinks(out));
    out = replaceFindings(out, (finding) => {
      if (finding.kind === 'card') return REMOVED_CARD;
      if (!options.enabled) return undefined;
      if (finding.kind === 'email') {
        const owner = emailOwners.get(finding.match.toLowerCase());
        return owner ? `[e-mail of ${personName(owner)}]` : REMOVED_EMAIL;
      }
      if (finding.kind === 'phone') return REMOVED_PHONE;
      if (finding.kind === 'ip') return REMOVED_IP;
      if (finding.kind === 'profile-handle') {
        const replacement = profileReplacement(finding.handle!);
        return replacement && `${finding.match.slice(0, -finding.handle!.length)}${replacement}`;
      }
      return undefined;
    });
    return out.replace(mentionPattern, (whole, ...args) => {
      const groups = args[args.length - 1] as Record<string, string | undefined>;
      const source = args[args.length - 2] as string;
      const offset = args[args.length - 3] as number;
      if (groups['slack'] !== undefined) {
        const person = byBareId.get(groups['slack']);
        return person ? personLabel(person, true) : options.enabled ? '@someone' : whole;
      }
      if (groups['name'] !== undefined) {
        const found = groups['name'];
        const variant = variants.get(variantKey(found));
        const at = groups['at'] === '@';
        if (!variant || !readsAsName(variant, found, offset + (at ? 1 : 0), source)) return whole;
        if (at) return personLabel(variant.person, true);
        // In a link or a file name the pseudonym takes the form of a path segment: `person-2`.
        if (inLinkOrFileName(source, offset, whole.length))
          return bare(personLabel(variant.person, true)).toLowerCase();
        return variant.kind === 'handle' ? personLabel(variant.person, true) : personName(variant.person);
      }
      return mention(groups['handle']!);
    });
  }

  /** Text with the phone numbers, e-mails, cards, IPs and profile handles found replaced as `replace` says. */
  function replaceFindings(input: string, replace: (finding: Finding) => string | undefined): string {
    let out = '';
    let last = 0;
    for (const finding of findPersonalData(input, { phoneRegions: options.phoneRegions ?? [] })) {
      const replacement = replace(finding);
      if (replacement === undefined) continue;
      out += input.slice(last, finding.index) + replacement;
      last = finding.index + finding.match.length;
    }
    return out + input.slice(last);
  }

  function link(url: string | undefined, actorId?: string, role?: Person['role']): string | undefined {
    if (!url || !/^https?:\/\/[^\s]+$/i.test(url.trim())) return undefined;
    const clean = url.trim();
    // A link with a token is a secret; fixing it up would still leak where it points. A private
    // share link opens the file to whoever has it.
    if (new RegExp(URL_TOKEN.source, 'i').test(clean)) return undefined;
    if (new RegExp(PRIVATE_SHARE_LINK.source, 'i').test(clean)) return undefined;
    if (!options.enabled) return clean;
    const actor = actorId ? byId.get(actorId) : undefined;
    if (actor && (isPrivate(actor) || actor.role === 'responder')) return undefined;
    // A post by an unknown member of the public: its URL names them.
    if (!actor && role === 'public') return undefined;
    const path = clean.toLowerCase();
    for (const person of options.people) {
      if (!isProtected(person)) continue;
      if (person.handle && path.includes(`/${normal(person.handle)}`)) return undefined;
    }
    // A profile link of someone the exports do not know: their account is in the path.
    for (const finding of findPersonalData(clean)) {
      if (finding.kind === 'profile-handle' && profileReplacement(finding.handle!) !== undefined) return undefined;
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
