import { findNumbers, getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/**
 * What counts as personal data or a secret in free text. One detection module, used by the
 * importer's redaction (src/importer/redact.ts) and by `npm run check`'s privacy lint
 * (src/lib/content-check/privacy.ts), so both agree on what they see.
 * The exported regexes are global; reset `lastIndex` (or use `matchAll`/`replace`) when reusing one.
 */

/** E-mail addresses. */
export const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

/** @handles as used on X, Instagram, TikTok, Threads, Bluesky (the part after @ is captured). */
export const HANDLE = /(?<![\w@./])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,48}[A-Za-z0-9_])?)/g;

/**
 * Slack's `<!channel>`, `<!here>`, `<!everyone>` (and `<!subteam…>` as `@group`) as the
 * importer renders them: a way of addressing a room, never a person.
 */
export const SPECIAL_MENTIONS: ReadonlySet<string> = new Set(['channel', 'here', 'everyone', 'group']);

/**
 * Query parameters that carry credentials: OAuth and API tokens, signed-URL signatures of S3
 * (`X-Amz-Signature`), Google Cloud Storage (`X-Goog-Signature`), CloudFront (`Signature`,
 * `Key-Pair-Id`), Azure SAS (`sig`) and Slack file links (`t=xoxe-…`).
 */
export const SECRET_QUERY_PARAMS = [
  't',
  'token',
  'access_token',
  'id_token',
  'refresh_token',
  'api_key',
  'apikey',
  'key',
  'sig',
  'signature',
  'auth',
  'client_secret',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
  'key-pair-id',
] as const;

const SECRET_PARAM_SOURCE = SECRET_QUERY_PARAMS.map((name) => name.replace(/-/g, '\\-')).join('|');

/** True for a query parameter name that holds a credential (case-insensitive). */
export function isSecretQueryParam(name: string): boolean {
  return new RegExp(`^(?:${SECRET_PARAM_SOURCE})$`, 'i').test(name);
}

/** Slack tokens (`xoxb-`, `xoxp-`, `xoxe-`, `xoxe.xoxp-`, `xapp-`) and credential query parameters with their value. */
export const URL_TOKEN = new RegExp(
  `\\b(?:xox[a-z](?:\\.xox[a-z])?-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)|[?&](?:${SECRET_PARAM_SOURCE})=[^\\s&#"'<>]+`,
  'gi',
);

/**
 * Links that open a private file to whoever holds them: Dropbox shares, Google Drive and Docs
 * files, Slack's private file links. The importer removes them; the lint refuses them.
 */
export const PRIVATE_SHARE_LINK =
  /\b(?:https?:\/\/)?(?:www\.)?(?:dropbox\.com\/(?:s|sh|scl\/fi|scl\/fo)\/|dl\.dropboxusercontent\.com\/|drive\.google\.com\/(?:file\/d\/|open\?|drive\/(?:u\/\d+\/)?folders\/|uc\?)|docs\.google\.com\/(?:document|spreadsheets|presentation|forms|drawings|file)\/|files\.slack\.com\/files-(?:pri|tmb)\/|[a-z0-9-]+\.slack\.com\/files\/)[^\s<>"')\]]*[^\s<>"')\].,;:!?]/gi;

/**
 * Profile URLs that name an account in their path: `tiktok.com/@name`, `threads.net/@name`,
 * `youtube.com/@name`, `instagram.com/name`, `x.com/name`, `twitter.com/name`,
 * `facebook.com/name`, `linkedin.com/in/name`, `bsky.app/profile/name`, `reddit.com/u/name`.
 * The handle is the `handle` group; paths that are pages of the platform (x.com/search,
 * instagram.com/p/…) are excluded by `PLATFORM_PATHS`.
 */
export const PROFILE_URL =
  /(?<![\w.-])(?:https?:\/\/)?(?:(?:www|m|mobile|vm)\.)?(?:(?:tiktok\.com|threads\.net|threads\.com|youtube\.com)\/@|(?:instagram\.com|x\.com|twitter\.com|facebook\.com|fb\.com)\/|linkedin\.com\/in\/|bsky\.app\/profile\/|reddit\.com\/(?:u|user)\/)(?<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_])?)/gi;

/** First path segments of the profile hosts that are the platform's own pages, not accounts. */
const PLATFORM_PATHS = new Set([
  'home',
  'search',
  'explore',
  'hashtag',
  'i',
  'intent',
  'share',
  'sharer',
  'settings',
  'login',
  'signup',
  'messages',
  'notifications',
  'p',
  'reel',
  'reels',
  'stories',
  'tv',
  'accounts',
  'about',
  'help',
  'legal',
  'privacy',
  'tos',
  'policies',
  'groups',
  'events',
  'watch',
  'pages',
  'marketplace',
  'gaming',
  'photo.php',
  'permalink.php',
  'profile.php',
  'story.php',
  'business',
  'developers',
  'ads',
]);

