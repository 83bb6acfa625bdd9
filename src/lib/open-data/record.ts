import type { Durations } from '../analysis/durations.ts';
import type { Postmortem } from '../../schema/postmortem.ts';
import type { z } from 'zod';
import type { openPostmortemSchema } from '../../schema/open-data.ts';

export type OpenPostmortem = z.input<typeof openPostmortemSchema>;

/** Only signed-off post-mortems are open data: never drafts, nor entries still in review. */
export function isOpenData(data: Pick<Postmortem, 'status'>): boolean {
  return data.status === 'published';
}

const instant = (date: Date) => date.toISOString();
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One post-mortem as open data: its validated front matter with every time as an ISO 8601 string
 * (calendar days as YYYY-MM-DD, as they were written) and the durations computed for it.
 */
export function openRecord(id: string, url: string, data: Postmortem, durations: Durations): OpenPostmortem {
  const { started, detected, firstResponse, resolved, timeline, statements, impact, lessons, actionItems, ...rest } =
    data;
  const frontMatter: OpenPostmortem['frontMatter'] = {
    ...rest,
    started: instant(started),
    detected: instant(detected),
    ...(firstResponse ? { firstResponse: instant(firstResponse) } : {}),
    ...(resolved ? { resolved: instant(resolved) } : {}),
    timeline: timeline.map((event) => ({ ...event, at: instant(event.at) })),
    statements: statements.map((statement) => ({ ...statement, at: instant(statement.at) })),
    impact: {
      ...impact,
      ...(impact.mentionSeries
        ? { mentionSeries: impact.mentionSeries.map((bucket) => ({ ...bucket, at: instant(bucket.at) })) }
        : {}),
    },
    lessons: lessons.map(({ appliedIn, ...lesson }) =>
      appliedIn ? { ...lesson, appliedIn: { page: appliedIn.page, date: day(appliedIn.date) } } : lesson,
    ),
    actionItems: actionItems.map(({ due, ...item }) => (due ? { ...item, due: day(due) } : item)),
  };
  return { id, url, durations: { ...durations }, frontMatter };
}
