/**
 * What counts as personal data or a secret in free text. One set of patterns, used by the
 * importer's redaction and by `npm run check`'s privacy lint, so both agree on what they see.
 * Each regex is global; reset `lastIndex` (or use `matchAll`/`replace`) when reusing one.
 */

/** E-mail addresses. */
export const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

/**
 * Phone numbers: an optional +country code, then 8 to 15 digits with the usual separators.
 * Dates (2025-03-14), times and ISO timestamps are excluded by requiring a digit run pattern
 * that calendars do not produce, and by the lookarounds.
 */
export const PHONE =
  /(?<![\w/.:-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}(?![\w/.:-])/g;

/** @handles as used on X, Instagram, TikTok, Threads, Bluesky (the part after @ is captured). */
export const HANDLE = /(?<![\w@./])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,48}[A-Za-z0-9_])?)/g;

/**
 * Secrets that ride along in exported URLs: Slack `?t=xox…` file tokens, OAuth-style
 * `access_token=`, `token=`, `key=`, `signature=`/`sig=` query parameters.
 */
export const URL_TOKEN =
  /\b(?:xox[abposer]-[A-Za-z0-9-]+|[?&](?:t|token|access_token|api_key|key|sig|signature|auth)=[^\s&#"'<>]+)/gi;

/** True if a string of digits looks like a phone number rather than a date, an id or a time. */
export function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(candidate.trim())) return false;
  return true;
}

export interface Finding {
  kind: 'email' | 'phone' | 'handle' | 'url-token';
  /** The text found. */
  match: string;
  /** Offset in the scanned text. */
  index: number;
}

/** Every e-mail, phone number, @handle and URL token in `text`. */
export function findPersonalData(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(EMAIL)) findings.push({ kind: 'email', match: m[0], index: m.index });
  for (const m of text.matchAll(URL_TOKEN)) findings.push({ kind: 'url-token', match: m[0], index: m.index });
  for (const m of text.matchAll(PHONE)) {
    if (looksLikePhone(m[0])) findings.push({ kind: 'phone', match: m[0], index: m.index });
  }
  const withoutEmails = text.replace(EMAIL, (email) => ' '.repeat(email.length));
  for (const m of withoutEmails.matchAll(HANDLE)) findings.push({ kind: 'handle', match: m[0], index: m.index });
  return findings.sort((a, b) => a.index - b.index);
}
