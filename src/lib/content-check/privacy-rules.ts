import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import { DEFAULT_PHONE_REGIONS, findPersonalData, isPhoneRegion, type Finding } from '../privacy/patterns.ts';
import { eachFrontmatterString, lineOfIndex } from './strings.ts';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';
import { issuePath } from '../zod-issues.ts';

/**
 * The privacy lint's rules, without the file system: the check runs them on every file (with the
 * allowlist read by ./privacy.ts), the contribute form in the browser (with the allowlist the
 * page was built with).
 */

/** Handles, e-mail domains and phone numbers that may appear in published pages; see the file's header. */
export const PRIVACY_ALLOWLIST_FILE = 'content/privacy-allowlist.yaml';

export const allowlistFileSchema = z
  .object({
    /** Accounts that are public by nature (the brand's own, media outlets, public figures), with or without the @. */
    handles: z
      .array(
        z
          .string()
          .trim()
          .regex(/^@?[A-Za-z0-9_.-]+$/, 'expected a handle such as @firebreak'),
      )
      .default([]),
    /** Domains whose addresses are public or fictional (example.com); subdomains are included. */
    emailDomains: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'expected a domain such as example.com'),
      )
      .default([]),
    /** Public numbers (a customer-service line), compared by their digits only. */
    phones: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    /**
     * Regions (ISO 3166 codes such as GB, US, DE) whose national phone forms are recognised,
     * e.g. `07700 900123` for GB. International forms (+44…, 0049…) are recognised for every
     * region regardless. Default: GB and US (DEFAULT_PHONE_REGIONS in src/lib/privacy/patterns.ts).
     */
    phoneRegions: z
      .array(
        z.string().trim().toUpperCase().refine(isPhoneRegion, 'expected a two-letter region code such as GB, US or DE'),
      )
      .default([]),
  })
  .strict();

/** The allowlist in the form the lint compares against. */
export interface PrivacyAllowlist {
  /** Lowercased handles without the @. */
  handles: ReadonlySet<string>;
  /** Lowercased domains. */
  emailDomains: readonly string[];
  /** Digits only. */
  phones: ReadonlySet<string>;
  /** Regions whose national phone forms count. */
  phoneRegions: readonly CountryCode[];
}

export const EMPTY_ALLOWLIST: PrivacyAllowlist = {
  handles: new Set(),
  emailDomains: [],
  phones: new Set(),
  phoneRegions: DEFAULT_PHONE_REGIONS,
};

export function toAllowlist(input: z.input<typeof allowlistFileSchema>): PrivacyAllowlist {
  const data = allowlistFileSchema.parse(input);
  return {
    handles: new Set(data.handles.map((handle) => handle.replace(/^@/, '').toLowerCase())),
    emailDomains: data.emailDomains.map((domain) => domain.toLowerCase()),
    phones: new Set(data.phones.map((phone) => phone.replace(/\D/g, ''))),
    phoneRegions: data.phoneRegions.length > 0 ? (data.phoneRegions as CountryCode[]) : DEFAULT_PHONE_REGIONS,
  };
}

/** What the lint needs of a content file. */
export type PrivacyEntry = Pick<RawEntry, 'file' | 'data' | 'lineOf' | 'body' | 'bodyLine'>;

/**
 * Personal data and secrets in post-mortems and playbook pages: e-mail addresses, phone numbers,
 * @handles and handles in profile links that are not on the allowlist, payment-card numbers, IP
 * addresses, credentials in URLs and private share links, in every front-matter string
 * (reported at the line of its key) and in the body (at its own line). Errors once an entry is
 * in review or published (playbook pages have no status: they are always published), warnings
 * while it is a draft, so a draft can be written from raw notes and cleaned before review.
 */
export function lintPrivacy(entries: readonly PrivacyEntry[], allowlist: PrivacyAllowlist): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const level: Problem['level'] = entry.data['status'] === 'draft' ? 'warning' : 'error';
    eachFrontmatterString(entry.data, (text, path) => {
      for (const finding of reportable(text, allowlist)) {
        const line = entry.lineOf(path);
        problems.push({
          file: entry.file,
          field: issuePath(path),
          level,
          message: describe(finding),
          ...(line ? { line } : {}),
        });
      }
    });
    const findings = reportable(entry.body, allowlist);
    if (findings.length === 0) continue;
    for (const finding of findings) {
      const line = entry.bodyLine + lineOfIndex(entry.body, finding.index) - 1;
      problems.push({ file: entry.file, line, field: 'body', level, message: describe(finding) });
    }
  }
  return problems;
}