/** The account named by a profile URL match, or undefined when the path is a page of the platform. */
function profileHandle(match: RegExpMatchArray): string | undefined {
  const handle = match.groups?.['handle'];
  if (!handle) return undefined;
  // `/@name` forms (TikTok, Threads, YouTube), linkedin.com/in/, bsky.app/profile/ and
  // reddit.com/u/ always name an account; a bare first segment may be a platform page.
  if (/\/@|\/in\/|\/profile\/|\/u\/|\/user\//i.test(match[0])) return handle;
  return PLATFORM_PATHS.has(handle.toLowerCase()) ? undefined : handle;
}

/** Payment-card numbers as written: 13 to 19 digits, in groups separated by single spaces or dashes. */
const CARD_CANDIDATE = /(?<![\w/.=:+-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\w/-]|[.,]\d)/g;

/** The Luhn check digit test every card number passes (and 9 in 10 random digit strings fail). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** IPv4 addresses; version numbers with more or fewer parts (1.2.3, 1.2.3.4.5) are not addresses. */
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
/** IPv6 candidates (validated with node:net): groups of hex digits joined by colons. */
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;

/**
 * Whether a text is an IPv6 address, by the WHATWG URL parser (the same in Node and in the
 * browser, where the contribute form runs this module; node:net is not there).
 */
export function isIPv6(text: string): boolean {
  if (!text.includes(':') || /[^0-9A-Fa-f:.]/.test(text)) return false;
  return URL.canParse(`http://[${text}]/`);
}

/** Addresses that name no one: unspecified and loopback. */
function isAnonymousIp(address: string): boolean {
  return /^(?:0\.0\.0\.0|127\.\d+\.\d+\.\d+|::1?)$/.test(address);
}

/**
 * Regions whose national phone forms (07700 900123 in GB, (415) 555-0142 in the US) are
 * recognised when no region is configured. International forms (+44 …, 0049 …) are recognised
 * for every region whatever this says. GB and US because the library's posts and exports are
 * mostly in English and these two national formats are the ones people paste; a team elsewhere
 * sets `phoneRegions` in content/privacy-allowlist.yaml and `--region` on the importer.
 */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['GB', 'US'];

/** True for an ISO 3166 region code the phone library knows (GB, US, DE…). */
export function isPhoneRegion(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

/**
 * Words that, just before a long number, say it is a reference rather than a phone number:
 * "order 1234567890", "ticket #88120033", "invoice no. 4471 2290 18".
 */
const REFERENCE_CONTEXT =
  /(?:#|\b(?:order|orders|ticket|case|ref|reference|invoice|tracking|parcel|shipment|account|acct|sku|serial|issue|build|version)\.?(?:\s*(?:no|nr|number|id)\.?)?\s*[:#]?)\s*$/i;

/**
 * ISO 8601 dates and date-times (`2024-03-01`, `2024-03-01T14:05:00Z`, `…+01:00`): never phone
 * numbers, yet libphonenumber-js tries every digit group of each one. A post-mortem carries
 * hundreds (each timeline event, each hour of a mention series), and reading them cost three
 * quarters of the content check, so they are blanked before the phone scan.
 */
const ISO_DATE_TIME =
  /(?<![\d+])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/g;

/** The fewest digits a phone number has in any written form, country code included (+683 4002, Niue). */
const PHONE_MIN_DIGITS = 7;

/** Phone numbers in `text`, in every written form libphonenumber-js knows, for these regions. */
function findPhones(text: string, regions: readonly CountryCode[]): { match: string; index: number }[] {
  // `0049 30 1234567`: `00` is the international prefix of most of the world but not of the
  // NANP (011), so it is read as `+` whatever the region. Same length, so offsets hold.
  // Only at the start of a number: the `00` inside `138 0013 8000` is part of it.
  const scanned = text
    .replace(ISO_DATE_TIME, (date) => ' '.repeat(date.length))
    .replace(/(?<![\d+][\s().-]?)00(?=[1-9]\d)/g, ' +');
  // Most strings (titles, kinds, sentences) have too few digits to hold a number at all.
  if ((scanned.match(/\d/g)?.length ?? 0) < PHONE_MIN_DIGITS) return [];
  const found = new Map<number, { match: string; index: number }>();
  for (const region of regions.length > 0 ? regions : DEFAULT_PHONE_REGIONS) {
    const options = { defaultCountry: region, v2: true, leniency: 'POSSIBLE' } as const;
    for (const hit of findNumbers(scanned, options as { defaultCountry: CountryCode; v2: true })) {
      // A `00` read as ` +` starts one character earlier in the text as written.
      const start = scanned[hit.startsAt] === '+' && text[hit.startsAt] === '0' ? hit.startsAt - 1 : hit.startsAt;
      const written = text.slice(start, hit.endsAt);
      const international = /^(?:\+|00)/.test(written.trim());
      if (!international) {
        // National forms are judged by the region they are read in. Written as one run of
        // digits they must also look dialled: a trunk prefix (0…) or a valid NANP number,
        // so ids and timestamps (1709301720) are not phone numbers.
        const grouped = /[\s().-]/.test(written.trim());
        const nanp = getCountryCallingCode(region) === '1';
        if (!hit.number.isPossible()) continue;
        // "Possible" only counts digits. NANP numbers have a strict shape (no area code starts
        // with 0 or 1), so there they must be valid; elsewhere a possible number is enough, so
        // fictional ranges such as 07700 900xxx are still caught.
        if (nanp && !hit.number.isValid()) continue;
        if (!grouped && !(hit.number.isValid() && (written.startsWith('0') || nanp))) continue;
      }
      if (REFERENCE_CONTEXT.test(text.slice(Math.max(0, start - 24), start))) continue;
      if (!found.has(start)) found.set(start, { match: written, index: start });
    }
  }
  return [...found.values()];
}

export type FindingKind = 'email' | 'phone' | 'handle' | 'profile-handle' | 'url-token' | 'share-link' | 'card' | 'ip';

export interface Finding {
  kind: FindingKind;
  /** The text found (for `profile-handle`, the whole URL up to and including the handle). */
  match: string;
  /** Offset in the scanned text. */
  index: number;
  /** For `handle` and `profile-handle`: the account name, without the @. */
  handle?: string;
}

export interface DetectOptions {
  /** Regions whose national phone forms count; DEFAULT_PHONE_REGIONS when empty or absent. */
  phoneRegions?: readonly CountryCode[];
}

/** A whole string that is one ISO 8601 date or date-time (a timeline event's `at`, a mention bucket's hour). */
const WHOLE_ISO_DATE_TIME = new RegExp(`^${ISO_DATE_TIME.source}$`);

/**
 * Strings no finding can come from, skipped before the dozen scans: every kind needs an `@`, a
 * `.` or a `:` (addresses, handles, links, IP addresses) or a run of digits (at least seven for a
 * phone, thirteen for a card), and a string that is one date-time is never personal data. A
 * realistic post-mortem has hundreds of front-matter strings and half are timestamps or
 * vocabulary words (`statement`, `high`), so this halves the privacy lint.
 */
function cannotHoldPersonalData(text: string): boolean {
  if (WHOLE_ISO_DATE_TIME.test(text)) return true;
  return !/[@.:]/.test(text) && (text.match(/\d/g)?.length ?? 0) < PHONE_MIN_DIGITS;
}

/** Kinds that win when two findings overlap (a card number is not also a phone number). */
const PRECEDENCE: readonly FindingKind[] = [
  'url-token',
  'share-link',
  'email',
  'profile-handle',
  'card',
  'ip',
  'phone',
  'handle',
];

/**
 * Every e-mail address, phone number, @handle, profile-URL handle, credential in a URL, private
 * share link, payment-card number and IP address in `text`, in text order. Overlapping findings
 * are reported once, as the more specific kind.
 */
export function findPersonalData(text: string, options: DetectOptions = {}): Finding[] {
  if (cannotHoldPersonalData(text)) return [];
  const all: Finding[] = [];
  const add = (kind: FindingKind, match: string, index: number, handle?: string) =>
    all.push({ kind, match, index, ...(handle !== undefined && { handle }) });

  for (const m of text.matchAll(PRIVATE_SHARE_LINK)) add('share-link', m[0], m.index);
  for (const m of text.matchAll(URL_TOKEN)) add('url-token', m[0], m.index);
  for (const m of text.matchAll(EMAIL)) add('email', m[0], m.index);
  for (const m of text.matchAll(PROFILE_URL)) {
    const handle = profileHandle(m);
    if (handle) add('profile-handle', m[0], m.index, handle);
  }
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    // One separator style throughout, as cards are printed (4111 1111 1111 1111 or one run).
    if (/ /.test(m[0]) && /-/.test(m[0])) continue;
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) add('card', m[0], m.index);
  }
  for (const m of text.matchAll(IPV4)) if (!isAnonymousIp(m[0])) add('ip', m[0], m.index);
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    const candidate = m[0];
    if ((candidate.match(/[0-9a-f]/gi)?.length ?? 0) < 4 || !isIPv6(candidate) || isAnonymousIp(candidate)) continue;
    add('ip', candidate, m.index);
  }
  for (const phone of findPhones(text, options.phoneRegions ?? [])) add('phone', phone.match, phone.index);
  for (const m of text.matchAll(HANDLE)) {
    if (!SPECIAL_MENTIONS.has(m[1]!.toLowerCase())) add('handle', m[0], m.index, m[1]);
  }

  const kept: Finding[] = [];
  const rank = (finding: Finding) => PRECEDENCE.indexOf(finding.kind);
  for (const finding of [...all].sort((a, b) => rank(a) - rank(b) || a.index - b.index)) {
    const end = finding.index + finding.match.length;
    const overlaps = kept.some((other) => finding.index < other.index + other.match.length && other.index < end);
    if (!overlaps) kept.push(finding);
  }
  return kept.sort((a, b) => a.index - b.index);
}
