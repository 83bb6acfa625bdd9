import type { MentionField } from './columns.ts';

/**
 * The one table of column roles: which header names hold which mention field, per listening
 * tool. Tools disagree on what a name means — Meltwater's "Twitter Screen Name" holds the
 * display name (its @handle is in "Influencer"), where for X itself a screen name is the
 * handle — so a tool's own names come first and override the generic meaning. Names are
 * compared lowercased, with runs of white space as one space.
 *
 * Where each tool's names come from (see test/fixtures/listening/ORIGIN.md for the fixtures):
 * - brandwatch: Bulk Mentions Download CSVs and Brandwatch's "Mention Field Definitions"; old
 *   exports say `Twitter …` where new ones say `X …`.
 * - meltwater: the Explore/Media Intelligence export (`Date, Headline, URL, Opening Text, Hit
 *   Sentence, Source, Influencer, …, Twitter Screen Name, …, Alternate Date Format, Time`) as
 *   public parsers of it read it, and the older "Author Handle"/"Author Name" layout.
 * - talkwalker: the flattened document export (`published`, `content`, `source_type`,
 *   `extra_author_attributes.short_name` / `.name`, `extra_source_attributes.name`, `reach`,
 *   `engagement`), as public parsers of Talkwalker exports read it.
 * - sprout: Sprout Social's Listening messages export, from its help pages (not checked against
 *   a real file: say so when one disagrees).
 * - brand24: Brand24's mentions export (`Date`, `Hour`, `Content`, `Domain`, `Influence Score`…),
 *   from its help pages (not checked against a real file).
 */

export const LISTENING_TOOLS = ['brandwatch', 'meltwater', 'talkwalker', 'sprout', 'brand24'] as const;
export type ListeningTool = (typeof LISTENING_TOOLS)[number];
/** `csv`: a tool we have no preset for, read by generic names and --map. */
export type ColumnPreset = ListeningTool | 'csv';

type Names = Partial<Record<MentionField, string[]>>;

/** Names any tool may use, most specific first. A screen name here is a handle, as on X. */
export const GENERIC_COLUMNS: Required<Names> = {
  date: ['date', 'published', 'published date', 'created at', 'created_at', 'timestamp', 'datetime'],
  time: ['time', 'hour'],
  // Per row the first non-empty one wins: Brandwatch leaves Full Text empty for some sources.
  text: ['full text', 'hit sentence', 'snippet', 'opening text', 'text', 'content', 'message', 'body'],
  title: ['title', 'headline'],
  sentiment: ['sentiment', 'tone'],
  author: ['author', 'author handle', 'x screen name', 'screen name', 'username', 'handle'],
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

/** Each tool's own names, tried before the generic ones; a name listed here means only this. */
export const TOOL_COLUMNS: Record<ListeningTool, Names> = {
  brandwatch: {
    author: ['author'],
    name: ['full name'],
    followers: ['x followers', 'twitter followers'],
    shares: ['x reposts', 'twitter retweets', 'shares'],
    comments: ['x replies', 'twitter replies', 'comments'],
    verified: ['x verified', 'twitter verified'],
  },
  meltwater: {
    // "Influencer" holds the @handle; "Twitter Screen Name" the display name.
    author: ['influencer', 'author handle'],
    name: ['twitter screen name', 'author name'],
    text: ['hit sentence', 'opening text'],
    title: ['headline', 'title'],
    site: ['source', 'source name', 'source domain'],
    source: ['information type', 'source type', 'media type', 'content type'],
    followers: ['twitter followers'],
    id: ['tweet id', 'document id'],
    time: ['time'],
  },
  talkwalker: {
    date: ['published'],
    author: ['extra_author_attributes.short_name'],
    name: ['extra_author_attributes.name'],
    site: ['extra_source_attributes.name', 'domain_url'],
    source: ['source_type'],
    text: ['content'],
  },
  sprout: {
    text: ['message'],
    author: ['author handle', 'sender screen name', 'screen name'],
    name: ['author', 'author name', 'sender name'],
    source: ['network'],
    url: ['link', 'permalink', 'message url'],
    impressions: ['potential impressions', 'impressions'],
    engagement: ['engagements'],
    followers: ['author followers', 'followers'],
  },
  brand24: {
    time: ['hour'],
    text: ['content'],
    site: ['domain'],
    source: ['source'],
    author: ['author'],
    followers: ['followers'],
  },
};

/**
 * Header names that mark a tool's export: a header row with the tool's date column and at
 * least `min` of these is that tool's. Chosen to be names no other tool uses together.
 */
export const TOOL_SIGNATURES: Record<ListeningTool, { names: string[]; min: number }> = {
  brandwatch: {
    names: [
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
    ],
    min: 3,
  },
  meltwater: {
    names: [
      'document id',
      'input name',
      'hit sentence',
      'opening text',
      'information type',
      'source type',
      'source name',
      'source domain',
      'author handle',
      'influencer',
      'twitter screen name',
      'alternate date format',
      'key phrases',
      'ave',
      'twitter social echo',
    ],
    min: 3,
  },
  talkwalker: {
    names: [
      'extra_author_attributes.name',
      'extra_author_attributes.short_name',
      'extra_source_attributes.name',
      'source_type',
      'lang',
      'engagement',
      'reach',
    ],
    min: 3,
  },
  sprout: {
    names: ['network', 'message', 'potential impressions', 'engagements', 'sender screen name', 'author handle'],
    min: 3,
  },
  brand24: {
    names: ['hour', 'content', 'domain', 'influence score', 'source', 'author'],
    min: 4,
  },
};

/** The names to look for, for `field` under `preset`: the tool's own, then generic ones it does not claim for another field. */
export function namesFor(field: MentionField, preset: ColumnPreset): string[] {
  if (preset === 'csv') return GENERIC_COLUMNS[field];
  const own = TOOL_COLUMNS[preset];
  const claimedElsewhere = new Set(
    Object.entries(own)
      .filter(([other]) => other !== field)
      .flatMap(([, names]) => names),
  );
  const mine = own[field] ?? [];
  return [...mine, ...GENERIC_COLUMNS[field].filter((name) => !mine.includes(name) && !claimedElsewhere.has(name))];
}

/** The tool whose signature a header row (normalized names) carries, or undefined. */
export function toolOfHeader(names: readonly string[]): ListeningTool | undefined {
  let best: { tool: ListeningTool; hits: number } | undefined;
  for (const tool of LISTENING_TOOLS) {
    if (!namesFor('date', tool).some((name) => names.includes(name))) continue;
    const { names: signature, min } = TOOL_SIGNATURES[tool];
    const hits = signature.filter((name) => names.includes(name)).length;
    if (hits >= min && (!best || hits > best.hits)) best = { tool, hits };
  }
  return best?.tool;
}
