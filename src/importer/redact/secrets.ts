import { PRIVATE_SHARE_LINK, URL_TOKEN } from '../../lib/privacy/patterns.ts';

/**
 * What is removed even with --no-redact: URL tokens and private share links grant access
 * rather than name someone, so keeping them is never the author's choice.
 */

const REMOVED_LINK = '[private link removed]';

/** Private share links (Dropbox, Google Drive and Docs, Slack private files) replaced by a marker. */
export function removeShareLinks(text: string): string {
  return text.replace(PRIVATE_SHARE_LINK, REMOVED_LINK);
}

/** Removes secrets from text; done even with --no-redact, because tokens are never personal choice. */
export function removeUrlTokens(text: string): string {
  return text.replace(URL_TOKEN, (match) => {
    const param = /^([?&][A-Za-z_-]+=)/.exec(match);
    return param ? `${param[1]}[token removed]` : '[token removed]';
  });
}

/**
 * Whether a link must not be published at all: a link with a token is a secret (fixing it up
 * would still leak where it points), and a private share link opens the file to whoever has it.
 */
export function isSecretLink(url: string): boolean {
  return new RegExp(URL_TOKEN.source, 'i').test(url) || new RegExp(PRIVATE_SHARE_LINK.source, 'i').test(url);
}
