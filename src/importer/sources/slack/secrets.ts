import { isSecretQueryParam } from '../../../lib/privacy/patterns.ts';

/**
 * Slack exports carry credentials in plain sight: every file's `url_private` ends in
 * `?t=xoxe-…`, a token that opens the workspace's files to whoever holds it. Nothing read from an
 * export may carry one into the output, in a link or in text someone pasted. Which query
 * parameters hold credentials is the shared rule of src/lib/privacy/patterns.ts.
 */

/** Slack tokens: bot, user, app, refresh, export (`xoxb-`, `xoxp-`, `xapp-`, `xoxe-`, `xoxe.xoxp-`…). */
const SLACK_TOKEN = /\b(?:xox[a-z](?:\.xox[a-z])?|xapp)-[A-Za-z0-9-]+/gi;

/** The URL without credential-bearing query parameters (and without a query left empty). */
export function cleanUrl(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url.replace(SLACK_TOKEN, '');
  const hash = url.indexOf('#', query);
  const base = url.slice(0, query);
  const params = url.slice(query + 1, hash === -1 ? undefined : hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const kept = params
    .split('&')
    .filter((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return pair !== '' && !isSecretQueryParam(decodeSafely(name)) && !/xox[a-z]|xapp-/i.test(value);
    })
    .join('&');
  return `${base}${kept ? `?${kept}` : ''}${fragment}`.replace(SLACK_TOKEN, '');
}

/** Free text with every URL cleaned and any stray token replaced by a marker. */
export function withoutSecrets(text: string): string {
  return (
    text
      // Trailing punctuation belongs to the sentence, not the link.
      .replace(/\bhttps?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?]/g, (url) => cleanUrl(url))
      .replace(SLACK_TOKEN, '[token removed]')
  );
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
