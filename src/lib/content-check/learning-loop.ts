import { actionDeadline, daysOverdue } from '../insights/actions.ts';
import { daysBetween } from '../insights/days.ts';
import { lessonsByStep, type LessonsOf } from '../insights/lessons.ts';
import { PLAYBOOK_REVIEW_MAX_DAYS } from '../../schema/deadlines.ts';
import type { PlaybookPage } from '../../schema/playbook.ts';
import type { Postmortem } from '../../schema/postmortem.ts';
import { problemAt, type IssueSource } from './issues.ts';
import type { CheckedEntry } from './index.ts';
import type { Problem } from './problem.ts';

/** How many unapplied lessons a review warning names before it only counts the rest. */
const LISTED_LESSONS_MAX = 5;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** What the rules across files keep of a valid post-mortem: what `lessonsByStep` reads of it. */
export function lessonSource(id: string, data: Postmortem): LessonsOf {
  const { title, lessons, started, resolved, status, example } = data;
  return { id, data: { title, lessons, started, ...(resolved && { resolved }), status, example } };
}

/**
 * The rules that keep lessons flowing back into the playbook, measured against `today`, on one
 * post-mortem that passed its schema (the check runs them as it reads each file):
 * - a lesson's `appliedIn` names a playbook page that exists, on a day after the incident began (errors);
 * - an open action item past its deadline (agreed, or from the severity) is a warning (not in drafts).
 */
export function postmortemLearningProblems(
  entry: IssueSource,
  data: Postmortem,
  pageIds: ReadonlySet<string>,
  today: Date,
): Problem[] {
  const problems: Problem[] = [];
  data.lessons.forEach((lesson, index) => {
    const applied = lesson.appliedIn;
    if (!applied) return;
    if (!pageIds.has(applied.page)) {
      problems.push(
        problemAt(
          entry,
          ['lessons', index, 'appliedIn', 'page'],
          `no playbook page "${applied.page}" to apply this lesson to`,
        ),
      );
    }
    if (daysBetween(data.started, applied.date) < 0) {
      problems.push(
        problemAt(
          entry,
          ['lessons', index, 'appliedIn', 'date'],
          `applied on ${day(applied.date)}, before the incident started (${day(data.started)}); expected the day the playbook page changed`,
        ),
      );
    }
  });
  if (data.status === 'draft') return problems;
  data.actionItems.forEach((item, index) => {
    if (item.status !== 'open') return;
    const { deadline, fromSeverity } = actionDeadline(item, data);
    const late = daysOverdue(deadline, today);
    if (late <= 0) return;
    const due = fromSeverity
      ? `had no due date, so the severity ${data.severity} deadline applies (${day(deadline)})`
      : `was due ${day(deadline)}`;
    problems.push(
      problemAt(
        entry,
        ['actionItems', index, ...(fromSeverity ? [] : ['due'])],
        `open action item "${item.title}" ${due}: ${late} day${late === 1 ? '' : 's'} overdue; finish it, drop it or agree a new date`,
        'warning',
      ),
    );
  });
  return problems;
}

/**
 * The learning-loop rules on the playbook pages, from the lessons of every valid post-mortem:
 * - a page not reviewed for `PLAYBOOK_REVIEW_MAX_DAYS` is a warning;
 * - a step page reviewed after lessons that cite it were learned, without applying them, is a warning.
 */
export function playbookLearningProblems(
  playbook: readonly CheckedEntry<PlaybookPage>[],
  lessons: readonly LessonsOf[],
  today: Date,
): Problem[] {
  const problems: Problem[] = [];
  const byStep = lessonsByStep(lessons, { includeExamples: true });
  for (const page of playbook) {
    if (!page.valid) continue;
    const reviewed = page.valid.lastReviewed;
    const age = daysBetween(reviewed, today);
    if (age > PLAYBOOK_REVIEW_MAX_DAYS) {
      problems.push(
        problemAt(
          page,
          ['lastReviewed'],
          `last reviewed ${day(reviewed)}, ${age} days ago (more than ${PLAYBOOK_REVIEW_MAX_DAYS}): check the page against reality and update the date`,
          'warning',
        ),
      );
    }
    const step = page.valid.step;
    if (step === undefined) continue;
    const missed = (byStep.get(step) ?? []).filter((lesson) => !lesson.appliedIn && lesson.learned < reviewed);
    if (missed.length === 0) continue;
    // A large library can miss hundreds: name the first few, count the rest (one readable line).
    const shown = missed
      .slice(0, LISTED_LESSONS_MAX)
      .map((lesson) => `${lesson.incidentId} lesson ${lesson.index + 1}`);
    const more = missed.length - shown.length;
    const listed = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
    problems.push(
      problemAt(
        page,
        ['lastReviewed'],
        `reviewed ${day(reviewed)}, but ${missed.length} lesson${missed.length === 1 ? '' : 's'} citing step ${step} from before then ${missed.length === 1 ? 'is' : 'are'} not applied (${listed}): change the page and set appliedIn on each lesson`,
        'warning',
      ),
    );
  }
  return problems;
}
