import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIncident } from '../../../../src/importer/analysis/index.ts';
import { importExports, readExports, type MergedIncident } from '../../../../src/importer/index.ts';
import { importError, REPO, useTempDir } from '../support.ts';

/**
 * Listening exports as teams have them (issue 11): each fixture's layout and origin is in
 * test/fixtures/listening/ORIGIN.md. Read through readExports, as the CLI does: detection,
 * adapter, merge.
 */

const F = 'test/fixtures/listening';
const BASE = { brandHandles: [] as string[], map: {}, tz: 'UTC', cwd: REPO };
const tmp = useTempDir();

function read(paths: string[], options: Partial<typeof BASE> & Record<string, unknown> = {}): Promise<MergedIncident> {
  return readExports(paths, { ...BASE, ...options });
}

const iso = (d: Date | undefined) => d?.toISOString();

describe('Meltwater: the handle is in "Influencer", the display name in "Twitter Screen Name"', () => {
  it('matches --brand-handle on Influencer: the brand reply is a response, not a mention', async () => {
    const incident = await read([`${F}/meltwater-explore/mentions.csv`], { brandHandles: ['examplebrand'] });
    expect(incident.sources).toEqual([{ adapter: 'meltwater', file: `${F}/meltwater-explore/mentions.csv` }]);
    // Four rows, one of them the brand's own reply.
    expect(incident.mentions?.total).toBe(3);
    const reply = incident.events.find((e) => e.actor === 'brand')!;
    expect(reply).toMatchObject({ kind: 'reply', at: new Date('2025-08-13T09:30:00Z') });
    expect(incident.people.find((p) => p.id === reply.inReplyToId)?.handle).toBe('kettlefan');
    // Handles without the @, display names as names: never the other way round.
    expect(incident.people).toContainEqual(expect.objectContaining({ handle: 'kettlefan', name: 'Kettle Fan' }));
    expect(incident.people.some((p) => p.handle === 'Kettle Fan')).toBe(false);
    // Time to first response is back: the brand's reply at 09:30.
    expect(iso(analyzeIncident(incident).times.firstResponse)).toBe('2025-08-13T09:30:00.000Z');
  });

  it('without --brand-handle the brand reply counts as a mention (the bug the option fixes)', async () => {
    const incident = await read([`${F}/meltwater-explore/mentions.csv`]);
    expect(incident.mentions?.total).toBe(4);
  });
});

describe('Excel re-saves', () => {
  it('US Excel: Windows-1252, `8/13/2025 9:07` with a `9:07 AM` time column, month first inferred', async () => {
    const incident = await read([`${F}/excel-resave-us/mentions.csv`], { brandHandles: ['examplebrand'] });
    expect(incident.mentions?.total).toBe(3);
    expect(iso(incident.mentions?.first)).toBe('2025-08-13T09:07:00.000Z');
    // Windows-1252's curly apostrophe (0x92) decoded as such, not as a C1 control.
    expect(incident.events.map((e) => e.text)).toContain(
      'Same thing happened to mine and it’s the second one @ExampleBrand',
    );
  });

  it('German Excel: `;`, Windows-1252 umlauts, `13.08.2025 09:07` day first', async () => {
    const incident = await read([`${F}/excel-resave-de/mentions.csv`], { tz: 'Europe/Berlin' });
    // 09:07 in Berlin summer time is 07:07Z.
    expect(iso(incident.mentions?.first)).toBe('2025-08-13T07:07:00.000Z');
    expect(incident.events.map((e) => e.text).join('\n')).toContain('sehr ärgerlich');
  });

  it('a UTF-16 "Unicode Text" save (tab-separated, one-cell title rows) is read by column', async () => {
    const incident = await read([`${F}/unicode-text/mentions.txt`], { brandHandles: ['examplebrand'] });
    expect(incident.sources[0]?.adapter).toBe('brandwatch');
    expect(incident.mentions?.total).toBe(2);
    expect(incident.events.find((e) => e.actor === 'brand')?.kind).toBe('reply');
  });

  it('BOM-less UTF-16 is detected from its NUL bytes', async () => {
    const path = join(tmp(), 'no-bom.csv');
    writeFileSync(path, Buffer.from('Date\tText\tAuthor\n2025-08-13 09:07\tkettle leaked\tkettlefan\n', 'utf16le'));
    const incident = await read([path]);
    expect(incident.mentions?.total).toBe(1);
  });
});

