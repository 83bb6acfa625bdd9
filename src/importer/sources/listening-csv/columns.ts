import { ImportError } from '../../errors.ts';
import { namesFor, type ColumnPreset } from './column-roles.ts';

/**
 * Which CSV column holds which mention field. The names each tool uses are in one table
 * (column-roles.ts), in order of preference; `--map field=Column` overrides.
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

/** Finds the columns in a header row: `preset`'s names, with --map entries taking precedence. */
export function resolveColumns(
  header: string[],
  map: Record<string, string>,
  file: string,
  preset: ColumnPreset,
): ColumnIndex {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeColumnName(cell);
    if (!positions.has(name)) positions.set(name, i);
  });
  const index: ColumnIndex = {};
  for (const field of MENTION_FIELDS) {
    const found = namesFor(field, preset)
      .map((name) => positions.get(name))
      .filter((i): i is number => i !== undefined);
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
