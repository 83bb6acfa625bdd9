import { describe, expect, it } from 'vitest';
import { computeDurations, formatMinutes } from '../../../src/lib/analysis/durations.ts';
import { deriveKeyTimes } from '../../../src/importer/analysis/key-times.ts';
import { fixture, importIncident } from '../support/pipeline.ts';

const at = (time: string) => new Date(`2025-03-01T${time}:00Z`);

describe('computeDurations', () => {
  it('measures detect from the start, first response from detection, resolve from the start, response against the peak', () => {
    expect(
      computeDurations({
        started: at('14:00'),
        detected: at('14:40'),
        firstResponse: at('14:45'),
        resolved: at('18:30'),
        peak: at('16:00'),
      }),
    ).toEqual({ toDetect: 40, toFirstResponse: 5, toResolve: 270, responseAfterPeak: -75 });
  });

  it('leaves out what it cannot measure', () => {
    expect(computeDurations({ started: at('14:00'), detected: at('15:30') })).toEqual({ toDetect: 90 });
    expect(computeDurations({ started: at('14:00'), detected: at('14:00'), peak: at('16:00') })).toEqual({
      toDetect: 0,
    });
  });

  it('formats minutes as a reader says them', () => {
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(1500)).toBe('1 d 1 h');
    expect(formatMinutes(-75)).toBe('−1 h 15 min');
  });
});

describe('key times derived from an imported incident', () => {
  it('takes the first war-room event as detection and the first public brand reply as the first response', async () => {
    const incident = await importIncident([fixture('firebreak-json/kettle-leak.json')], {
      brandHandles: ['examplebrand'],
    });
    const times = deriveKeyTimes(incident)!;
    expect(times.started.toISOString()).toBe('2025-03-01T14:00:00.000Z'); // first mention bucket
    expect(times.detected.toISOString()).toBe('2025-03-01T14:40:00.000Z');
    expect(times.firstResponse?.toISOString()).toBe('2025-03-01T14:45:00.000Z');
    expect(times.resolved?.toISOString()).toBe('2025-03-02T09:00:00.000Z');
    expect(times.peak?.toISOString()).toBe('2025-03-01T16:00:00.000Z');
    expect(times.notes).toEqual([]);
  });

  it('moves detection back to a public response that came before any internal record, and says so', async () => {
    const incident = await importIncident([fixture('lessons/after-peak-fires.json')]);
    incident.events = incident.events.filter((event) => event.visibility === 'public');
    const times = deriveKeyTimes(incident)!;
    expect(times.detected.toISOString()).toBe(times.firstResponse!.toISOString());
    expect(times.notes.join(' ')).toMatch(/TODO/);
  });
});
