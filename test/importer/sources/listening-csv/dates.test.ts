import { describe, expect, it } from 'vitest';
import { parseVendorDate, timeZone } from '../../../../src/importer/sources/listening-csv/dates.ts';

const utc = timeZone('UTC');
const paris = timeZone('Europe/Paris');
const read = (value: string, zone = utc, time?: string) => parseVendorDate(value, zone, time)?.toISOString();

describe('vendor dates', () => {
  it.each([
    ['2025-03-01 14:02:11.0', '2025-03-01T14:02:11.000Z'],
    ['2025-03-01T14:05:40.000+0000', '2025-03-01T14:05:40.000Z'],
    ['2025-03-01T15:05:40+01:00', '2025-03-01T14:05:40.000Z'],
    ['2025/03/01 14:02', '2025-03-01T14:02:00.000Z'],
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['01-Mar-2025 02:02PM', '2025-03-01T14:02:00.000Z'],
    ['1 March 2025 12:05 AM', '2025-03-01T00:05:00.000Z'],
    ['Mar 1, 2025 2:02 PM', '2025-03-01T14:02:00.000Z'],
    ['1740837731', '2025-03-01T14:02:11.000Z'],
    ['1740837731000', '2025-03-01T14:02:11.000Z'],
  ])('reads %s', (value, expected) => expect(read(value)).toBe(expected));

  it.each([
    ['8/13/2025 9:07', 'mdy', '2025-08-13T09:07:00.000Z'],
    ['8/13/2025 9:07 PM', 'mdy', '2025-08-13T21:07:00.000Z'],
    ['13/08/2025 21:07:30', 'dmy', '2025-08-13T21:07:30.000Z'],
    ['13-08-25', 'dmy', '2025-08-13T00:00:00.000Z'],
    ['25/08/13 09:07', 'ymd', '2025-08-13T09:07:00.000Z'],
  ] as const)('reads numeric %s as %s', (value, order, expected) =>
    expect(parseVendorDate(value, utc, undefined, order)?.toISOString()).toBe(expected),
  );

  it('reads dotted dates day first by convention, and a date plus a separate AM/PM time column', () => {
    expect(read('03.04.2025 09:07')).toBe('2025-04-03T09:07:00.000Z');
    expect(parseVendorDate('8/13/2025', utc, '9:07 PM', 'mdy')?.toISOString()).toBe('2025-08-13T21:07:00.000Z');
    // Excel re-saves keep a 24-hour time in the date and the AM/PM one beside it: they must agree.
    expect(parseVendorDate('8/13/2025 21:07', utc, '9:07 PM', 'mdy')?.toISOString()).toBe('2025-08-13T21:07:00.000Z');
    expect(parseVendorDate('8/13/2025 21:07', utc, '9:07 AM', 'mdy')).toBeUndefined();
  });

  it.each(['yesterday', '03/01/2025', '2025-02-30 10:00', '2025-03-01 24:00', '2025-03-01 13:00 PM', '0001-01-01', ''])(
    'refuses %j rather than guess',
    (value) => expect(read(value)).toBeUndefined(),
  );

  it('combines a separate time column, and refuses one that disagrees', () => {
    expect(read('01-Mar-2025', utc, '02:02 PM')).toBe('2025-03-01T14:02:00.000Z');
    expect(read('01-Mar-2025 02:02PM', utc, '02:02 PM')).toBe('2025-03-01T14:02:00.000Z');
    expect(read('01-Mar-2025 02:02PM', utc, '03:02 PM')).toBeUndefined();
  });

  it('applies the zone: the earlier instant for repeated autumn times, forward for skipped spring times', () => {
    expect(read('2025-07-01 12:00', paris)).toBe('2025-07-01T10:00:00.000Z');
    expect(read('2025-10-26 02:30', paris)).toBe('2025-10-26T00:30:00.000Z');
    expect(read('2025-10-26 03:30', paris)).toBe('2025-10-26T02:30:00.000Z');
    expect(read('2025-03-30 02:30', paris)).toBe('2025-03-30T01:30:00.000Z');
    expect(read('2025-03-01T12:00:00Z', paris)).toBe('2025-03-01T12:00:00.000Z');
  });

  it('throws RangeError for an unknown zone name', () => {
    expect(() => timeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
