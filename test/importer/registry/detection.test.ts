import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toExportInput } from '../../../src/importer/io/inputs.ts';
import { ADAPTERS, selectAdapter } from '../../../src/importer/registry.ts';
import { ROOT, fixture, importIncident } from '../support/pipeline.ts';

/** One export per auto-detected format. */
const SAMPLES: Record<string, string> = {
  'firebreak-json': fixture('firebreak-json/kettle-leak.json'),
  slack: fixture('detection/slack-export.zip'),
  pagerduty: fixture('detection/pagerduty-incident.json'),
  'incident-io': fixture('detection/incident-io-incident.json'),
  'x-api': fixture('detection/x-api-mentions.jsonl'),
  brandwatch: fixture('merge/brandwatch-kettle.csv'),
  meltwater: fixture('detection/meltwater.csv'),
  talkwalker: 'test/fixtures/listening/talkwalker/results.csv',
  sprout: 'test/fixtures/listening/sprout/listening-messages.csv',
  brand24: 'test/fixtures/listening/brand24/mentions.csv',
  xlsx: 'test/fixtures/listening/xlsx/meltwater-mentions.xlsx',
  csv: 'test/fixtures/listening/pipe-delimited/mentions.csv',
  teams: 'test/fixtures/teams/channel-messages/page-1.json',
};
/** Formats that are never auto-detected and are chosen another way (tested below). */
const NOT_DETECTED = new Set<string>();

const scratch = mkdtempSync(join(tmpdir(), 'firebreak-detection-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('format detection', () => {
  it('has a sample for every format the registry lists', () => {
    const listed = ADAPTERS.map((adapter) => adapter.name).filter((name) => !NOT_DETECTED.has(name));
    expect(Object.keys(SAMPLES).sort()).toEqual(listed.sort());
  });

  for (const [format, path] of Object.entries(SAMPLES)) {
    it(`recognises ${format} from its content, and no other format claims it`, async () => {
      const input = await toExportInput(path, ROOT);
      const claimed = ADAPTERS.filter((adapter) => adapter.detect(input)).map((adapter) => adapter.name);
      expect(claimed).toEqual([format]);
    });

    it(`recognises ${format} under a misleading file name`, async () => {
      if (path.endsWith('.zip') || !path.includes('.')) return;
      const renamed = join(scratch, `${format}-export.dat`);
      copyFileSync(join(ROOT, path), renamed);
      expect(selectAdapter(await toExportInput(renamed), undefined).name).toBe(format);
    });
  }

  it('recognises an unzipped Slack export folder', async () => {
    expect(selectAdapter(await toExportInput(fixture('redaction/slack-export'), ROOT), undefined).name).toBe('slack');
  });

  it('lets --format override detection, and names an unknown one', async () => {
    const input = await toExportInput(SAMPLES['brandwatch']!, ROOT);
    expect(selectAdapter(input, 'csv').name).toBe('csv');
    expect(() => selectAdapter(input, 'myspace')).toThrow(
      /--format myspace is not a format .*expected one of: firebreak-json, slack/,
    );
  });

  it('reads an unrecognised CSV as "csv" when its columns are named with --map', async () => {
    const input = await toExportInput(fixture('bad-input/no-date-column.csv'), ROOT);
    expect(() => selectAdapter(input, undefined)).toThrow(/not a format this importer recognises/);
    expect(selectAdapter(input, undefined, ADAPTERS, true).name).toBe('csv');
  });

  it('points at the Slack export inside a folder passed one level too high', async () => {
    const input = await toExportInput('test/fixtures/slack/hfaran', ROOT);
    expect(() => selectAdapter(input, undefined)).toThrow(
      'not an export itself, but its folder "export" looks like an unzipped Slack export: pass test/fixtures/slack/hfaran/export',
    );
  });

  it('reads each sample into events through its adapter', async () => {
    for (const [format, path] of Object.entries(SAMPLES)) {
      const incident = await importIncident([path], { channel: 'enrique' });
      // A spreadsheet is credited to the tool its header names (here Meltwater's).
      expect(incident.sources[0]?.adapter, format).toBe(format === 'xlsx' ? 'meltwater' : format);
      expect(incident.events.length + (incident.mentions?.total ?? 0), format).toBeGreaterThan(0);
    }
  });
});
