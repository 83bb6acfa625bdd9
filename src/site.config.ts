/**
 * The few values a team changes when it adopts Firebreak. Everything else derives from them.
 */
export const site = {
  /** Name shown in the header and page titles. */
  name: 'Firebreak',
  /** Public URL of the deployed site (used for canonical links and the sitemap). */
  url: 'https://example.github.io',
  /**
   * Path the site is served under; `/` unless it lives in a sub-folder such as GitHub Pages'
   * `/repo/`. `FIREBREAK_BASE=/repo/ npm run build` overrides it for one build.
   */
  base: process.env['FIREBREAK_BASE'] ?? '/',
  /** Repository that holds the content, for "Edit this page" links. */
  repository: 'https://github.com/example/firebreak',
  /** Branch that "Edit this page" links point at. */
  branch: 'main',
} as const;