describe('dates', () => {
  it('an ambiguous column is refused with the value, the place and --date-order; passing it reads the file', async () => {
    const path = `${F}/ambiguous-dates/mentions.csv`;
    const error = await importError(read([path]));
    expect(error.describe()).toBe(
      `${path} (row 1 (line 2), column Date): column "Date" holds "03/04/2025", and no date in the column says whether the day or the month comes first; pass --date-order dmy (day first) or --date-order mdy (month first)`,
    );
    const dmy = await read([path], { dateOrder: 'dmy' });
    expect(iso(dmy.mentions?.first)).toBe('2025-04-03T09:07:00.000Z');
    const mdy = await read([path], { dateOrder: 'mdy' });
    expect(iso(mdy.mentions?.first)).toBe('2025-03-04T09:07:00.000Z');
  });

  it('infers the order from the whole column, past the first 64 KiB', async () => {
    // 3,000 rows dated 01/02/2025…12/12/2025 (every one ambiguous), then one 25/12/2025.
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `0${(i % 9) + 1}/0${(i % 3) + 1}/2025 10:00,kettle ${i},user${i}\n`,
    );
    const path = join(tmp(), 'late-decider.csv');
    writeFileSync(path, `Date,Text,Author\n${rows.join('')}25/03/2025 10:00,the decider,someone\n`);
    // The whole year as the incident window, so every row counts (the window would otherwise
    // keep the busiest fortnight: analysis/window.ts).
    const incident = await read([path], {
      window: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') },
    });
    expect(incident.mentions?.total).toBe(3_001);
    // Day first: 01/01/2025 is 1 January and 25/03 is 25 March.
    expect(iso(incident.mentions?.first)).toBe('2025-01-01T10:00:00.000Z');
  });

  it('a column that decides both ways is refused naming both rows', async () => {
    const path = join(tmp(), 'both-ways.csv');
    writeFileSync(path, 'Date,Text,Author\n13/08/2025 10:00,a,x\n08/14/2025 10:00,b,y\n');
    const error = await importError(read([path]));
    expect(error.message).toContain(
      '"13/08/2025 10:00" (row 1 (line 2)), which is day first, and "08/14/2025 10:00" (row 2 (line 3)), which is month first',
    );
    expect(error.message).toContain('--date-order');
    expect(error.location).toBe('row 2 (line 3), column Date');
  });

  it('a row that contradicts the given order names the row and the other order', async () => {
    const path = join(tmp(), 'wrong-order.csv');
    writeFileSync(path, 'Date,Text,Author\n08/13/2025 10:00,a,x\n');
    const error = await importError(read([path], { dateOrder: 'dmy' }));
    expect(error.location).toBe('row 1 (line 2), column Date');
    expect(error.message).toContain('as DMY (day first); if that order is wrong, pass --date-order mdy');
  });
});

describe('layouts', () => {
  it('Brandwatch title rows written one cell per line still find the header', async () => {
    const incident = await read([`${F}/brandwatch-title-lines/mentions.csv`]);
    expect(incident.sources[0]?.adapter).toBe('brandwatch');
    expect(incident.mentions?.total).toBe(3);
  });

  it('a pipe-delimited CSV with common column names is read without --map', async () => {
    const incident = await read([`${F}/pipe-delimited/mentions.csv`]);
    expect(incident.sources[0]?.adapter).toBe('csv');
    expect(incident.mentions?.total).toBe(2);
    expect(incident.mentions?.negativeShare).toBe(1);
  });

  it.each([
    ['talkwalker', `${F}/talkwalker/results.csv`, 2],
    ['sprout', `${F}/sprout/listening-messages.csv`, 2],
    ['brand24', `${F}/brand24/mentions.csv`, 2],
  ])('%s: recognised, handles from its handle column, the brand reply a response', async (tool, path, total) => {
    const incident = await read([path], { brandHandles: ['examplebrand'] });
    expect(incident.sources[0]?.adapter).toBe(tool);
    expect(incident.mentions?.total).toBe(total);
    const reply = incident.events.find((e) => e.actor === 'brand')!;
    expect(reply.kind).toBe('reply');
    expect(iso(reply.at)).toBe('2025-08-13T09:30:00.000Z');
    expect(incident.people).toContainEqual(expect.objectContaining({ handle: 'kettlefan' }));
  });

  it('Talkwalker numeric sentiment (-5…5) and Brand24 Date + Hour columns', async () => {
    const talkwalker = await read([`${F}/talkwalker/results.csv`]);
    expect(talkwalker.mentions?.negativeShare).toBeCloseTo(1 / 3);
    const brand24 = await read([`${F}/brand24/mentions.csv`]);
    expect(iso(brand24.mentions?.first)).toBe('2025-08-13T09:07:00.000Z');
  });
});

