import { z } from 'zod';
import { ROLES, roleSchema, type Role } from './roles.ts';

/**
 * One action of a "do now" list, with the role that does it. Crisis now, the ten steps and the
 * runbooks all write their checklists this way, so every action on the site has an owner.
 */
export const checklistItemSchema = z
  .object(
    {
      /** The action, one imperative sentence; `{{name}}` renders a number from src/schema/deadlines.ts. */
      text: z.string().trim().min(3, 'describe the action in a few words'),
      /** The role that does it (a key from src/schema/roles.ts), shown as a tag next to the item. */
      owner: roleSchema,
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? `name the role that does this: write { text: "…", owner: <role> }, where role is one of: ${ROLES.join(', ')}`
          : undefined,
    },
  )
  .strict();

export type ChecklistItem = { text: string; owner: Role };
