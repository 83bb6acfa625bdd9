import type { Sentiment } from '../../model/mentions.ts';
import type { Platform } from '../../../schema/taxonomy.ts';
import type { ColumnIndex, MentionField } from './columns.ts';
import { readDate, type DateReading } from './dates.ts';
import { isNews, platformOf, readCount, readFlag, readSentiment, sourceName } from './values.ts';

/**
 * The values step of the mentions reader: one CSV row → the figures of one mention, read
 * through the resolved columns. A row without a readable date is an ImportError (readDate);
 * an unreadable sentiment or count only loses that figure, and is counted for the notes.
 */

/** The longest event text. */
const EVENT_TEXT_LIMIT = 2_000;
/** Entry types that answer someone else's post. */
const REPLY_TYPES = /^\s*(reply|comment)\s*$/i;
/** A post that opens with a handle answers it, on X and most platforms (`@kettlefan sorry to hear…`). */
const LEADING_HANDLE = /^@([A-Za-z0-9_]{1,30})\b/;

/**
 * Whose post this one answers: the thread author for a reply entry (Brandwatch); without an
 * entry-type column (Meltwater, Talkwalker…), the handle the text opens with.
 */
function replyTarget(
  hasEntryType: boolean,
  entryType: string | undefined,
  inReplyTo: string | undefined,
  text: string,
): string | undefined {
  if (hasEntryType) return REPLY_TYPES.test(entryType ?? '') ? inReplyTo?.trim().replace(/^@/, '') : undefined;
  return LEADING_HANDLE.exec(text)?.[1];
}

/** What an event is made from: a mention as it will appear on the timeline. */
export interface Snapshot {
  at: Date;
  ref: string;
  text: string;
  /** For brand posts that answer someone: the handle answered (Brandwatch "Thread Author"). */
  repliesTo: string | undefined;
  url: string | undefined;
  author: string | undefined;
  name: string | undefined;
  platform: Platform;
  followers: number | undefined;
  verified: boolean | undefined;
  engagement: number;
  sentiment: Sentiment | undefined;
}

/** The figures of one row that every mention is counted by; `snapshot` builds the rest on demand. */
export interface MentionRow {
  at: Date;
  sentiment: Sentiment | undefined;
  reach: number | undefined;
  engagement: number;
  author: string | undefined;
  platform: Platform;
  /** The name the source is counted under. */
  source: string | undefined;
  /** From a news source: a candidate media pickup. */
  news: boolean;
  snapshot: () => Snapshot;
}

/** Figures we could not read, by what they are: how many, and where the first was. */
export class UnreadableFigures {
  private readonly seen = new Map<string, { count: number; first: string; example: string }>();

  note(what: string, where: string, value: string): void {
    const entry = this.seen.get(what);
    if (entry) entry.count++;
    else this.seen.set(what, { count: 1, first: where, example: value });
  }

  /** One note per kind of unreadable figure. */
  notes(): string[] {
    return [...this.seen].map(
      ([what, entry]) =>
        `${entry.count} row(s) had an unreadable ${what} (first at ${entry.first}: ${JSON.stringify(entry.example.slice(0, 40))}); counted without that figure.`,
    );
  }
}

export interface RowLayout {
  file: string;
  headerCells: string[];
  columns: ColumnIndex;
  /** The zone and day/month order dates are read in; counts the zone-less ones. */
  dates: DateReading;
}

function clip(text: string): string {
  return text.length > EVENT_TEXT_LIMIT ? `${text.slice(0, EVENT_TEXT_LIMIT)}…` : text;
}

/** Reads `record` (one data row at `where`) as a mention, noting unreadable figures in `unreadable`. */
export function readMentionRow(
  record: string[],
  where: string,
  layout: RowLayout,
  unreadable: UnreadableFigures,
): MentionRow {
  const { file, headerCells, columns: cols, dates } = layout;
  const cell = (field: MentionField): string | undefined => {
    const indexes = cols[field];
    if (!indexes) return undefined;
    for (const i of indexes) {
      const value = record[i]!;
      if (value.trim() !== '') return value;
    }
    return undefined;
  };
  const count = (field: MentionField): number | undefined => {
    const value = cell(field);
    const n = readCount(value);
    if (n === null) {
      unreadable.note(`"${headerCells[cols[field]![0]!]}" count`, where, value!);
      return undefined;
    }
    return n;
  };

  const dateIndex = cols.date![0]!;
  const timeIndex = cols.time?.[0];
  const at = readDate(record[dateIndex]!, timeIndex === undefined ? undefined : record[timeIndex], dates, {
    file,
    location: where,
    dateColumn: headerCells[dateIndex]!,
    timeColumn: timeIndex === undefined ? undefined : headerCells[timeIndex],
  });

  const rawSentiment = cell('sentiment');
  let sentiment = readSentiment(rawSentiment);
  if (sentiment === null) {
    unreadable.note(`"${headerCells[cols.sentiment![0]!]}" sentiment`, where, rawSentiment!);
    sentiment = undefined;
  }
  const source = cell('source');
  const site = cell('site');
  const url = cell('url')?.trim();
  const author = cell('author')?.trim().replace(/^@/, '');
  const platform = platformOf(source, site, url);
  const reach = count('reach') ?? count('impressions');
  const engagementFigure = count('engagement');
  const likes = count('likes');
  const shares = count('shares');
  const comments = count('comments');
  const engagement = engagementFigure ?? (likes ?? 0) + (shares ?? 0) + (comments ?? 0);

  return {
    at,
    sentiment,
    reach,
    engagement,
    author,
    platform,
    source: sourceName(source, site, url),
    news: isNews(source),
    snapshot: () => {
      const text = clip((cell('text') ?? cell('title') ?? '').trim());
      return {
        at,
        ref: where,
        text,
        url,
        author,
        name: cell('name')?.trim(),
        platform,
        followers: count('followers'),
        verified: readFlag(cell('verified')),
        engagement,
        sentiment,
        repliesTo: replyTarget(cols.entryType !== undefined, cell('entryType'), cell('inReplyTo'), text),
      };
    },
  };
}
