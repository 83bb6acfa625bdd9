import { ACTION_DEADLINE_DAYS } from '../../schema/deadlines.ts';
import { SEVERITIES } from '../../schema/severity.ts';

/**
 * `ACTION_DEADLINE_DAYS` as a reader says it, grouping levels that share a deadline:
 * "15 days for severity 1–2, 30 days for severity 3–4".
 */
export function describeDeadlines(): string {
  const groups: { days: number; levels: number[] }[] = [];
  for (const level of SEVERITIES) {
    const days = ACTION_DEADLINE_DAYS[level];
    const last = groups[groups.length - 1];
    if (last && last.days === days) last.levels.push(level);
    else groups.push({ days, levels: [level] });
  }
  return groups
    .map(({ days, levels }) => {
      const span = levels.length === 1 ? `${levels[0]}` : `${levels[0]}–${levels[levels.length - 1]}`;
      return `${days} days for severity ${span}`;
    })
    .join(', ');
}
