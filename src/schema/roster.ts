import { z } from 'zod';
import { PLATFORM_ACTIONS } from './platform-card.ts';
import { roleSchema, ROLES } from './roles.ts';
import { SEVERITIES, severitySchema } from './severity.ts';

/**
 * The roster: the people behind the roles, their phones, their backups, the platforms' support
 * contacts and who signs off what at each level. It is private by design: it lives in a file
 * outside the content collections (`content/roster.yaml`, git-ignored, or wherever
 * FIREBREAK_ROSTER points), is read only by an internal build (FIREBREAK_INTERNAL=1), and is the
 * only place the privacy lint lets a phone number be.
 */

const personRef = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a person id such as "sam-okafor"');

export const rosterPersonSchema = z
  .object({
    /** Id the rest of the roster uses for this person (lowercase, dashes). */
    id: personRef,
    /** Name as colleagues know it. */
    name: z.string().trim().min(2),
    /** Job title, so a stranger on the phone knows who they are talking to. */
    title: z.string().trim().min(2).optional(),
    /** Phone that reaches them at any hour during their on-call weeks. */
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{6,}$/, 'expected a phone number such as +44 20 7946 0000'),
    /** A second way to reach them (another phone, a messaging handle). */
    altContact: z.string().trim().min(3).optional(),
    /** Work e-mail. */
    email: z.email('expected an e-mail address').optional(),
  })
  .strict();

export const rosterRoleSchema = z
  .object({
    /** The person who holds the role this rota period. */
    primary: personRef,
    /** Who takes over, in the order to call them. */
    backups: z
      .array(personRef)
      .min(1, 'name at least one backup: a role held by one person fails at 21:00 on a Saturday'),
  })
  .strict();

export const signOffSchema = z
  .object({
    /** The severity level this rule is for. */
    level: severitySchema,
    /** Who approves a public statement at this level. */
    approver: personRef,
    /** Who approves when the approver does not answer within the approval deadline. */
    fallback: personRef,
    /** What this approval covers and any limit ("holding statements only; apologies need Legal too"). */
    covers: z.string().trim().min(5),
  })
  .strict();

export const platformSupportSchema = z
  .object({
    /** The platform card this contact belongs to (`content/platforms/<id>.md`). */
    card: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** The route: a partner manager, an agency rep, a business support case. */
    contact: z.string().trim().min(3),
    /** Their phone, if there is one. */
    phone: z.string().trim().optional(),
    /** The link to open a case, or their e-mail. */
    link: z.string().trim().min(5).optional(),
    /** What this route can do and how fast it usually answers. */
    notes: z.string().trim().min(5).optional(),
    /** The platform actions this contact can help with. */
    helpsWith: z.array(z.enum(PLATFORM_ACTIONS)).default([]),
  })
  .strict();

export const rosterSchema = z
  .object({
    /** True for the committed example: every page that shows it says it is fictional. */
    fictional: z.boolean().default(false),
    /** When this rota period starts and ends, as the team says it ("December 2026"). */
    period: z.string().trim().min(3),
    /** Everyone on the roster. */
    people: z.array(rosterPersonSchema).min(1),
    /** Who holds each role and who covers it. Every role of src/schema/roles.ts needs an entry. */
    roles: z.partialRecord(roleSchema, rosterRoleSchema),
    /** Who signs off a public statement at each level, with the fallback. */
    signOff: z.array(signOffSchema).min(1),
    /** Platform support contacts. */
    platformSupport: z.array(platformSupportSchema).default([]),
  })
  .strict()
  .superRefine((roster, ctx) => {
    const ids = new Set<string>();
    roster.people.forEach((person, index) => {
      if (ids.has(person.id))
        ctx.addIssue({ code: 'custom', path: ['people', index, 'id'], message: `duplicate person id "${person.id}"` });
      ids.add(person.id);
    });
    const known = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `"${id}" is not the id of anyone in people` });
    };
    for (const role of ROLES) {
      const entry = roster.roles[role];
      if (!entry) {
        ctx.addIssue({ code: 'custom', path: ['roles'], message: `no one holds the role "${role}"` });
        continue;
      }
      known(entry.primary, ['roles', role, 'primary']);
      entry.backups.forEach((id, index) => known(id, ['roles', role, 'backups', index]));
    }
    roster.signOff.forEach((rule, index) => {
      known(rule.approver, ['signOff', index, 'approver']);
      known(rule.fallback, ['signOff', index, 'fallback']);
      if (rule.approver === rule.fallback)
        ctx.addIssue({
          code: 'custom',
          path: ['signOff', index, 'fallback'],
          message: 'the fallback must be someone else',
        });
    });
    for (const level of SEVERITIES.slice(0, 2)) {
      if (!roster.signOff.some((rule) => rule.level === level))
        ctx.addIssue({ code: 'custom', path: ['signOff'], message: `no sign-off rule for level ${level}` });
    }
  });

export type Roster = z.output<typeof rosterSchema>;
