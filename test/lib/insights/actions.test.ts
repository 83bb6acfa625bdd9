import { describe, expect, it } from 'vitest';
import { actionDeadline, openActions } from '../../../src/lib/insights/actions.ts';
import { ACTION_DEADLINE_DAYS } from '../../../src/schema/deadlines.ts';
import { entry } from './entries.ts';

const all = { includeExamples: true };
const action = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  ownerRole: 'Social media lead',
  type: 'process',
  status: 'open',
  ...extra,
});

describe('action deadlines', () => {
  it('use the agreed due date when there is one', () => {
    const { data } = entry('2025-01-10-a', { actionItems: [action('Agreed', { due: '2025-03-01' })] });
    expect(actionDeadline(data.actionItems[0]!, data)).toEqual({
      deadline: new Date('2025-03-01T00:00:00Z'),
      fromSeverity: false,
    });
  });

  it('otherwise count the severity’s days from the day the incident was resolved', () => {
    // The fixture was resolved on 2025-01-11T10:00Z.
    for (const severity of [1, 2, 3, 4] as const) {
      const { data } = entry('2025-01-10-a', { severity, actionItems: [action('No date')] });
      const days = ACTION_DEADLINE_DAYS[severity];
      expect(actionDeadline(data.actionItems[0]!, data)).toEqual({
        deadline: new Date(Date.UTC(2025, 0, 11 + days)),
        fromSeverity: true,
      });
    }
    expect(ACTION_DEADLINE_DAYS).toEqual({ 1: 15, 2: 15, 3: 30, 4: 30 });
  });

  it('count from detection while the incident is still running', () => {
    const { data } = entry('2025-01-10-a', { status: 'in-review', resolved: undefined, severity: 3 });
    expect(actionDeadline({}, data).deadline).toEqual(new Date('2025-02-09T00:00:00Z'));
  });
});

describe('open action items across incidents', () => {
  const entries = [
    entry('2025-01-10-a', {
      actionItems: [
        action('Due soon', { due: '2026-12-10' }),
        action('Done already', { status: 'done', due: '2025-01-01' }),
        action('Long overdue', { due: '2025-06-01' }),
        action('Due today', { due: '2026-12-01' }),
      ],
    }),
    entry('2025-02-10-b', { actionItems: [action('Overdue by a day', { due: '2026-11-30' })] }),
    entry('2025-03-10-draft', { status: 'draft', actionItems: [action('Draft item', { due: '2020-01-01' })] }),
  ];

  it('lists only open items of non-draft entries, overdue first (longest overdue on top), then by deadline', () => {
    const rows = openActions(entries, new Date('2026-12-01T15:00:00Z'), all);
    expect(rows.map((r) => [r.title, r.daysOverdue])).toEqual([
      ['Long overdue', 548],
      ['Overdue by a day', 1],
      ['Due today', 0],
      ['Due soon', -9],
    ]);
    expect(rows[0]).toMatchObject({ incidentId: '2025-01-10-a', index: 2, ageDays: 689, deadlineFromSeverity: false });
  });

  it('measure against the day passed in, not the clock', () => {
    const rows = openActions(entries, new Date('2025-05-01T00:00:00Z'), all);
    expect(rows.every((r) => r.daysOverdue <= 0)).toBe(true);
    expect(rows[0]!.title).toBe('Long overdue');
  });

  it('leave out fictional examples when asked', () => {
    expect(openActions(entries, new Date('2026-12-01Z'), { includeExamples: false })).toEqual([]);
  });
});
