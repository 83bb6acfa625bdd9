import { oneOf } from './taxonomy.ts';

/**
 * The roles of a crisis team. Checklist items, runbooks, role cards and the roster all name
 * these keys, so "who does this" has one vocabulary. A role is a hat, not a person: at level 3
 * or 4 one person may wear two; at level 1 each needs its own person.
 */
export const ROLE_LABELS = {
  'crisis-lead': 'Crisis lead',
  deputy: 'Deputy crisis lead',
  'comms-lead': 'Comms lead',
  'social-lead': 'Social lead',
  scribe: 'Scribe',
  legal: 'Legal',
  'customer-service-lead': 'Customer-service lead',
  'executive-sponsor': 'Executive sponsor',
} as const;

export type Role = keyof typeof ROLE_LABELS;
export const ROLES = Object.keys(ROLE_LABELS) as [Role, ...Role[]];

/** A role key as written in front matter, e.g. `social-lead`. */
export const roleSchema = oneOf(ROLES);

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
