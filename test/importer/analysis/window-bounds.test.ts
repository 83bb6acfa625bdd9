import { describe, expect, it } from 'vitest';
import { parseWindowBound } from '../../../src/importer/analysis/window-bounds.ts';

const iso = (date: Date | undefined) => date?.toISOString();

describe('--from / --to', () => {
  it('a bare day is its whole day, in --tz', () => {
    expect(iso(parseWindowBound('2026-03-13', 'UTC', 'from'))).toBe('2026-03-13T00:00:00.000Z');
    expect(iso(parseWindowBound('2026-03-13', 'UTC', 'to'))).toBe('2026-03-13T23:59:59.999Z');
    // London is on summer time (UTC+1) from 29 March 2026.
    expect(iso(parseWindowBound('2026-07-01', 'Europe/London', 'from'))).toBe('2026-06-30T23:00:00.000Z');
    expect(iso(parseWindowBound('2026-07-01', 'Europe/London', 'to'))).toBe('2026-07-01T22:59:59.999Z');
  });

  it('a time without a zone is wall-clock time in --tz, across a DST change', () => {
    expect(iso(parseWindowBound('2026-03-13T09:30', 'Europe/Berlin', 'from'))).toBe('2026-03-13T08:30:00.000Z');
    expect(iso(parseWindowBound('2026-03-29 09:30:15', 'Europe/Berlin', 'from'))).toBe('2026-03-29T07:30:15.000Z');
    expect(iso(parseWindowBound('2026-01-10T18:00', 'America/New_York', 'to'))).toBe('2026-01-10T23:00:00.000Z');
  });

  it('a time with a zone is taken as it is', () => {
    expect(iso(parseWindowBound('2026-03-13T09:30Z', 'Europe/Berlin', 'from'))).toBe('2026-03-13T09:30:00.000Z');
    expect(iso(parseWindowBound('2026-03-13T09:30+05:30', 'UTC', 'from'))).toBe('2026-03-13T04:00:00.000Z');
    expect(iso(parseWindowBound('2026-03-13T09:30-0200', 'UTC', 'to'))).toBe('2026-03-13T11:30:00.000Z');
  });

  it('anything else is not a date', () => {
    for (const text of [
      'yesterday',
      '13/03/2026',
      '2026-02-30',
      '2026-03-13T25:00',
      '2026-03-13T09:75',
      '2026-13-01',
      '',
    ])
      expect(parseWindowBound(text, 'UTC', 'from'), text).toBeUndefined();
  });
});

describe('--from / --to in the first century', () => {
  it('reads year 1 as year 1, not 1901', () => {
    expect(iso(parseWindowBound('0001-01-01', 'UTC', 'from'))).toBe('0001-01-01T00:00:00.000Z');
    expect(iso(parseWindowBound('0099-06-30T12:00', 'UTC', 'from'))).toBe('0099-06-30T12:00:00.000Z');
  });
});
