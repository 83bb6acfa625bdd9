import { ImportError } from '../../errors.ts';

/**
 * Which CSV column holds which mention field. Vendors rename columns over time (Brandwatch's
 * `Twitter Followers` became `X Followers`, `Twitter Retweets` became `X Reposts`), so each
 * field lists every name we know, in order of preference; `--map field=Column` overrides.
 */

export const MENTION_FIELDS = [
  'date',
  'time',
  'text',
  'title',
  'sentiment',
  'author',
  'name',
  'url',
  'reach',
  'impressions',
  'source',
  'site',
  'followers',
  'verified',
  'likes',
  'shares',
  'comments',
  'engagement',
  'id',
  'entryType',
  'inReplyTo',
] as const;
export type MentionField = (typeof MENTION_FIELDS)[number];

/** Other words accepted on the left of --map. */
const FIELD_ALIASES: Record<string, MentionField> = {
  platform: 'source',
  'page-type': 'source',
  domain: 'site',
  handle: 'author',
  link: 'url',
  body: 'text',
  content: 'text',
  timestamp: 'date',
  datetime: 'date',
  'entry-type': 'entryType',
  'in-reply-to': 'inReplyTo',
};

/** Known column names per field (lowercase), most specific first. */
export const COLUMN_NAMES: Record<MentionField, string[]> = {
  date: ['date', 'published', 'published date', 'created at', 'created_at', 'timestamp', 'datetime'],
  time: ['time'],
  // Per row the first non-empty one wins: Brandwatch leaves Full Text empty for some sources.
  text: ['full text', 'hit sentence', 'snippet', 'opening text', 'text', 'content', 'message', 'body'],
  title: ['title', 'headline'],
  sentiment: ['sentiment', 'tone'],
  author: ['author', 'author handle', 'x screen name', 'twitter screen name', 'screen name', 'username', 'handle'],
  name: ['full name', 'author name', 'x name', 'twitter name', 'name'],
  url: ['url', 'link', 'permalink', 'original url'],
  reach: ['reach (new)', 'reach', 'potential reach', 'estimated reach'],
  impressions: ['impressions', 'views', 'x impressions', 'twitter impressions'],
  source: ['page type', 'information type', 'source type', 'media type', 'platform', 'source', 'channel'],
  site: ['domain', 'source domain', 'source name', 'site', 'publication'],
  followers: ['x followers', 'twitter followers', 'author followers', 'followers'],
  verified: ['x verified', 'twitter verified', 'verified'],
  likes: ['likes', 'x likes', 'twitter likes', 'facebook likes', 'favorites'],
  shares: ['shares', 'x reposts', 'twitter retweets', 'reposts', 'retweets'],
  comments: ['comments', 'x replies', 'twitter replies', 'replies'],
  engagement: ['engagement', 'total engagement', 'engagements'],
  id: ['mention id', 'document id', 'resource id', 'id'],
  // Brandwatch: whether a mention is a post, reply or share, and whose thread it is in.
  entryType: ['thread entry type', 'entry type', 'post type'],
  inReplyTo: ['thread author', 'in reply to', 'reply to'],
};

/** Header cells that mark a Brandwatch Bulk Mentions Download. */
export const BRANDWATCH_SIGNATURE = [
  'query id',
  'query name',
  'mention id',
  'resource id',
  'page type',
  'full text',
  'thread entry type',
  'thread author',
  'reach (new)',
  'x followers',
  'twitter followers',
];

/** Header cells that mark a Meltwater export. */
export const MELTWATER_SIGNATURE = [
  'document id',
  'input name',
  'hit sentence',
  'opening text',
  'information type',
  'source type',
  'source name',
  'source domain',
  'author handle',
];

export function normalizeColumnName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** For each field, the header indexes to try, in preference order. */
export type ColumnIndex = Partial<Record<MentionField, number[]>>;

/** The field a --map key names, or an ImportError listing the fields. */
export function mapField(key: string, file: string): MentionField {
  const k = key.trim().toLowerCase();
  if ((MENTION_FIELDS as readonly string[]).includes(k)) return k as MentionField;
  const alias = FIELD_ALIASES[k];
  if (alias) return alias;
  throw new ImportError(
    file,
    `--map ${key}=…: unknown field "${key}"; expected one of ${MENTION_FIELDS.join(', ')} (or platform for source)`,
  );
}

/** Finds the columns in a header row: known names, with --map entries taking precedence. */
export function resolveColumns(header: string[], map: Record<string, string>, file: string): ColumnIndex {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeColumnName(cell);
    if (!positions.has(name)) positions.set(name, i);
  });
  const index: ColumnIndex = {};
  for (const field of MENTION_FIELDS) {
    const found = COLUMN_NAMES[field].map((name) => positions.get(name)).filter((i): i is number => i !== undefined);
    if (found.length > 0) index[field] = found;
  }
  for (const [key, column] of Object.entries(map)) {
    const field = mapField(key, file);
    const i = positions.get(normalizeColumnName(column));
    if (i === undefined) {
      throw new ImportError(
        file,
        `--map ${key}=${column}: there is no column "${column}"; found columns: ${describeColumns(header)}`,
        'header',
      );
    }
    index[field] = [i];
  }
  return index;
}

/** The header's cells for messages, shortened when there are many. */
export function describeColumns(cells: string[]): string {
  const shown = cells.slice(0, 30).map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 40)}…` : c));
  return cells.length === 0 ? '(none)' : `${shown.join(', ')}${cells.length > 30 ? ` … (${cells.length} in all)` : ''}`;
}
