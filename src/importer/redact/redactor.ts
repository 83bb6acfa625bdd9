import type { CountryCode } from 'libphonenumber-js';
import { findPersonalData, type Finding } from '../../lib/privacy/patterns.ts';
import type { IncidentEvent, Person } from '../model/incident.ts';
import { buildNameMatcher, type NameMatcher } from './name-matcher.ts';
import { bare, inLinkOrFileName, normal, readsAsName, variantKey } from './names.ts';
import { createPeopleBook, type PeopleBook } from './people.ts';
import { isSecretLink, removeShareLinks, removeUrlTokens } from './secrets.ts';

/**
 * The pseudonymizer between an import and a published page. Private individuals become stable
 * pseudonyms (`@person-1`, "Person 1"); war-room responders appear by their incident role or as
 * "Responder A" (blameless, even with redaction off); the brand's own accounts, `--keep`
 * entries and large or verified accounts stay as they are. What counts as personal data is the
 * shared detection of src/lib/privacy/patterns.ts: e-mail addresses, phone numbers, IP
 * addresses and profile links are replaced in free text; payment-card numbers, URL tokens and
 * private share links are removed even with redaction off, because they grant access rather
 * than name someone.
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
 *
 * The pieces: who may be named and how (./people.ts), which names are looked for (./names.ts,
 * ./name-matcher.ts), what goes even with --no-redact (./secrets.ts); this file puts them
 * together over one text or link.
 */

export { PUBLIC_ACCOUNT_FOLLOWERS } from './people.ts';
export { COMMON_WORD_NAMES } from './names.ts';
export { removeShareLinks, removeUrlTokens } from './secrets.ts';

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

/** Slack's room-wide mentions as the raw export writes them (`<!channel>`, `<!here|here>`). */
const SLACK_SPECIAL_MENTION = /<!(channel|here|everyone)(?:\|[^>]*)?>/gi;

/** Text with the findings of the shared detection replaced as `replace` says (undefined keeps one). */
function replaceFindings(
  input: string,
  phoneRegions: readonly CountryCode[],
  replace: (finding: Finding) => string | undefined,
): string {
  let out = '';
  let last = 0;
  for (const finding of findPersonalData(input, { phoneRegions })) {
    const replacement = replace(finding);
    if (replacement === undefined) continue;
    out += input.slice(last, finding.index) + replacement;
    last = finding.index + finding.match.length;
  }
  return out + input.slice(last);
}

/** What replaces one finding of personal data (phone, e-mail, card, IP, profile link), or undefined to keep it. */
function findingReplacer(book: PeopleBook, matcher: NameMatcher, enabled: boolean) {
  return (finding: Finding): string | undefined => {
    if (finding.kind === 'card') return REMOVED_CARD;
    if (!enabled) return undefined;
    if (finding.kind === 'email') {
      const owner = matcher.emailOwners.get(finding.match.toLowerCase());
      return owner ? `[e-mail of ${book.personName(owner)}]` : REMOVED_EMAIL;
    }
    if (finding.kind === 'phone') return REMOVED_PHONE;
    if (finding.kind === 'ip') return REMOVED_IP;
    if (finding.kind === 'profile-handle') {
      const replacement = book.profileReplacement(finding.handle!);
      return replacement && `${finding.match.slice(0, -finding.handle!.length)}${replacement}`;
    }
    return undefined;
  };
}

/** Replaces every name, handle and Slack mention of `matcher.pattern` in one pass. */
function replaceNames(input: string, book: PeopleBook, matcher: NameMatcher, enabled: boolean): string {
  return input.replace(matcher.pattern, (whole, ...args) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const source = args[args.length - 2] as string;
    const offset = args[args.length - 3] as number;
    if (groups['slack'] !== undefined) {
      const person = book.byBareId.get(groups['slack']);
      return person ? book.personLabel(person, true) : enabled ? '@someone' : whole;
    }
    if (groups['name'] !== undefined) {
      const found = groups['name'];
      const variant = matcher.variants.get(variantKey(found));
      const at = groups['at'] === '@';
      if (!variant || !readsAsName(variant, found, offset + (at ? 1 : 0), source)) return whole;
      if (at) return book.personLabel(variant.person, true);
      // In a link or a file name the pseudonym takes the form of a path segment: `person-2`.
      if (inLinkOrFileName(source, offset, whole.length))
        return bare(book.personLabel(variant.person, true)).toLowerCase();
      return variant.kind === 'handle' ? book.personLabel(variant.person, true) : book.personName(variant.person);
    }
    return book.mention(groups['handle']!);
  });
}

export function createRedactor(options: RedactOptions): Redactor {
  const book = createPeopleBook(options);
  const matcher = buildNameMatcher(options.people, book);
  const replaceFinding = findingReplacer(book, matcher, options.enabled);
  const phoneRegions = options.phoneRegions ?? [];

  function text(raw: string): string {
    let out = raw.replace(SLACK_SPECIAL_MENTION, (_, room: string) => `@${room.toLowerCase()}`);
    // Share links and tokens are access, not identity: removed even with --no-redact.
    out = removeUrlTokens(removeShareLinks(out));
    out = replaceFindings(out, phoneRegions, replaceFinding);
    return replaceNames(out, book, matcher, options.enabled);
  }

  function link(url: string | undefined, actorId?: string, role?: Person['role']): string | undefined {
    if (!url || !/^https?:\/\/[^\s]+$/i.test(url.trim())) return undefined;
    const clean = url.trim();
    if (isSecretLink(clean)) return undefined;
    if (!options.enabled) return clean;
    const actor = actorId ? book.byId.get(actorId) : undefined;
    if (actor && (book.isPrivate(actor) || actor.role === 'responder')) return undefined;
    // A post by an unknown member of the public: its URL names them.
    if (!actor && role === 'public') return undefined;
    const path = clean.toLowerCase();
    for (const person of options.people) {
      if (!book.isProtected(person)) continue;
      if (person.handle && path.includes(`/${normal(person.handle)}`)) return undefined;
    }
    // A profile link of someone the exports do not know: their account is in the path.
    for (const finding of findPersonalData(clean)) {
      if (finding.kind === 'profile-handle' && book.profileReplacement(finding.handle!) !== undefined) return undefined;
    }
    return clean;
  }

  return { label: book.label, text, link, prime: book.prime };
}
