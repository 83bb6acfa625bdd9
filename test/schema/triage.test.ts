import { describe, expect, it } from 'vitest';
import { SEVERITIES, SEVERITY_LEVELS, VOLUME_MULTIPLE } from '../../src/schema/severity.ts';
import { TRIAGE_FALLBACK, TRIAGE_LADDER } from '../../src/schema/triage.ts';

describe('triage ladder', () => {
  it('reaches every severity level, most severe first', () => {
    const landings = [...TRIAGE_LADDER.map((rung) => rung.yes), TRIAGE_FALLBACK];
    expect(new Set(landings)).toEqual(new Set(SEVERITIES));
    expect(landings).toEqual([...landings].sort((a, b) => a - b));
  });

  it('quotes the same volume thresholds as the level criteria', () => {
    const ladderText = TRIAGE_LADDER.flatMap((rung) => rung.signals).join(' ');
    const criteria = SEVERITY_LEVELS.map((level) => level.reach).join(' ');
    for (const multiple of Object.values(VOLUME_MULTIPLE)) {
      expect(ladderText).toMatch(new RegExp(`\\b${multiple}(×|–)`));
      expect(criteria).toMatch(new RegExp(`\\b${multiple}(×|–)`));
    }
  });
});

describe('severity levels', () => {
  it('give shorter alert deadlines to more severe levels, and a holding statement deadline at levels 1 and 2', () => {
    const deadlines = SEVERITY_LEVELS.map((level) => level.alertWithinMinutes);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(new Set(deadlines).size).toBe(deadlines.length);
    for (const level of SEVERITY_LEVELS) {
      expect(level.alertWho.length).toBeGreaterThan(0);
      // Either a statement deadline or a note on what the reply looks like, never neither.
      expect(level.holdingStatementWithinMinutes !== undefined || level.replyNote !== undefined).toBe(true);
    }
    expect(SEVERITY_LEVELS.filter((l) => l.holdingStatementWithinMinutes !== undefined).map((l) => l.level)).toEqual([
      1, 2,
    ]);
  });
});
