import { describe, expect, it } from 'vitest';
import { lessonsByStep } from '../../../src/lib/insights/lessons.ts';
import { entry } from './entries.ts';

const all = { includeExamples: true };

describe('lessons by playbook step', () => {
  const older = entry('2024-05-01-older', {
    started: '2024-05-01T10:00:00Z',
    detected: '2024-05-01T11:00:00Z',
    firstResponse: '2024-05-01T12:00:00Z',
    resolved: '2024-05-02T10:00:00Z',
    lessons: [
      { text: 'Older lesson on step 2.', step: 2, appliedIn: { page: 'step-02-act-early', date: '2024-06-01' } },
      { text: 'A lesson with no step.' },
    ],
  });
  const newer = entry('2025-01-10-newer', {
    lessons: [
      { text: 'Newer lesson on step 2.', step: 2 },
      { text: 'Another newer one on step 2.', step: 2 },
      { text: 'On step 7.', step: 7 },
    ],
  });
  const draft = entry('2025-06-01-draft', { status: 'draft', lessons: [{ text: 'Draft lesson.', step: 2 }] });

  it('lists each step’s lessons newest first, keeping file order within an incident, drafts left out', () => {
    const byStep = lessonsByStep([older, draft, newer], all);
    expect([...byStep.keys()].sort()).toEqual([2, 7]);
    expect(byStep.get(2)!.map((l) => l.text)).toEqual([
      'Newer lesson on step 2.',
      'Another newer one on step 2.',
      'Older lesson on step 2.',
    ]);
  });

  it('carries the applied state', () => {
    const [, , oldest] = lessonsByStep([older, newer], all).get(2)!;
    expect(oldest!.appliedIn).toEqual({ page: 'step-02-act-early', date: new Date('2024-06-01T00:00:00Z') });
    expect(lessonsByStep([newer], all).get(2)![0]!.appliedIn).toBeUndefined();
    expect(oldest!.learned).toEqual(new Date('2024-05-02T10:00:00Z'));
  });
});
