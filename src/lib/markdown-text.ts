/**
 * The Markdown features Astro's Sätteri processor renders with (astro.config.mjs keeps the
 * defaults): the check parses bodies with the same ones as the pages.
 */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const;
