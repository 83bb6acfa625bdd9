/**
 * The fixed vocabularies of the post-mortem library (src/schema/taxonomy-labels.ts) and the
 * schema type that accepts one of their values.
 */

import { z } from 'zod';

export * from './taxonomy-labels.ts';

/** A value from a fixed vocabulary, with a message that lists what is allowed. */
export function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` });
}
