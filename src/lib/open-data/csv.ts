import type { OpenPostmortem } from './record.ts';

/**
 * The open data as one CSV row per post-mortem (RFC 4180: comma-separated, CRLF line ends,
 * fields with a comma, quote or line break in double quotes). Lists are joined with "; ".
 * Text from post-mortems stays inert in a spreadsheet: a cell that would start with = + - @ or a
 * tab (a formula, for Excel or Sheets) gets a leading apostrophe.
 */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'status',
  'example',
  'severity',
  'crisisType',
  'scct',
  'platforms',
  'origin',
  'detectionSource',
  'started',
  'detected',
  'firstResponse',
  'resolved',
  'toDetectMinutes',
  'toFirstResponseMinutes',
  'toResolveMinutes',
  'responseAfterPeakMinutes',
  'impactRating',
  'lessons',
  'openActionItems',
  'playbookSteps',
  'tags',
  'summary',
] as const;

type Cell = string | number | boolean | undefined;

function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: Cell): string {
  if (value === undefined) return '';
  const raw = typeof value === 'string' ? text(value) : String(value);
  return /[",\r\n]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

export function csvRow(record: OpenPostmortem): string {
  const pm = record.frontMatter;
  const d = record.durations;
  const cells: Record<(typeof CSV_COLUMNS)[number], Cell> = {
    id: record.id,
    url: record.url,
    title: pm.title,
    status: pm.status,
    example: pm.example ?? false,
    severity: pm.severity,
    crisisType: pm.crisisType,
    scct: pm.scct,
    platforms: pm.platforms.join('; '),
    origin: pm.origin,
    detectionSource: pm.detectionSource,
    started: pm.started as string,
    detected: pm.detected as string,
    firstResponse: pm.firstResponse as string | undefined,
    resolved: pm.resolved as string | undefined,
    toDetectMinutes: d.toDetect,
    toFirstResponseMinutes: d.toFirstResponse,
    toResolveMinutes: d.toResolve,
    responseAfterPeakMinutes: d.responseAfterPeak,
    impactRating: pm.impact.rating,
    lessons: pm.lessons?.length ?? 0,
    openActionItems: (pm.actionItems ?? []).filter((item) => item.status === 'open').length,
    playbookSteps: (pm.playbookSteps ?? []).join('; '),
    tags: (pm.tags ?? []).join('; '),
    summary: pm.summary,
  };
  return CSV_COLUMNS.map((column) => field(cells[column])).join(',');
}

/** The header line of the CSV, line end included. */
export const CSV_HEADER_LINE = `${CSV_COLUMNS.join(',')}\r\n`;

/** One record's line of the CSV, line end included (lines end in CRLF, as RFC 4180 says). */
export function csvLine(record: OpenPostmortem): string {
  return `${csvRow(record)}\r\n`;
}

export function toCsv(records: readonly OpenPostmortem[]): string {
  return CSV_HEADER_LINE + records.map(csvLine).join('');
}
