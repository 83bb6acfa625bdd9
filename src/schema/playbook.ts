import { z } from 'zod';
import { calendarDate } from './dates.ts';
import { aliasesSchema } from './synonyms.ts';
import { visibleText } from './visible-text.ts';

/** When in the life of a crisis a playbook page is meant to be read. */
export const PHASES = ['before', 'during', 'after'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  before: 'Before a crisis',
  during: 'During a crisis',
  after: 'After a crisis',
};

/** What kind of page this is; it decides the navigation slot and which rules apply. */
export const PLAYBOOK_KINDS = ['step', 'start', 'templates', 'guide'] as const;
export type PlaybookKind = (typeof PLAYBOOK_KINDS)[number];

/** The badge a search result shows for each kind of page (a step adds its number). */
export const PLAYBOOK_KIND_LABELS: Record<PlaybookKind, string> = {
  step: 'Step',
  start: 'Start here',
  templates: 'Templates',
  guide: 'Guide',
};

/** The ten steps of the method: the backbone of the playbook. */
export const METHOD_STEP_COUNT = 10;

/** A slug of a playbook page, e.g. `step-05-take-it-private`. */
export const pageRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected the id of a playbook page (its file name without .md/.mdx)');

/**
 * One page of the crisis playbook (`content/playbook/*.mdx`). The per-file rules live here;
 * the rules that look across pages (unique step numbers, related pages that exist) live in
 * `src/lib/content-check/`, which runs them before every build.
 */
export const playbookSchema = z
  .object({
    /** The page title as a responder scans it: short, imperative where possible. */
    title: visibleText(z.string().trim().min(3, 'a title needs at least 3 characters').max(80)),
    /** One sentence a stressed reader can act on without reading further. */
    summary: z
      .string()
      .trim()
      .min(20, 'write one full sentence (at least 20 characters)')
      .max(240, 'keep the summary to one sentence (240 characters at most)'),
    /** Whether the page is read before, during or after a crisis. */
    phase: z.enum(PHASES, { error: `expected one of: ${PHASES.join(', ')}` }),
    /** Page kind: `step` for the ten method steps, `start` for "Crisis now", `templates`, or `guide`. */
    kind: z.enum(PLAYBOOK_KINDS, { error: `expected one of: ${PLAYBOOK_KINDS.join(', ')}` }).default('step'),
    /** The method step this page teaches (1–10); only method steps carry it, and each number once. */
    step: z
      .number({ error: 'expected a whole number from 1 to 10' })
      .int('expected a whole number from 1 to 10')
      .min(1, 'steps are numbered 1 to 10')
      .max(METHOD_STEP_COUNT, 'steps are numbered 1 to 10')
      .optional(),
    /** "Do now" checklist: concrete actions, each one tickable on the page. */
    checklist: z.array(z.string().trim().min(3)).default([]),
    /** Other playbook pages worth reading next, by id; each must exist. */
    related: z.array(pageRef).default([]),
    /** The role that keeps this page true (a role, not a person: people change jobs). */
    owner: visibleText(z.string().trim().min(2, 'name the role that owns this page, e.g. "Head of Social"')),
    /** The day someone last checked this page against reality. */
    lastReviewed: calendarDate,
    /** Other words a reader might search for to find this page ("who do I call", "hacked account"). */
    aliases: aliasesSchema,
    /** Position in the navigation among pages that are not method steps (lower comes first). */
    order: z.number().int().optional(),
  })
  .strict()
  // Runs even when other fields are wrong, so every problem of a page is reported at once.
  .superRefine(
    (page, ctx) => {
      const kind = typeof page.kind === 'string' ? page.kind : 'step';
      const hasStep = page.step !== undefined;
      if (kind === 'step' && !hasStep) {
        ctx.addIssue({ code: 'custom', path: ['step'], message: 'a method step needs its step number (1–10)' });
      }
      if (kind !== 'step' && hasStep) {
        ctx.addIssue({
          code: 'custom',
          path: ['step'],
          message: `only method steps carry a step number; this page is kind "${kind}"`,
        });
      }
      if (kind === 'step' && Array.isArray(page.checklist) && page.checklist.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['checklist'], message: 'a method step needs a "do now" checklist' });
      }
    },
    { when: () => true },
  );

export type PlaybookInput = z.input<typeof playbookSchema>;
export type PlaybookPage = z.output<typeof playbookSchema>;
