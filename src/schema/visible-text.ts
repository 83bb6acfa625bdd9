import { z } from 'zod';

/**
 * Characters a reader cannot see but a browser obeys: zero-width spaces and joiners, directional
 * marks (U+200B–U+200F), bidirectional embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the zero-width no-break space U+FEFF (a byte-order mark belongs only at the
 * very start of a file, never inside a value). In a title, a slug or a name they hide text,
 * reverse it on screen ("Trojan Source"), or make two different names look identical.
 */
export const INVISIBLE_CHARACTER = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** `U+202E`, the way the message names a code point. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message for a value that carries one, naming the code point and where it is. */
export function invisibleCharacterMessage(value: string): string | undefined {
  const match = INVISIBLE_CHARACTER.exec(value);
  if (!match) return undefined;
  return `contains the invisible or text-direction character ${codePoint(match[0])} at position ${match.index + 1}: delete it (it can hide or reverse text on the page)`;
}

/**
 * The one refinement for titles, slugs and names: refuses invisible and bidirectional control
 * characters. Returns the same string schema, so `.min()`, `.max()` and `.meta()` still chain.
 */
export function visibleText<T extends z.ZodString>(schema: T): T {
  return schema.check((ctx) => {
    const message = invisibleCharacterMessage(ctx.value);
    if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  }) as T;
}
