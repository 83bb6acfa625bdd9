import { describe, expect, it } from 'vitest';
import { zonelessTimesNote } from '../../src/importer/time-zone.ts';

describe('the sentence for times read without a zone', () => {
  it('is absent when every time had a zone', () => {
    expect(zonelessTimesNote([], 'UTC')).toBeUndefined();
  });

  it('names the files (not their folders) and the zone, with the --tz hint when the zone is only the default', () => {
    expect(zonelessTimesNote(['exports/a.csv'], 'UTC')).toBe(
      'Times in a.csv carried no zone; read as UTC (pass --tz ZONE if the tool exported local time).',
    );
    expect(zonelessTimesNote(['exports\\a.csv', 'b.csv'], 'Europe/Paris')).toBe(
      'Times in a.csv, b.csv carried no zone; read as Europe/Paris.',
    );
  });
});
