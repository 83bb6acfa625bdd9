import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Info } from 'csv-parse';
import { MentionAccumulator, type Sentiment } from '../../model/mentions.ts';
import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import type { Platform } from '../../../schema/taxonomy.ts';
import { ImportError } from '../../errors.ts';
import type { AdapterOptions, ExportInput } from '../types.ts';
import { describeColumns, mapField, resolveColumns, type ColumnIndex, type MentionField } from './columns.ts';
import { readDate, timeZone, type Zone } from './dates.ts';
import { headText, utf8Decoder } from '../../io/text.ts';
import { csvErrorToImportError } from './csv-errors.ts';
import { isBlankRow, locateHeader, sniffDelimiter } from './header.ts';
import { TopK } from './top-k.ts';
import { isNews, platformOf, readCount, readFlag, readSentiment, sourceName } from './values.ts';

/**
 * Reads a social-listening mentions CSV in one streaming pass: decode → csv-parse → one row at a
 * time into counters. Rows are never kept: memory holds the hourly counters, bounded source
 * counts and a few candidate mentions for events, whatever the file's size.
 *
 * Row policy: a row without a readable date, or with a different number of cells than the header,
 * is an ImportError (it would silently shift the timeline). Unreadable sentiment or count cells
 * only lose that figure: they are counted and reported in `notes`, with the first place seen.
 */

export interface ReadLimits {
  /** Longest record in characters; a file without line breaks fails here instead of filling memory. */
  maxRecordSize: number;
  /** Longest span of the hourly series; beyond it a date is almost certainly wrong. */
  maxSeriesHours: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxRecordSize: 4 * 1024 * 1024,
  maxSeriesHours: 2 * 366 * 24,
};

/** Candidate events kept per list, and the longest event text. */
const CANDIDATES = 5;
const MEDIA_EVENTS = 10;
const BRAND_EVENTS = 200;
const EVENT_TEXT_LIMIT = 2_000;
/** Entry types that answer someone else's post. */
const REPLY_TYPES = /^\s*(reply|comment)\s*$/i;

export interface CsvProfile {
  /** Adapter name, recorded in evidence. */
  adapter: string;
  /** Fixed delimiter; sniffed from the head when absent. */
  delimiter?: string;
}

interface Snapshot {
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

/** A figure we could not read: how many, and where the first was. */
interface Unreadable {
  count: number;
  first: string;
  example: string;
}

function clip(text: string): string {
  return text.length > EVENT_TEXT_LIMIT ? `${text.slice(0, EVENT_TEXT_LIMIT)}…` : text;
}

/** Drops the first `n` bytes of a stream (the preamble before the header row), passing the rest by reference. */
class SkipBytes extends Transform {
  private left: number;

  constructor(n: number) {
    super();
    this.left = n;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.left >= chunk.length) {
      this.left -= chunk.length;
      callback();
      return;
    }
    const rest = this.left > 0 ? chunk.subarray(this.left) : chunk;
    this.left = 0;
    callback(null, rest);
  }
}

