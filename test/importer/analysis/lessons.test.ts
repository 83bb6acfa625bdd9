import { describe, expect, it } from 'vitest';
import { deriveKeyTimes } from '../../../src/importer/analysis/key-times.ts';
import { draftLessons, type DraftLesson } from '../../../src/importer/analysis/lessons.ts';
import { fixture, importIncident } from '../support/pipeline.ts';

async function lessonsOf(name: string): Promise<DraftLesson[]> {
  const incident = await importIncident([fixture(`lessons/${name}.json`)], { brandHandles: ['examplebrand'] });
  const times = deriveKeyTimes(incident, { firstResponse: incident.firstResponse })!;
  return draftLessons({
    events: incident.events,
    times,
    peakCount: incident.mentions?.peakCount,
    actionItems: incident.authored.actionItems ?? [],
    brandIds: new Set(incident.people.filter((p) => p.role === 'brand').map((p) => p.id)),
  });
}

const rules = [
  { rule: 'hasty-reply-corrected', step: 3, fixture: 'hasty-reply', cites: ['09:35', '10:20'] },
  { rule: 'replies-to-one-person', step: 7, fixture: 'replies-to-one', cites: ['10:00', '10:05', '10:09'] },
  { rule: 'no-private-move', step: 5, fixture: 'no-private-move', cites: ['10:00'] },
  { rule: 'denial-then-apology', step: 6, fixture: 'denial-apology', cites: ['10:00', '14:00'] },
  { rule: 'response-after-peak', step: 2, fixture: 'after-peak', cites: ['11:00', '13:15'] },
  { rule: 'no-root-cause-action', step: 9, fixture: 'root-cause', cites: ['09:00'] },
] as const;

describe('lesson rules draft a lesson only when their evidence is there', () => {
  for (const { rule, step, fixture: name, cites } of rules) {
    it(`${rule} (step ${step}) fires on ${name}-fires.json and cites its evidence`, async () => {
      const lesson = (await lessonsOf(`${name}-fires`)).find((each) => each.rule === rule);
      expect(lesson, `${rule} should fire`).toBeDefined();
      expect(lesson!.step).toBe(step);
      expect(lesson!.evidence.map((item) => item.at.toISOString().slice(11, 16))).toEqual(cites);
      expect(lesson!.text.length).toBeGreaterThan(20);
    });
    it(`${rule} (step ${step}) stays quiet on ${name}-quiet.json`, async () => {
      const fired = (await lessonsOf(`${name}-quiet`)).map((each) => each.rule);
      expect(fired).not.toContain(rule);
    });
  }

  it('drafts lessons in playbook step order', async () => {
    const steps = (await lessonsOf('no-private-move-fires')).map((lesson) => lesson.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });
});
