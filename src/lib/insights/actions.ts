import { ACTION_DEADLINE_DAYS } from '../../schema/deadlines.ts';
import type { ActionItem, Postmortem } from '../../schema/postmortem.ts';
import type { Severity } from '../../schema/severity.ts';
import { addDays, daysBetween } from './days.ts';
import { countsInInsights, type InsightEntry, type InsightScope } from './entry.ts';

type ActionContext = Pick<Postmortem, 'severity' | 'detected' | 'resolved'>;

/** The day an incident's action items start ageing: when it was resolved, or detected while it runs. */
export function actionsStart(incident: ActionContext): Date {
  return incident.resolved ?? incident.detected;
}

/** When an action item is due: its agreed date, else the severity deadline from `ACTION_DEADLINE_DAYS`. */
export function actionDeadline(
  item: Pick<ActionItem, 'due'>,
  incident: ActionContext,
): { deadline: Date; fromSeverity: boolean } {
  if (item.due) return { deadline: item.due, fromSeverity: false };
  return {
    deadline: addDays(actionsStart(incident), ACTION_DEADLINE_DAYS[incident.severity as Severity]),
    fromSeverity: true,
  };
}

/** Whole days an item is past its deadline on `today`: positive when overdue, 0 on the day, negative before. */
export function daysOverdue(deadline: Date, today: Date): number {
  return daysBetween(deadline, today);
}

/** One open action item, with the incident it came from and where it stands on `today`. */
export interface OpenAction {
  incidentId: string;
  incidentTitle: string;
  severity: number;
  /** Position in the incident's `actionItems`. */
  index: number;
  title: string;
  ownerRole: string;
  type: ActionItem['type'];
  deadline: Date;
  /** True when no due date was agreed and the deadline comes from the severity. */
  deadlineFromSeverity: boolean;
  /** Days since the incident's action items started ageing (see `actionsStart`). */
  ageDays: number;
  /** Days past the deadline (positive = overdue). */
  daysOverdue: number;
}

/**
 * Every open action item of the counted entries, overdue first (the longest overdue at the top),
 * then by deadline, soonest first. `today` is passed in, never read from the clock here.
 */
export function openActions(
  entries: readonly Pick<InsightEntry, 'id' | 'data'>[],
  today: Date,
  scope: InsightScope,
): OpenAction[] {
  const rows: OpenAction[] = [];
  for (const entry of entries) {
    const { data } = entry;
    if (!countsInInsights(data, scope)) continue;
    data.actionItems.forEach((item, index) => {
      if (item.status !== 'open') return;
      const { deadline, fromSeverity } = actionDeadline(item, data);
      rows.push({
        incidentId: entry.id,
        incidentTitle: data.title,
        severity: data.severity,
        index,
        title: item.title,
        ownerRole: item.ownerRole,
        type: item.type,
        deadline,
        deadlineFromSeverity: fromSeverity,
        ageDays: Math.max(0, daysBetween(actionsStart(data), today)),
        daysOverdue: daysOverdue(deadline, today),
      });
    });
  }
  return rows.sort(
    (a, b) =>
      Number(b.daysOverdue > 0) - Number(a.daysOverdue > 0) ||
      a.deadline.getTime() - b.deadline.getTime() ||
      a.incidentId.localeCompare(b.incidentId) ||
      a.index - b.index,
  );
}
