import type { Sentiment } from '../../model/mentions.ts';
import type { Platform } from '../../../schema/taxonomy.ts';

/** Cell values of listening exports: sentiment words, counts with separators, platform names. */

/** Blank-ish sentiment: the tool did not rate this mention. */
const UNRATED = new Set(['', 'not rated', 'unrated', 'unknown', 'n/a', 'na', 'none', '-']);

/**
 * positive/neutral/negative (any case, Meltwater capitalizes), or a signed score. Undefined for
 * unrated mentions; null for a value we do not recognize (counted into notes by the caller).
 */
export function readSentiment(value: string | undefined): Sentiment | undefined | null {
  const v = (value ?? '').trim().toLowerCase();
  if (UNRATED.has(v)) return undefined;
  if (v.startsWith('neg')) return 'negative';
  if (v.startsWith('pos')) return 'positive';
  if (v.startsWith('neu')) return 'neutral';
  if (/^[-+]?\d+(\.\d+)?$/.test(v)) {
    const score = Number(v);
    return score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';
  }
  return null;
}

/** "1,500", "1 500", "3400": a non-negative count. Undefined when blank; null when unreadable. */
export function readCount(value: string | undefined): number | undefined | null {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  const digits = v.replace(/[,\s\u00a0\u202f']/g, '');
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  return Number(digits);
}

export function readFlag(value: string | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'verified'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return undefined;
}

const NEWS = /\b(news|press|print|broadcast|tv|radio|magazine|newspaper)/;

/** True when the source kind says this is news media (Brandwatch page type "news", Meltwater "News"/"Online News"). */
export function isNews(source: string | undefined): boolean {
  return source !== undefined && NEWS.test(source.toLowerCase());
}

const PLATFORM_NAMES: [RegExp, Platform][] = [
  [/^(x|twitter)$|(^|\.)(x|twitter)\.com$/, 'x'],
  [/facebook|^fb$/, 'facebook'],
  [/instagram/, 'instagram'],
  [/tiktok/, 'tiktok'],
  [/youtube|youtu\.be/, 'youtube'],
  [/linkedin/, 'linkedin'],
  [/reddit/, 'reddit'],
  [/threads/, 'threads'],
  [/bluesky|bsky/, 'bluesky'],
  [/review|trustpilot|yelp|tripadvisor/, 'review-sites'],
];

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(url.trim());
  return m?.[1]?.toLowerCase();
}

/** The platform a mention is on, from the source kind, the site name, then the URL's host. */
export function platformOf(source: string | undefined, site: string | undefined, url: string | undefined): Platform {
  if (isNews(source)) return 'news-media';
  for (const value of [source, site, hostOf(url)]) {
    const v = value?.trim().toLowerCase();
    if (!v) continue;
    for (const [pattern, platform] of PLATFORM_NAMES) if (pattern.test(v)) return platform;
  }
  return 'other';
}

/** The name a mention's source is counted under: the site if the export names one, else the kind, else the URL host. */
export function sourceName(
  source: string | undefined,
  site: string | undefined,
  url: string | undefined,
): string | undefined {
  return site?.trim().toLowerCase() || source?.trim().toLowerCase() || hostOf(url);
}
