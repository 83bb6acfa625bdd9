import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { playbookSchema } from './schema/playbook.ts';
import { postmortemSummarySchema } from './schema/postmortem-summary.ts';
import { runbookSchema } from './schema/runbook.ts';
import { platformCardSchema } from './schema/platform-card.ts';
import { roleCardSchema } from './schema/role-card.ts';
import { scenarioTemplateSchema } from './schema/scenario-template.ts';
import { contentPaths } from './content-paths.ts';
import { postmortemLoader } from './content/postmortem-loader.ts';

/**
 * Content lives in the top-level `content/` folder, outside `src/`, so that contributors only
 * ever touch Markdown. The schemas are the same modules the scripts and tests import.
 */
const playbook = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: contentPaths.playbook }),
  schema: playbookSchema,
});

const postmortems = defineCollection({
  // Read once (src/content/postmortem-loader.ts): the check's reading is reused, the body is
  // rendered here, and its text feeds the search records. Only `.md`: a post-mortem is data,
  // and MDX would run its imports and {expressions} at build time; an `.mdx` file here is never
  // compiled (the content check names it as an error). The loader validates each file with
  // the post-mortem schema (drafts may leave the fields only a person can decide empty) and
  // stores its summary; each incident page reads the rest (src/content/postmortem-details.ts).
  loader: postmortemLoader({ base: contentPaths.postmortems }),
  schema: postmortemSummarySchema,
});

/** The operational playbook: runbooks per crisis type, platform cards, role cards, scenario templates. */
const runbooks = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: contentPaths.runbooks }),
  schema: runbookSchema,
});

const platforms = defineCollection({
  loader: glob({ pattern: '*.md', base: contentPaths.platforms }),
  schema: platformCardSchema,
});

const roles = defineCollection({
  loader: glob({ pattern: '*.md', base: contentPaths.roles }),
  schema: roleCardSchema,
});

const scenarioTemplates = defineCollection({
  loader: glob({ pattern: '*.md', base: contentPaths.scenarioTemplates }),
  schema: scenarioTemplateSchema,
});

export const collections = { playbook, postmortems, runbooks, platforms, roles, scenarioTemplates };
