import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainExports, formatExplanations } from '../../src/importer/index.ts';
import { ROOT, runImport } from './support/pipeline.ts';

const F = 'test/fixtures/listening';
const BASE = { brandHandles: [], map: {}, tz: 'UTC', cwd: ROOT };
const out = mkdtempSync(join(tmpdir(), 'firebreak-explain-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The explanation of one file as `label → value`. */
async function explain(path: string, options: Record<string, unknown> = {}): Promise<Record<string, string>> {
  const [explanation] = await explainExports([path], { ...BASE, ...options });
  return Object.fromEntries(explanation!.lines.map((line) => [line.label, line.value]));
}

// Workbook reads start a worker thread and the CLI cases a child process: slow on a loaded machine.
describe('--explain', { timeout: 30_000 }, () => {
  it('says what a German Excel re-save reads as: format, encoding, delimiter, roles, order, zone', async () => {
    const lines = await explain(`${F}/excel-resave-de/mentions.csv`);
    expect(lines['format']).toMatch(/^meltwater — .* \(detected\)$/);
    expect(lines['encoding']).toBe('windows-1252 (not valid UTF-8, so the Windows (Excel) legacy encoding)');
    expect(lines['delimiter']).toBe('semicolon');
    expect(lines['columns']).toContain('author ← "Influencer"');
    expect(lines['columns']).toContain('name ← "Twitter Screen Name"');
    expect(lines['date order']).toBe('dmy (inferred)');
    expect(lines['time zone']).toMatch(/^times carry no zone: read as UTC — pass --tz ZONE/);
  });

  it('reports the inferred and the given date order, and the zone passed', async () => {
    expect((await explain(`${F}/excel-resave-us/mentions.csv`))['date order']).toBe('mdy (inferred)');
    const given = await explain(`${F}/ambiguous-dates/mentions.csv`, { dateOrder: 'dmy', tz: 'Europe/London' });
    expect(given['date order']).toBe('dmy (given)');
    expect(given['time zone']).toBe('times carry no zone: read as Europe/London; the page says so');
  });

  it('names the sheet and header row of a workbook, and the title rows before a header', async () => {
    const sheet = await explain(`${F}/xlsx/meltwater-mentions.xlsx`);
    expect(sheet['sheet']).toBe('"Mentions" (the first)');
    expect(sheet['tool']).toBe('meltwater');
    const titled = await explain(`${F}/brandwatch-title-lines/mentions.csv`);
    expect(titled['header row']).toBe('line 6 (after 4 title row(s))');
  });

  it("puts an unreadable file's one-line error in its block and explains the others", async () => {
    const explanations = await explainExports([`${F}/ambiguous-dates/mentions.csv`, `${F}/brand24/mentions.csv`], BASE);
    expect(explanations[0]!.lines.at(-1)).toEqual({
      label: 'cannot read',
      value: expect.stringContaining('pass --date-order dmy (day first) or --date-order mdy'),
    });
    expect(explanations[1]!.lines[0]!.value).toMatch(/^brand24/);
    expect(formatExplanations(explanations)).toMatch(
      /^test\/fixtures\/listening\/ambiguous-dates\/mentions\.csv\n {2}format: +csv/,
    );
  });

  it('ends with the incident window of all the exports and what it leaves out', async () => {
    const W = 'test/fixtures/import/window';
    const explanations = await explainExports([`${W}/x-capture-stray-2010.jsonl`], BASE);
    const window = explanations.at(-1)!;
    expect(window.file).toBe('incident window');
    expect(window.lines[0]).toEqual({
      label: 'window',
      value: expect.stringMatching(/^Incident window 2022-11-\d\d \d\d:00 UTC to 2022-11-\d\d \d\d:00 UTC/),
    });
    // The stray 2010 post is named as left out, as the import would say.
    expect(window.lines.some((line) => line.label === 'warning' && /left out/.test(line.value))).toBe(true);

    const given = await explainExports([`${W}/x-capture-stray-2010.jsonl`], {
      ...BASE,
      window: { from: new Date('2022-11-07T00:00:00Z'), to: new Date('2022-11-08T00:00:00Z') },
    });
    // Whole hours: the window runs to the end of the hour --to falls in.
    expect(given.at(-1)!.lines[0]!.value).toBe(
      'Incident window 2022-11-07 00:00 UTC to 2022-11-08 01:00 UTC (as given with --from and --to).',
    );
    expect(given.at(-1)!.lines.filter((line) => line.label === 'warning')).toHaveLength(1);
  });

  it('the CLI prints it and writes nothing', () => {
    const result = runImport(['--explain', '--out', out, `${F}/meltwater-explore/mentions.csv`]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('encoding:         utf-16le (byte-order mark)');
    expect(result.stdout).toContain('delimiter:        tab');
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(ROOT, 'content/postmortems/2025-08-13-imported-incident-of-2025-08-13.md'))).toBe(false);
  });

  it('the CLI refuses an unknown --date-order or --encoding before reading anything', () => {
    const order = runImport(['--explain', '--date-order', 'dd/mm', `${F}/brand24/mentions.csv`]);
    expect(order.status).toBe(2);
    expect(order.stderr).toContain('--date-order dd/mm is not a date order; expected dmy, mdy or ymd');
    const encoding = runImport(['--explain', '--encoding', 'klingon', `${F}/brand24/mentions.csv`]);
    expect(encoding.status).toBe(2);
    expect(encoding.stderr).toContain('--encoding klingon is not an encoding');
  });
});
