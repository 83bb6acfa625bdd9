/**
 * Switches read from the environment at build time. Day to day nobody sets them.
 */

/**
 * `FIREBREAK_DRAFTS=1 npm run build` includes draft post-mortems in a production build: a
 * preview for reviewers (a pull-request preview deploy) and the importer's round-trip test.
 * The public site is built without it, so drafts never go live.
 */
export const includeDraftsInBuild = process.env['FIREBREAK_DRAFTS'] === '1';

/**
 * Whether a post-mortem with this status appears on the site: drafts only in `astro dev`
 * (`dev`) or in a preview build. The pages and the search index both ask this one question.
 */
export function isShownOnSite(status: string, dev: boolean): boolean {
  return status !== 'draft' || dev || includeDraftsInBuild;
}

/**
 * `FIREBREAK_INTERNAL=1 FIREBREAK_ROSTER=path/to/roster.yaml npm run build` builds the internal
 * site: the same pages plus the roster (people, phones, backups, sign-off) on Crisis now and the
 * role cards. Deploy it only behind access control (README, "The internal build"). Without
 * FIREBREAK_INTERNAL nothing reads the roster file, so the public build cannot contain it.
 */
export const internalBuild = process.env['FIREBREAK_INTERNAL'] === '1';

/** The roster file of an internal build. */
export const rosterFile = process.env['FIREBREAK_ROSTER'];

/**
 * `FIREBREAK_EXCLUDE_EXAMPLES=1 npm run build` leaves the fictional sample post-mortems
 * (`example: true`) out of the insights and action-item pages, so a team that keeps the samples
 * for reference still sees figures about its own incidents only.
 */
export const excludeExamplesFromInsights = process.env['FIREBREAK_EXCLUDE_EXAMPLES'] === '1';

/**
 * The day ages and deadlines are measured against: the day of the build, unless
 * `FIREBREAK_TODAY=YYYY-MM-DD` fixes it (tests, and rebuilding an old release exactly).
 */
export function buildDay(value = process.env['FIREBREAK_TODAY']): Date {
  if (value === undefined || value === '') return new Date();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime())) {
    throw new Error(`FIREBREAK_TODAY="${value}": expected a date as YYYY-MM-DD, e.g. 2026-12-01`);
  }
  return day;
}
