import { describe, expect, it } from 'vitest';
import { durationsOfPostmortem, peakOf } from '../../../src/lib/analysis/postmortem-durations.ts';

const at = (time: string) => new Date(`2025-03-01T${time}:00Z`);
const bucket = (time: string, negative: number, neutral = 0, positive = 0) => ({
  at: at(time),
  negative,
  neutral,
  positive,
});

describe('durations of a written post-mortem', () => {
  it('measures from the four times, and the first response against the mention peak', () => {
    const durations = durationsOfPostmortem({
      started: at('14:00'),
      detected: at('14:40'),
      firstResponse: at('16:30'),
      resolved: at('20:00'),
      impact: { mentionSeries: [bucket('14:00', 5), bucket('15:00', 30, 10), bucket('16:00', 20)] },
    });
    expect(durations).toEqual({ toDetect: 40, toFirstResponse: 110, toResolve: 360, responseAfterPeak: 90 });
  });

  it('leaves out what it cannot know', () => {
    expect(durationsOfPostmortem({ started: at('14:00'), detected: at('14:05'), impact: {} })).toEqual({ toDetect: 5 });
  });

  it('takes the earliest of equally busy hours as the peak', () => {
    expect(peakOf([bucket('14:00', 1), bucket('15:00', 2, 1), bucket('16:00', 3)])?.at).toEqual(at('15:00'));
    expect(peakOf([])).toBeUndefined();
  });
});
