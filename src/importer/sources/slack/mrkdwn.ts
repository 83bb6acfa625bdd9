import { cleanUrl } from './secrets.ts';

/**
 * Slack's `mrkdwn` as stored in exports, decoded to plain text a person can read:
 * `&lt;` `&gt;` `&amp;` are the only escapes; `<…>` holds mentions, channel links, special
 * mentions and links (https://api.slack.com/reference/surfaces/formatting#retrieving-messages).
 * Emphasis markers (`*bold*`, `_italic_`, backticks) are left as typed: they read fine as text.
 */

export interface MrkdwnNames {
  /** The name of a user id, or undefined when the export does not know it. */
  user(id: string): string | undefined;
  /** The name of a channel id, or undefined. */
  channel(id: string): string | undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&' };

const SPECIAL_MENTIONS: Record<string, string> = {
  here: '@here',
  channel: '@channel',
  everyone: '@everyone',
  group: '@group',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp);/g, (_, name: string) => ENTITIES[name]!);
}

export function decodeMrkdwn(text: string, names: MrkdwnNames): string {
  return text.replace(/<([^<>\n]*)>|&(lt|gt|amp);/g, (whole, inner: string | undefined, entity: string | undefined) => {
    if (entity) return ENTITIES[entity]!;
    return decodeToken(inner ?? '', names) ?? whole;
  });
}

/** One `<…>` token, or undefined to leave it as written. */
function decodeToken(inner: string, names: MrkdwnNames): string | undefined {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decodeEntities(inner.slice(bar + 1));

  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names.user(id);
    return `@${name ?? label ?? id}`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `#${label ?? names.channel(id) ?? id}`;
  }
  if (target.startsWith('!')) {
    const command = target.slice(1);
    const special = SPECIAL_MENTIONS[command];
    if (special) return special;
    // `<!subteam^S123|@oncall>`, `<!date^1392734382^{date_short}|Feb 18, 2014>`: the label is
    // what Slack shows; without one, name the kind of token rather than show its raw syntax.
    if (label) return label;
    if (command.startsWith('subteam^')) return '@group';
    return undefined;
  }
  // Slack escapes every literal `<`, so anything else between brackets is a link with a scheme.
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(target)) return undefined;

  const url = cleanUrl(decodeEntities(target));
  if (url.startsWith('mailto:')) return label ?? url.slice('mailto:'.length);
  if (!label || sameLink(label, url)) return url;
  return `${label} (${url})`;
}

/** Slack often labels a link with the link itself (`<http://x.com|x.com>`). */
function sameLink(label: string, url: string): boolean {
  const bare = (text: string) => text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/$/, '');
  return bare(label) === bare(url);
}