function reportable(text: string, allowlist: PrivacyAllowlist): Finding[] {
  return findPersonalData(text, { phoneRegions: allowlist.phoneRegions }).filter(
    (finding) => !isAllowed(finding, allowlist),
  );
}

function isAllowed(finding: Finding, allowlist: PrivacyAllowlist): boolean {
  switch (finding.kind) {
    case 'email': {
      const domain = finding.match.slice(finding.match.lastIndexOf('@') + 1).toLowerCase();
      return allowlist.emailDomains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
    }
    case 'handle':
      // `@person-3` is a pseudonym written by `npm run import`'s redaction (src/importer/redact.ts).
      if (/^@person-\d+$/.test(finding.match)) return true;
      return allowlist.handles.has(finding.match.replace(/^@/, '').toLowerCase());
    case 'profile-handle':
      // `x.com/person-3` is how the importer's redaction writes a pseudonym into a link.
      return /^person-\d+$/.test(finding.handle ?? '') || allowlist.handles.has((finding.handle ?? '').toLowerCase());
    case 'card':
    case 'ip':
    case 'share-link':
      return false;
    case 'phone':
      // "12 000 000 views" is a number written with thousands separators, not a phone number.
      return allowlist.phones.has(finding.match.replace(/\D/g, '')) || /^\d{1,3}(?:[ .,]\d{3})+$/.test(finding.match);
    case 'url-token':
      // `?t=90` and `&t=1m30s` are video timestamps (YouTube, Vimeo), not tokens.
      return /^[?&]t=[\dhms]+$/i.test(finding.match);
  }
}

const MASK = '•••';

/** What was found and what to do, with the value partly masked so CI logs do not repeat it. */
function describe(finding: Finding): string {
  const { match } = finding;
  switch (finding.kind) {
    case 'email': {
      const at = match.lastIndexOf('@');
      return `e-mail address "${match.slice(0, Math.min(2, at))}${MASK}${match.slice(at)}": write the role instead ("a customer"); if the address is public or fictional, add its domain to emailDomains in ${PRIVACY_ALLOWLIST_FILE}`;
    }
    case 'phone':
      return `phone number "${match.replace(/\d(?=(?:\D*\d){2})/g, '•')}": remove it; a public number (a hotline) goes in phones in ${PRIVACY_ALLOWLIST_FILE}`;
    case 'handle':
      return `handle "${match}" is not on the allowlist: name the role instead ("a customer", "a creator with a large audience"); brand and public accounts go in handles in ${PRIVACY_ALLOWLIST_FILE}`;
    case 'profile-handle':
      return `profile link names "@${finding.handle ?? ''}", which is not on the allowlist: link to the post of a public account instead, or describe it ("a customer's post"); brand and public accounts go in handles in ${PRIVACY_ALLOWLIST_FILE}`;
    case 'url-token': {
      const equals = match.indexOf('=');
      const shown = equals === -1 ? `${match.slice(0, 7)}${MASK}` : `${match.slice(0, equals + 3)}${MASK}`;
      return `link carries a token ("${shown}"): remove that part of the URL; a token gives access to whoever reads it`;
    }
    case 'share-link': {
      const host = /^(?:https?:\/\/)?([^/]+)/i.exec(match)?.[1] ?? '';
      return `private share link ("${host}/${MASK}"): remove it; whoever has the link can open the file`;
    }
    case 'card':
      return `payment-card number "${match.replace(/\d(?=(?:\D*\d){4})/g, '•')}": remove it; never publish a card number, even a partial one`;
    case 'ip': {
      const first = /^[0-9a-f]+/i.exec(match)?.[0] ?? '';
      return `IP address "${first}${match.includes(':') ? ':' : '.'}${MASK}": remove it; an address can identify a person or expose a system`;
    }
  }
}
