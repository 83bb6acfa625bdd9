import { describe, expect, it } from 'vitest';
import { formatWithin } from '../../src/lib/format.ts';

describe('formatWithin', () => {
  it('says a deadline as a person would', () => {
    expect(formatWithin(15)).toBe('15 min');
    expect(formatWithin(60)).toBe('1 hour');
    expect(formatWithin(120)).toBe('2 hours');
    expect(formatWithin(24 * 60)).toBe('24 hours');
    expect(formatWithin(90)).toBe('90 min');
  });
});