// Each workbook read starts a worker thread that loads exceljs: seconds each on a loaded machine.
describe('.xlsx', { timeout: 30_000 }, () => {
  const XLSX = `${F}/xlsx/meltwater-mentions.xlsx`;

  it('reads the first sheet through the Meltwater preset: Excel dates, hyperlink and rich-text cells', async () => {
    const incident = await read([XLSX], { brandHandles: ['examplebrand'], tz: 'Europe/London' });
    expect(incident.sources[0]?.adapter).toBe('meltwater');
    expect(incident.mentions?.total).toBe(2);
    // Excel's 09:07 is wall time: in London (BST) 08:07Z.
    expect(iso(incident.mentions?.first)).toBe('2025-08-13T08:07:00.000Z');
    expect(incident.events.find((e) => e.kind === 'trigger')?.link).toBe('https://x.com/kettlefan/status/1');
    expect(incident.events.map((e) => e.text)).toContain('Same thing happened to mine');
    expect(incident.events.find((e) => e.actor === 'brand')?.kind).toBe('reply');
  });

  it('--sheet picks another sheet, and a missing one is refused listing the sheets', async () => {
    const error = await importError(read([XLSX], { sheet: 'Summary' }));
    expect(error.describe()).toBe(
      `${XLSX} (workbook): there is no worksheet "Summary"; the workbook has "Mentions", "Search details" — pass one of them with --sheet`,
    );
    // The search-details sheet has a "Date" row and nothing under it: no mentions, and a note saying so.
    const other = await read([XLSX], { sheet: 'Search details' });
    expect(other.mentions?.total).toBe(0);
    expect(other.notes).toContain(`${XLSX}: The xlsx export has a header but no mention rows.`);
  });

  it('a zip that is not a workbook is not taken for one', async () => {
    const path = join(tmp(), 'broken.xlsx');
    writeFileSync(path, 'not a zip at all, just text named .xlsx');
    const error = await importError(read([path]));
    expect(error.message).toMatch(/not a format this importer recognises/);
  });
});

describe('time zones are never silent', () => {
  it('zone-less times set timeZoneNote naming the zone; zoned times do not', async () => {
    const [partial] = await partials(`${F}/brand24/mentions.csv`, 'UTC');
    expect(partial?.timeZoneNote).toBe(
      'Times in mentions.csv carried no zone; read as UTC (pass --tz ZONE if the tool exported local time).',
    );
    const [london] = await partials(`${F}/brand24/mentions.csv`, 'Europe/London');
    expect(london?.timeZoneNote).toBe('Times in mentions.csv carried no zone; read as Europe/London.');
    const [talkwalker] = await partials(`${F}/talkwalker/results.csv`, 'UTC');
    expect(talkwalker?.timeZoneNote).toBeUndefined();
  });
});

/** The adapter's own results (before merging), the field the window engineer reads. */
async function partials(path: string, tz: string) {
  const { ADAPTERS, selectAdapter } = await import('../../../../src/importer/registry.ts');
  const { toExportInput } = await import('../../../../src/importer/io/inputs.ts');
  const input = await toExportInput(path, REPO);
  return [await selectAdapter(input, undefined, ADAPTERS).read(input, { brandHandles: [], map: {}, tz })];
}

describe('importExports end to end', () => {
  it('drafts a page from a German Excel re-save without a single option', async () => {
    const result = await importExports([`${F}/excel-resave-de/mentions.csv`], {
      ...BASE,
      redact: true,
      keep: [],
      displayDir: 'content/postmortems',
    });
    expect(result.page.content).toContain('started: "2025-08-13T09:07:00Z"');
  });
});