export async function readMentionsCsv(
  input: ExportInput,
  options: AdapterOptions,
  profile: CsvProfile,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<PartialIncident> {
  const file = input.path;
  if (input.kind !== 'file') throw new ImportError(file, 'expected a CSV file, got a folder');
  let zone: Zone;
  try {
    zone = timeZone(options.tz);
  } catch {
    throw new ImportError(
      file,
      `--tz ${options.tz}: unknown time zone; expected an IANA name such as Europe/Paris or UTC`,
    );
  }
  const mappedDate = Object.entries(options.map).find(([key]) => mapField(key, file) === 'date')?.[1];
  const brand = new Set(options.brandHandles.map((h) => h.toLowerCase().replace(/^@/, '')));

  const decoder = utf8Decoder(file, input.head, {
    onBytes: (n) => options.onProgress?.(n, input.size),
  });
  const delimiter = profile.delimiter ?? sniffDelimiter(headText(input.head));
  const header = locateHeader(headText(input.head), {
    file,
    delimiter,
    mappedDate,
    truncated: input.head.length < input.size,
  });
  const headerCells = header.cells;
  const columns: ColumnIndex = resolveColumns(headerCells, options.map, file);
  let headerSeen = false;
  let row = 0;
  // Physical lines before the header row; csv-parse counts from the header.
  let prevEnd = header.line - 1;
  let prevEmpty = 0;
  let blankRows = 0;

  const acc = new MentionAccumulator();
  const platforms = new Map<Platform, number>();
  const unreadable = new Map<string, Unreadable>();
  let first: Snapshot | undefined;
  const negative = new TopK<Snapshot>(CANDIDATES);
  const engaged = new TopK<Snapshot>(CANDIDATES);
  const media = new TopK<Snapshot>(MEDIA_EVENTS);
  const brandPosts = new TopK<Snapshot>(BRAND_EVENTS);

  const noteUnreadable = (what: string, where: string, value: string) => {
    const entry = unreadable.get(what);
    if (entry) entry.count++;
    else unreadable.set(what, { count: 1, first: where, example: value });
  };

  const handleRow = (record: string[], info: Info) => {
    const start = prevEnd + 1 + (info.empty_lines - prevEmpty);
    prevEnd = header.line - 1 + info.lines;
    prevEmpty = info.empty_lines;
    if (!headerSeen) {
      // The stream starts at the header row located in the head.
      headerSeen = true;
      return;
    }
    row++;
    const where = `row ${row} (line ${start})`;
    if (record.length !== headerCells.length) {
      if (isBlankRow(record)) {
        blankRows++;
        return;
      }
      throw new ImportError(
        file,
        `${record.length} cells where the header has ${headerCells.length}; expected one cell per column (an unquoted delimiter or line break in a field?)`,
        where,
      );
    }
    const cols = columns;
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
        noteUnreadable(`"${headerCells[cols[field]![0]!]}" count`, where, value!);
        return undefined;
      }
      return n;
    };

    const dateIndex = cols.date![0]!;
    const timeIndex = cols.time?.[0];
    const at = readDate(record[dateIndex]!, timeIndex === undefined ? undefined : record[timeIndex], zone, {
      file,
      location: where,
      dateColumn: headerCells[dateIndex]!,
      timeColumn: timeIndex === undefined ? undefined : headerCells[timeIndex],
    });

    const rawSentiment = cell('sentiment');
    let sentiment = readSentiment(rawSentiment);
    if (sentiment === null) {
      noteUnreadable(`"${headerCells[cols.sentiment![0]!]}" sentiment`, where, rawSentiment!);
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
    platforms.set(platform, (platforms.get(platform) ?? 0) + 1);

    const snapshot = (): Snapshot => ({
      at,
      ref: where,
      text: clip((cell('text') ?? cell('title') ?? '').trim()),
      url,
      author,
      name: cell('name')?.trim(),
      platform,
      followers: count('followers'),
      verified: readFlag(cell('verified')),
      engagement,
      sentiment,
      repliesTo: REPLY_TYPES.test(cell('entryType') ?? '') ? cell('inReplyTo')?.trim().replace(/^@/, '') : undefined,
    });

    if (author !== undefined && brand.has(author.toLowerCase())) {
      // The brand's own posts are its statements, not public mentions of it.
      brandPosts.offer(-at.getTime(), snapshot);
      return;
    }
    acc.add({ at, sentiment, reach, source: sourceName(source, site, url), author });
    if (!first || at < first.at) first = snapshot();
    if (sentiment === 'negative') negative.offer(engagement + (reach ?? 0) / 1e9, snapshot);
    engaged.offer(engagement + (reach ?? 0) / 1e9, snapshot);
    if (isNews(source)) media.offer(-at.getTime(), snapshot);
  };

  // Rows are handled synchronously inside csv-parse (on_record returning null): no per-row
  // object-mode push or async iteration, which would cost more than the handling itself.
  // An error thrown in handleRow comes back out of the pipeline as is.
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: limits.maxRecordSize,
    on_record: (record: string[], info: Info) => {
      handleRow(record, info);
      return null;
    },
  });
  try {
    await pipeline(
      input.open(),
      decoder,
      new SkipBytes(header.offset),
      parser,
      new Writable({ objectMode: true, write: (_row, _encoding, done) => done() }),
    );
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof CsvError) throw csvErrorToImportError(file, error, limits.maxRecordSize);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new ImportError(file, `cannot read the file (${(error as Error).message})`);
    }
    throw error;
  }
  if (acc.spanHours > limits.maxSeriesHours) {
    const range = acc.range!;
    throw new ImportError(
      file,
      `mentions run from ${range.first.toISOString()} to ${range.last.toISOString()}, over ${Math.round(limits.maxSeriesHours / 24)} days; expected one incident's window — check the date column or narrow the export`,
    );
  }

  const notes: string[] = [];
  const label = `${profile.adapter} export`;
  for (const [what, entry] of unreadable) {
    notes.push(
      `${entry.count} row(s) had an unreadable ${what} (first at ${entry.first}: ${JSON.stringify(entry.example.slice(0, 40))}); counted without that figure.`,
    );
  }
  if (blankRows > 0) notes.push(`${blankRows} empty row(s) in the ${label} were skipped.`);
  if (acc.sourcesApproximate) notes.push('Over 2,000 distinct sources: top-source counts are lower bounds.');
  if (media.seen > media.k)
    notes.push(`${media.seen} mentions came from news sources; the earliest ${media.k} are timeline events.`);
  if (brandPosts.seen > brandPosts.k)
    notes.push(
      `${brandPosts.seen} posts by the brand's own accounts; the earliest ${brandPosts.k} are timeline events.`,
    );
  if (!columns.sentiment)
    notes.push(`No sentiment column (found: ${describeColumns(headerCells)}); the negative share is unknown.`);
  if (acc.count === 0) notes.push(`The ${label} has a header but no mention rows.`);

  const mentions = acc.summary();
  const people = new Map<string, Person>();
  const personFor = (s: Snapshot, role: Person['role']): string | undefined => {
    if (!s.author) return undefined;
    const id = `${profile.adapter}:${s.platform}/${s.author.toLowerCase()}`;
    if (!people.has(id)) {
      const person: Person = { id, role, handle: s.author };
      if (s.name) person.name = s.name;
      if (s.verified !== undefined) person.verified = s.verified;
      if (s.followers !== undefined) person.followers = s.followers;
      people.set(id, person);
    }
    return id;
  };
  const event = (
    s: Snapshot,
    kind: IncidentEvent['kind'],
    text: string,
    actor: IncidentEvent['actor'] = 'public',
  ): IncidentEvent => {
    const e: IncidentEvent = {
      at: s.at,
      kind,
      text,
      actor,
      visibility: 'public',
      platform: s.platform,
      evidence: { adapter: profile.adapter, file, ref: s.ref },
    };
    if (s.url) e.link = s.url;
    const actorId = personFor(s, actor === 'brand' ? 'brand' : 'public');
    if (actorId) e.actorId = actorId;
    if (s.engagement > 0) e.signals = { reactions: s.engagement };
    return e;
  };

  const events: IncidentEvent[] = [];
  if (first) events.push(event(first, 'trigger', first.text || 'First mention'));
  if (mentions.peakHour) {
    const bucket = mentions.series.find((b) => b.at.getTime() === mentions.peakHour!.getTime())!;
    events.push({
      at: mentions.peakHour,
      kind: 'metric',
      text: `Peak hour: ${mentions.peakCount} mention${mentions.peakCount === 1 ? '' : 's'} (${bucket.negative} negative, ${bucket.neutral} neutral or unrated, ${bucket.positive} positive) from ${mentions.peakHour.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      actor: 'system',
      visibility: 'public',
      evidence: { adapter: profile.adapter, file, ref: 'hourly mention counts' },
    });
  }
  for (const s of media.values()) events.push(event(s, 'media-pickup', s.text || 'News mention'));
  // Each list snapshots its rows separately: the row reference says which are the same mention.
  const listed = new Set<string>([first, ...media.values()].flatMap((s) => (s ? [s.ref] : [])));
  for (const s of negative.values()) {
    if (listed.has(s.ref) || s.engagement === 0) continue;
    listed.add(s.ref);
    events.push(event(s, 'escalation', s.text));
  }
  for (const s of engaged.values()) {
    if (listed.has(s.ref) || s.engagement === 0) continue;
    events.push(event(s, 'note', `High-engagement mention (${s.engagement} engagements): ${s.text}`));
  }
  for (const s of brandPosts.values()) {
    // A brand reply to someone else is a `reply` to that person (the lesson engine counts them per
    // person); a reply in its own thread continues a statement.
    if (s.repliesTo && !brand.has(s.repliesTo.toLowerCase())) {
      const reply = event(s, 'reply', s.text, 'brand');
      const target = personFor(
        { ...s, author: s.repliesTo, name: undefined, followers: undefined, verified: undefined },
        'public',
      );
      if (target) reply.inReplyToId = target;
      events.push(reply);
    } else {
      events.push(event(s, 'statement', s.text, 'brand'));
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  const result: PartialIncident = {
    adapter: profile.adapter,
    file,
    platforms: [...platforms.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p),
    events,
    people: [...people.values()],
    mentions,
    notes,
  };
  const title = header.preamble.get('Brand') ?? header.preamble.get('Label');
  if (title) result.title = title;
  if (mentions.first) result.started = mentions.first;
  return result;
}
