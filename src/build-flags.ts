/**
 * Switches read from the environment at build time. Day to day nobody sets them.
 */

/**
 * `FIREBREAK_DRAFTS=1 npm run build` includes draft post-mortems in a production build: a
 * preview for reviewers (a pull-request preview deploy) and the importer's round-trip test.
 * The public site is built without it, so drafts never go live.
 */
export const includeDraftsInBuild = process.env['FIREBREAK_DRAFTS'] === '1';
