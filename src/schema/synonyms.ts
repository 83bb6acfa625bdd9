import { z } from 'zod';
import { visibleText } from './visible-text.ts';

export { SYNONYM_GROUPS, type SynonymGroup } from './synonym-groups.ts';

export const ALIAS_MAX = 60;

/**
 * Words or short phrases a reader might search for that the page itself does not use
 * ("account takeover", "CEO post"): indexed with the page, with their synonyms, and weighted
 * above body text. Optional; the shared synonym table covers the common cases already.
 */
export const aliasesSchema = z
  .array(
    visibleText(
      z
        .string()
        .trim()
        .min(2, 'an alias needs at least 2 characters')
        .max(ALIAS_MAX, `keep an alias to a short phrase (${ALIAS_MAX} characters at most)`),
    ),
  )
  .default([]);
