import { z } from 'zod';
import { checklistItemSchema } from './checklist.ts';
import { METHOD_STEP_COUNT, pageFields } from './playbook.ts';
import { PLATFORM_ACTIONS } from './platform-card.ts';
import { roleSchema } from './roles.ts';
import { STAGE_TEMPLATES } from './scenario-template.ts';
import { severitySchema } from './severity.ts';
import { CRISIS_TYPES, oneOf } from './taxonomy.ts';

/** The crisis types that get a runbook: every type of the taxonomy except the catch-all. */
export type RunbookType = Exclude<(typeof CRISIS_TYPES)[number], 'other'>;
export const RUNBOOK_TYPES = CRISIS_TYPES.filter((type) => type !== 'other') as [RunbookType, ...RunbookType[]];

/** The id of another entry (a scenario template, a platform card), by its file name. */
const entryRef = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id: a file name without .md/.mdx');

export const platformActionRefSchema = z
  .object({
    /** The platform card, by id (`content/platforms/<id>.md`). */
    card: entryRef,
    /** Which of the card's actions applies. */
    action: oneOf(PLATFORM_ACTIONS),
    /** Why this action matters for this crisis type, in one sentence. */
    why: z.string().trim().min(10, 'say in one sentence why this action matters here'),
  })
  .strict();

/**
 * A runbook (`content/runbooks/<crisis-type>.mdx`): what to do in the first quarter of an hour
 * for one type of crisis, so the reader can act from this page alone. The file name is the
 * crisis type; the body holds the reasoning and the moves after the first 15 minutes.
 */
export const runbookSchema = pageFields
  .extend({
    /** The crisis type of src/schema/taxonomy.ts this runbook is for; must match the file name. */
    crisisType: oneOf(RUNBOOK_TYPES),
    /** The level to start from when this type of crisis is spotted, before the full triage. */
    defaultSeverity: severitySchema,
    /**
     * Facts that move it one or more levels up, each with the level it moves to. A type that
     * starts at level 1 lists what widens the response instead (the level stays 1).
     */
    raiseWhen: z
      .array(
        z
          .object({
            /** The fact, as the reader would notice it. */
            when: z.string().trim().min(10),
            /** The level it moves to (more severe than the default). */
            level: severitySchema,
          })
          .strict(),
      )
      .min(2, 'name at least two facts that raise the level'),
    /** The role that leads the response to this type. */
    lead: roleSchema,
    /** Roles that must be in the room from the start, besides the lead and the scribe. */
    team: z.array(roleSchema).min(1, 'name the roles that join from the start'),
    /** The first 15 minutes, in order, each with its owner. */
    checklist: z.array(checklistItemSchema).min(5, 'write the first 15 minutes as at least five actions'),
    /** Scenario templates to start from (`content/scenario-templates/<id>.md`), most likely first. */
    templates: z.array(entryRef).min(1, 'name the scenario template to start from'),
    /** Stage templates of the templates page that also apply (holding statement, apology, update, closing). */
    stageTemplates: z.array(oneOf(STAGE_TEMPLATES)).default([]),
    /** Platform action cards and the action on each this crisis needs. */
    platformActions: z.array(platformActionRefSchema).min(1, 'name at least one platform action'),
    /** What never to do in this type of crisis, each a sentence with its reason. */
    never: z.array(z.string().trim().min(10)).min(3, 'name at least three things never to do'),
    /** The method steps that matter most here (1–10), in the order they come up. */
    steps: z
      .array(z.number().int().min(1).max(METHOD_STEP_COUNT, `steps are numbered 1 to ${METHOD_STEP_COUNT}`))
      .min(1, 'link at least one method step'),
  })
  .strict()
  .superRefine(
    (runbook, ctx) => {
      if (typeof runbook.defaultSeverity !== 'number' || !Array.isArray(runbook.raiseWhen)) return;
      runbook.raiseWhen.forEach((raise, index) => {
        const level = raise?.level;
        if (typeof level !== 'number') return;
        const tooMild = runbook.defaultSeverity === 1 ? level !== 1 : level >= runbook.defaultSeverity;
        if (tooMild) {
          ctx.addIssue({
            code: 'custom',
            path: ['raiseWhen', index, 'level'],
            message: `level ${level} is not more severe than the default (${runbook.defaultSeverity}); a raise goes to a lower number`,
          });
        }
      });
    },
    { when: () => true },
  );

export type Runbook = z.output<typeof runbookSchema>;
