import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, importExports, type ImportOptions } from '../../../src/importer/index.ts';
import { MAX_PAGE_BYTES } from '../../../src/importer/write/index.ts';
import { fixture, importIncident, ROOT, runImport } from '../support/pipeline.ts';

const scratch = mkdtempSync(join(tmpdir(), 'firebreak-window-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const xCapture = fixture('window/x-capture-stray-2010.jsonl');
const pagerduty = fixture('window/pagerduty-incident.json');
const brandwatch2025 = fixture('merge/brandwatch-kettle.csv');

const options: ImportOptions = {
  brandHandles: [],
  map: {},
  tz: 'UTC',
  cwd: ROOT,
  redact: true,
  keep: [],
  displayDir: 'content/postmortems',
};

/** The X fixture with its stray post dated `createdAt` instead of 2010, written to the scratch folder. */
function captureWithOldPost(createdAt: string): string {
  const lines = readFileSync(join(ROOT, xCapture), 'utf8').trimEnd().split('\n');
  const page = JSON.parse(lines.at(-1)!) as { data: { created_at: string }[] };
  page.data[0]!.created_at = createdAt;
  lines[lines.length - 1] = JSON.stringify(page);
  const path = join(scratch, `capture-${createdAt.slice(0, 4)}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const frontmatter = (content: string) => content.slice(0, content.indexOf('\n---\n', 4));

describe('an X capture with one 2010 post (the 11-year series)', () => {
  it('alone: the window is the burst around the peak; the old post and the late one are left out and reported', async () => {
    const incident = await importIncident([xCapture]);
    expect(incident.window?.fromBasis).toBe('busiest');
    expect(incident.mentions?.total).toBe(4);
    expect(incident.mentions?.series).toHaveLength(2);
    expect(incident.started?.toISOString()).toBe('2022-11-07T18:11:04.000Z');
    expect(incident.warnings).toContain(
      `${xCapture}: 1 mention before 2022-11-07 18:00 UTC, and 1 mention from 2022-11-07 20:00 UTC on were left out (outside the incident window); pass --from/--to to choose the window.`,
    );
  });

  it('with the incident tool: the window is its evidence plus the margin, and the page is titled and dated by the incident', async () => {
    const result = await importExports([xCapture, pagerduty], options);
    expect(result.incident.window?.fromBasis).toBe('evidence');
    expect(result.incident.window?.from.toISOString()).toBe('2022-11-06T09:00:00.000Z');
    expect(result.page.id).toBe('2022-11-07-checkout-returns-500-errors-after-spring-promo-launch');
    expect(result.page.draft.frontmatter['started']).toBe('2022-11-07T09:52:11Z');
    // 18:00, 18:00, 18:00, 19:00 kept; the 2010 post and 9 November left out.
    expect(result.incident.mentions?.total).toBe(4);
    expect(result.page.content).toContain('1 mention before 2022-11-06 09:00 UTC');
    expect(result.page.content).toContain('Incident window 2022-11-06 09:00 UTC to 2022-11-08 13:00 UTC');
    expect(Buffer.byteLength(result.page.content)).toBeLessThan(MAX_PAGE_BYTES);
  });

  it('--from/--to choose the window instead, in whole hours', async () => {
    const narrow = await importExports([xCapture], {
      ...options,
      window: { from: new Date('2022-11-07T18:20:00Z'), to: new Date('2022-11-09T23:00:00Z') },
    });
    expect(narrow.incident.window?.fromBasis).toBe('option');
    // The hour of 18:20 is kept whole (18:11 included), and 9 November is inside now.
    expect(narrow.incident.mentions?.total).toBe(5);
    expect(narrow.incident.warnings.join('\n')).toContain('1 mention before 2022-11-07 18:00 UTC');
  });

  it('a window over years of posts is refused by the page-size guard, naming the page, the field and --from/--to', async () => {
    const error = await importExports([captureWithOldPost('2019-01-01T00:00:00.000Z')], {
      ...options,
      window: { from: new Date('2019-01-01T00:00:00Z'), to: new Date('2022-12-31T00:00:00Z') },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).describe()).toMatch(
      /^content\/postmortems\/2019-01-01-imported-incident\.md \(field impact\.mentionSeries\): the drafted page would be [\d.]+ MiB, over the 256 KiB a page may have, because its mention series has 33,809 hours; nothing was written\. Narrow the incident window with --from and --to$/,
    );
  });

  it('a window over the 11 years is refused before the series is built, naming the export', async () => {
    const error = await importExports([xCapture], {
      ...options,
      window: { from: new Date('2010-01-01T00:00:00Z'), to: new Date('2022-12-31T00:00:00Z') },
    }).catch((caught: unknown) => caught);
    expect((error as ImportError).describe()).toBe(
      `${xCapture} (mentions): the mention series would run from 2010-06-15 14:00 UTC to 2022-11-09 16:00 UTC (108,723 hours), far more than one page holds; expected one incident: narrow the incident window with --from and --to`,
    );
  });
});

describe('an X capture with a post dated in year 1 (17 million hours)', () => {
  it('is read without filling 17 million hours, and windowed like any stray post', async () => {
    const incident = await importIncident([captureWithOldPost('0001-01-01T00:00:00.000Z')]);
    expect(incident.mentions?.total).toBe(4);
    expect(incident.warnings.join('\n')).toContain('1 mention before 2022-11-07 18:00 UTC');
  });

  it('--from year 1 is refused in one line naming the export and --from/--to, before any page is built', () => {
    const path = captureWithOldPost('0001-01-01T00:00:00.000Z');
    const result = runImport(['--dry-run', '--from', '0001-01-01', path]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      `Import failed: ${path} (mentions): the mention series would run from 0001-01-01 00:00 UTC to 2022-11-07 19:00 UTC (17,723,180 hours), far more than one page holds; expected one incident: narrow the incident window with --from and --to`,
    );
  });
});

describe('exports that cover different periods', () => {
  it('are a warning naming both files and their periods, on the page too', async () => {
    const result = await importExports([brandwatch2025, xCapture], options);
    const warning = result.incident.warnings.find((line) => line.includes('cover different periods'));
    expect(warning).toBe(
      `${xCapture} (2010-06-15 14:00 UTC to 2022-11-09 16:59 UTC) and ${brandwatch2025} (2025-03-01 14:00 UTC to 2025-03-02 09:59 UTC) cover different periods; check that both exports are of this incident.`,
    );
    expect(result.page.content).toContain('cover different periods');
  });
});

describe('npm run import with a window', () => {
  it('prints what was left out on stderr and writes the windowed page', () => {
    const out = join(scratch, 'written');
    const result = runImport(['--out', out, xCapture, pagerduty]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`Warning: ${xCapture}: 1 mention before 2022-11-06 09:00 UTC`);
    expect(readdirSync(out)).toEqual(['2022-11-07-checkout-returns-500-errors-after-spring-promo-launch.md']);
  });

  it('refuses an oversized page in one line, exit 1, nothing written', () => {
    const out = join(scratch, 'too-big');
    const result = runImport(['--out', out, '--from', '2019-01-01', captureWithOldPost('2019-01-01T00:00:00.000Z')]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^Import failed: .*2019-01-01-imported-incident\.md \(field impact\.mentionSeries\): .* Narrow the incident window with --from and --to$/,
    );
    expect(existsSync(out) && readdirSync(out).length > 0).toBe(false);
  });

  it('refuses a --from that is not a date, and a window that keeps nothing', () => {
    const bad = runImport(['--dry-run', '--from', '13/03/2026', xCapture]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'firebreak import: --from 13/03/2026 is not a date; expected e.g. 2026-03-13, 2026-03-13T09:00 (in --tz) or 2026-03-13T09:00Z. Run with --help for usage.',
    );
    const empty = runImport(['--dry-run', '--from', '2023-01-01', xCapture]);
    expect(empty.status).toBe(1);
    expect(empty.stderr.trim()).toBe(
      `Import failed: --from/--to: no event or mention falls in the incident window from 2023-01-01 00:00 UTC on; ${xCapture} runs 2010-06-15 14:00 UTC to 2022-11-09 16:59 UTC: expected --from/--to inside those periods`,
    );
  });

  it('--help documents --from and --to', () => {
    const help = runImport(['--help']).stdout;
    expect(help).toContain('--from TIME');
    expect(help).toContain('--to TIME');
  });

  it('keeps the front matter free of hours outside the window', () => {
    const page = runImport(['--dry-run', xCapture]).stdout;
    expect(frontmatter(page)).not.toContain('2010-');
    expect(frontmatter(page)).not.toContain('2022-11-09');
  });
});
