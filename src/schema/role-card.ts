import { z } from 'zod';
import { pageFields } from './playbook.ts';
import { roleSchema } from './roles.ts';

const duties = (when: string) => z.array(z.string().trim().min(5)).min(2, `list at least two duties ${when}`);

/**
 * A role card (`content/roles/<role>.md`): what one role does before, during and after a
 * crisis. The file name is the role key of src/schema/roles.ts; the check requires a card for
 * every role.
 */
export const roleCardSchema = pageFields
  .extend({
    /** The role this card describes; must match the file name. */
    role: roleSchema,
    /** The role that takes over when nobody in this role can be reached. */
    coveredBy: roleSchema,
    /** Duties on a calm day, so the crisis finds everything ready. */
    before: duties('before a crisis'),
    /** Duties while the crisis is live, most urgent first. */
    during: duties('during a crisis'),
    /** Duties once it is over. */
    after: duties('after a crisis'),
  })
  .strict();

export type RoleCard = z.output<typeof roleCardSchema>;
