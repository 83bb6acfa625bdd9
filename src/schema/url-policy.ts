import { decodeHTMLStrict } from 'entities';
import { z } from 'zod';

/**
 * The one rule for every link target a page may carry: in rendered Markdown (links, images,
 * reference definitions, autolinks), in every front-matter link field and in what the importer
 * writes. Allowed: `http(s)://` links to another site, `mailto:`, in-page `#anchors` and paths
 * on this site (`/playbook/…`, `../x`). Everything else is refused: `javascript:`, `data:`,
 * `vbscript:`, protocol-relative `//host`, backslash tricks (`/\host`, which browsers read as
 * `//host`), and any URL hiding control, invisible or bidirectional characters.
 *
 * The verdict comes from the WHATWG URL parser, the same algorithm browsers use, so entity,
 * case and whitespace tricks are judged by what a browser would actually follow.
 */

/** What a contributor is told a link may be. */
export const URL_POLICY_MESSAGE = 'links may be http(s)://…, mailto:… or a path on this site (/playbook/…)';

/** A base no real site has: a relative link that resolves off it leaves this site. */
const SITE = new URL('https://firebreak.invalid/site/page/');

/** C0 and C1 controls, DEL, and the invisible and bidirectional marks (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Why a link target is refused, or `undefined` when it is allowed. `url` is the target as the
 * author wrote it; HTML character references in it are decoded first, so `&#106;avascript:` is
 * judged as the `javascript:` it turns into.
 */
export function urlRefusal(url: string): string | undefined {
  const written = url.trim();
  const decoded = written.includes('&') ? decodeHTMLStrict(written) : written;
  for (const candidate of decoded === written ? [written] : [written, decoded]) {
    const reason = refusalOf(candidate);
    if (reason) return reason;
  }
  return undefined;
}

/** True when `url` may be a link target on a page. */
export function isAllowedUrl(url: string): boolean {
  return urlRefusal(url) === undefined;
}

function refusalOf(url: string): string | undefined {
  const hidden = HIDDEN_CHARACTER.exec(url);
  if (hidden) {
    const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `the link hides an invisible or control character (U+${code})`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url, SITE);
  } catch {
    return 'not a valid link';
  }
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'mailto') return undefined;
  if (scheme === 'http' || scheme === 'https') {
    // `http:foo` (no `//`) is a relative link in disguise; a real web link names its host.
    if (!/^https?:\/\//i.test(url.replace(/\\/g, '/')) || parsed.hostname === '') return 'a web link needs a host';
    return undefined;
  }
  if (scheme !== undefined) return `"${scheme}:" links are not allowed`;
  if (parsed.origin !== SITE.origin) return 'a link starting with // (or /\\) leads to another site: write https://';
  return undefined;
}

/** Message for a refused link, as the check and the schemas report it. */
export function urlRefusalMessage(reason: string): string {
  return `${reason}; ${URL_POLICY_MESSAGE}`;
}

/** Adds the policy's refusal, if any, as a zod issue: the one way schemas apply it. */
export function refuseDisallowedUrl(value: string, ctx: z.RefinementCtx): void {
  const reason = urlRefusal(value);
  if (reason) ctx.addIssue({ code: 'custom', message: urlRefusalMessage(reason) });
}

/** A front-matter link field: any target the policy allows. */
export const linkUrl = z.string().trim().superRefine(refuseDisallowedUrl);

/** A link to another site: `http(s)://` only, and allowed by the policy. */
export const WEB_URL = /^https?:\/\/\S+$/i;
export const WEB_URL_MESSAGE = 'expected an http(s):// link';

/** The policy for a value already known to look like a web link (one message per mistake). */
export function refuseDisallowedWebUrl(value: string, ctx: z.RefinementCtx): void {
  if (WEB_URL.test(value)) refuseDisallowedUrl(value, ctx);
}

/**
 * A web-link field. The shape is a `.regex()`, not part of the refinement, so the generated JSON
 * Schemas carry it as a `pattern` an editor can check while typing; the policy then refuses what
 * only a URL parser sees.
 */
export const webUrl = z.string().trim().regex(WEB_URL, WEB_URL_MESSAGE).superRefine(refuseDisallowedWebUrl);
