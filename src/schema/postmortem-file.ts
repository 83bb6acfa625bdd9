import { z } from 'zod';
import { postmortemSchema } from './postmortem.ts';
import { withDraftStandIns } from './undecided.ts';

/**
 * A post-mortem file's front matter as the site reads it: the post-mortem schema, except that a
 * draft may still leave the fields only a person can decide (src/schema/undecided.ts) empty.
 * The pages (src/content.config.ts) and the importer's writer read a file through this, so a
 * draft the importer writes is a draft the site accepts.
 */
export const postmortemFileSchema = z.preprocess(withDraftStandIns, postmortemSchema);
