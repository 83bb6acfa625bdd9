import { describe, expect, it } from 'vitest';
import { mappedCsvAdapter } from '../../../../src/importer/sources/listening-csv/index.ts';
import type { ImportError } from '../../../../src/importer/errors.ts';
import { DEFAULT_OPTIONS, inputFor } from '../support.ts';

const FILE = 'test/fixtures/listening/mapped/other-tool.csv';
const MAP = {
  date: 'Posted At',
  text: 'Body',
  sentiment: 'Tone',
  platform: 'Network',
  author: 'User',
  url: 'Link',
  reach: 'Audience',
};

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  return promise.then(
    () => expect.fail('expected an ImportError'),
    (error: unknown) => error as ImportError,
  );
}

describe('other CSV through --map', () => {
  it('reads a semicolon CSV with its own column names', async () => {
    const result = await mappedCsvAdapter.read(await inputFor(FILE), {
      ...DEFAULT_OPTIONS,
      map: MAP,
      tz: 'Europe/Paris',
    });
    expect(result.adapter).toBe('csv');
    expect(result.mentions?.total).toBe(3);
    // 14:02+01:00 and 13:30Z carry their zone; the zone-less 15:10 is Paris time (14:10Z).
    expect(
      result.mentions?.series.map((b) => [b.at.toISOString().slice(11, 13), b.positive, b.neutral, b.negative]),
    ).toEqual([
      ['13', 0, 1, 1],
      ['14', 1, 0, 0],
    ]);
    expect(result.mentions?.first?.toISOString()).toBe('2025-03-01T13:02:00.000Z');
    expect(result.mentions?.totalReach).toBe(1500);
    expect(result.platforms.sort()).toEqual(['instagram', 'reddit', 'x']);
    expect(result.people).toContainEqual(expect.objectContaining({ handle: 'someone' }));
    // The semicolon inside the quoted body did not split the row.
    expect(result.notes).toEqual([]);
  });

  it('names the missing column and lists the ones found', async () => {
    const error = await failure(
      mappedCsvAdapter.read(await inputFor(FILE), { ...DEFAULT_OPTIONS, map: { ...MAP, text: 'Message' } }),
    );
    expect(error.name).toBe('ImportError');
    expect(error.describe()).toContain('--map text=Message: there is no column "Message"');
    expect(error.message).toContain('"Posted At", "Body", "Tone"');
  });

  it('names an unknown field and lists the known ones', async () => {
    const error = await failure(
      mappedCsvAdapter.read(await inputFor(FILE), { ...DEFAULT_OPTIONS, map: { ...MAP, mood: 'Tone' } }),
    );
    expect(error.message).toMatch(/unknown field "mood"; expected one of date, time, text/);
  });

  it('without --map date, says which date column it expected', async () => {
    const error = await failure(mappedCsvAdapter.read(await inputFor(FILE), DEFAULT_OPTIONS));
    expect(error.describe()).toMatch(
      /\(line 1\): no usable header row: expected a header with a date column \("date" or .*--map date=Column\); found columns: "Posted At"/,
    );
  });

  it('claims only a CSV with date and text columns by common names that no tool claims', async () => {
    // Published/Body/Network are not common names: this one needs --map.
    expect(mappedCsvAdapter.detect(await inputFor(FILE))).toBe(false);
    expect(
      mappedCsvAdapter.detect(await inputFor('test/fixtures/listening/samples/brandwatch_bulk_mentions_SYNTHETIC.csv')),
    ).toBe(false);
    expect(mappedCsvAdapter.detect(await inputFor('test/fixtures/listening/pipe-delimited/mentions.csv'))).toBe(true);
  });
});
