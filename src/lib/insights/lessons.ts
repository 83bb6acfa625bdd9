import type { Lesson, Postmortem } from '../../schema/postmortem.ts';
import { countsInInsights, type InsightEntry, type InsightScope } from './entry.ts';

/** When a lesson was learned: the day its incident was resolved (or started, while it runs). */
export function lessonDate(incident: Pick<Postmortem, 'started' | 'resolved'>): Date {
  return incident.resolved ?? incident.started;
}

/** A lesson as a playbook step page lists it. */
export interface CitedLesson {
  incidentId: string;
  incidentTitle: string;
  /** See `lessonDate`. */
  learned: Date;
  /** Position in the incident's `lessons`. */
  index: number;
  text: string;
  step: number;
  appliedIn?: Lesson['appliedIn'];
}

/** What `lessonsByStep` reads of a post-mortem: its lessons and what dates and counts them. */
export interface LessonsOf {
  id: string;
  data: Pick<InsightEntry['data'], 'title' | 'lessons' | 'started' | 'resolved' | 'status' | 'example'>;
}

/** Method step → the lessons that cite it, newest first (the file order within one incident). */
export function lessonsByStep(entries: readonly LessonsOf[], scope: InsightScope): Map<number, CitedLesson[]> {
  const byStep = new Map<number, CitedLesson[]>();
  for (const entry of entries) {
    const { data } = entry;
    if (!countsInInsights(data, scope)) continue;
    const learned = lessonDate(data);
    data.lessons.forEach((lesson, index) => {
      if (lesson.step === undefined) return;
      const list = byStep.get(lesson.step) ?? [];
      list.push({
        incidentId: entry.id,
        incidentTitle: data.title,
        learned,
        index,
        text: lesson.text,
        step: lesson.step,
        ...(lesson.appliedIn ? { appliedIn: lesson.appliedIn } : {}),
      });
      byStep.set(lesson.step, list);
    });
  }
  for (const list of byStep.values()) {
    list.sort(
      (a, b) =>
        b.learned.getTime() - a.learned.getTime() || a.incidentId.localeCompare(b.incidentId) || a.index - b.index,
    );
  }
  return byStep;
}
