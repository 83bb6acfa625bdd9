import { z } from 'zod';
import { COUNTS } from './deadlines.ts';

/**
 * The four stage templates of the templates page (`content/playbook/templates.mdx`), by the
 * anchor of their heading there, so runbooks can point at them.
 */
export const STAGE_TEMPLATE_LABELS = {
  'holding-statement': 'Holding statement',
  apology: 'Apology',
  update: 'Update',
  'closing-statement': 'Closing statement',
} as const;
export type StageTemplate = keyof typeof STAGE_TEMPLATE_LABELS;
export const STAGE_TEMPLATES = Object.keys(STAGE_TEMPLATE_LABELS) as [StageTemplate, ...StageTemplate[]];

/** A placeholder the writer must replace: `[TIME OF NEXT UPDATE]`. */
export const PLACEHOLDER = /\[[A-Z0-9][^\]]*\]/g;

/**
 * How long a placeholder is counted when checking the short version: a realistic filled-in value
 * (a time with its zone, a product name, a link), so "under 280 characters" still holds once
 * the writer has replaced them.
 */
export const PLACEHOLDER_ALLOWANCE = 20;

/** The length of a text once each placeholder is filled with a value of `PLACEHOLDER_ALLOWANCE` characters. */
export function filledLength(text: string): number {
  return text.trim().replace(PLACEHOLDER, 'x'.repeat(PLACEHOLDER_ALLOWANCE)).length;
}

/**
 * A scenario template (`content/scenario-templates/<id>.md`): the statement or script for one
 * kind of situation, ready to copy, with a short version for a post or a reply.
 */
export const scenarioTemplateSchema = z
  .object({
    /** The template's name ("Hoax correction"). */
    title: z.string().trim().min(3).max(80),
    /** When to use it, in one or two sentences. */
    use: z.string().trim().min(20),
    /** Position on the page (lower first). */
    order: z.number().int().default(100),
    /** Who sends it (a role key of src/schema/roles.ts) and who signs it off, in words. */
    sender: z.string().trim().min(3),
    /** The full text, with [PLACEHOLDERS] in square brackets. */
    text: z
      .string()
      .trim()
      .min(40)
      .refine((text) => /\[[A-Z0-9]/.test(text), 'mark what the writer fills in as [PLACEHOLDERS] in square brackets'),
    /** A version for a post or a reply, under the platform limit once filled in. */
    short: z
      .string()
      .trim()
      .min(20)
      .refine((text) => filledLength(text) < COUNTS.shortPostCharacters, {
        error: (issue) =>
          `the short version must stay under ${COUNTS.shortPostCharacters} characters once filled in (it is ${filledLength(String(issue.input))}, counting each placeholder as ${PLACEHOLDER_ALLOWANCE})`,
      }),
    /** Extra texts that come with it (an FAQ, Q&A for a spokesperson), each with a title. */
    extras: z
      .array(
        z
          .object({
            /** What this part is ("FAQ for agents"). */
            title: z.string().trim().min(3),
            /** The text, placeholders in square brackets. */
            text: z.string().trim().min(20),
          })
          .strict(),
      )
      .default([]),
    /** What never to write in it, each with its reason. */
    never: z.array(z.string().trim().min(5)).min(3, 'list at least three things never to write'),
  })
  .strict();

export type ScenarioTemplate = z.output<typeof scenarioTemplateSchema>;
