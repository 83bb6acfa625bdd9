/**
 * An Atom 1.0 feed (RFC 4287) of published post-mortems, written by hand: it is a few elements,
 * and every piece of text from a post-mortem goes through `xml()`, so nothing in it is markup.
 */
export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  summary: string;
  /** When the entry last changed in substance (the incident's resolution). */
  updated: Date;
  /** When the incident began. */
  published: Date;
  categories: readonly { term: string; label: string }[];
}

export interface Feed {
  title: string;
  subtitle: string;
  /** The feed's own address. */
  self: string;
  /** The page it mirrors (the library). */
  home: string;
  author: string;
  entries: readonly FeedEntry[];
  /** When the feed was generated, used as its `updated` when it has no entries. */
  generated: Date;
}

/** Whether XML 1.0 can carry this character at all, even escaped (no C0 controls but tab, LF, CR). */
function allowedInXml(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
}

export function xml(value: string): string {
  return [...value]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function atomFeed(feed: Feed): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(feed.title)}</title>`,
    `  <subtitle>${xml(feed.subtitle)}</subtitle>`,
    `  <id>${xml(feed.self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(feed.home)}"/>`,
    `  <updated>${stamp(feed.entries.length ? updated : feed.generated)}</updated>`,
    `  <author><name>${xml(feed.author)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xml(entry.url)}</id>`,
      `    <title type="text">${xml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(entry.url)}"/>`,
      `    <published>${stamp(entry.published)}</published>`,
      `    <updated>${stamp(entry.updated)}</updated>`,
      `    <summary type="text">${xml(entry.summary)}</summary>`,
      ...entry.categories.map((c) => `    <category term="${xml(c.term)}" label="${xml(c.label)}"/>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
