import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { incidentExportSchema } from '../../src/schema/incident-export.ts';

/** Where the generated schemas are committed; also served by the site at `/schemas/…`. */
export const SCHEMA_DIR = 'public/schemas';

/** The open-data document's schema, in SCHEMA_DIR (its name is part of the published address). */
export const OPEN_DATA_SCHEMA_FILE = 'postmortems-api.schema.json';

/** One generated file: where it goes and what it holds. */
export interface SchemaFile {
  /** Path relative to the project root. */
  path: string;
  /** The file's exact text (pretty JSON with a final newline), so committed and generated compare byte for byte. */
  text: string;
}

/**
 * JSON Schema for what a person types, not what zod hands back (`io: 'input'`: fields with a
 * default are optional). Dates are accepted by the zod schemas either as `Date` objects (Astro's
 * YAML parser makes them) or as strings; JSON Schema can only say "string", so the `Date` branch
 * of such unions is dropped and the string branch (with `format: date-time` or `date`) remains.
 */
export function toEditorJsonSchema(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as { type: string; options?: readonly z.ZodType[] };
      if (def.type === 'date') {
        // A bare date outside a union (none today): describe it as the string form people type.
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
        return;
      }
      if (def.type !== 'union' || !def.options?.some((option) => option._zod.def.type === 'date')) return;
      // anyOf lists the branches in the order of the union's options.
      const stringBranches = (ctx.jsonSchema.anyOf ?? []).filter(
        (_, index) => def.options?.[index]?._zod.def.type !== 'date',
      );
      if (stringBranches.length !== 1) return;
      delete ctx.jsonSchema.anyOf;
      Object.assign(ctx.jsonSchema, stringBranches[0]);
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...descriptionFirst(rest) };
}

/**
 * Puts each node's `description` before its other keywords, so an editor's hover text and a
 * reader of the committed file see what a field means before its rules. zod places it wherever
 * the wrapper that carries it (`.optional()`, `.default()`) is merged.
 */
function descriptionFirst<T>(node: T): T {
  if (Array.isArray(node)) return node.map(descriptionFirst) as T;
  if (node === null || typeof node !== 'object') return node;
  const { description, ...rest } = node as Record<string, unknown>;
  const children = Object.fromEntries(Object.entries(rest).map(([key, child]) => [key, descriptionFirst(child)]));
  return (description === undefined ? children : { description, ...children }) as T;
}

function asFile(path: string, schema: unknown): SchemaFile {
  return { path, text: `${JSON.stringify(schema, null, 2)}\n` };
}

/**
 * The JSON Schema of the Firebreak incident JSON format (what tools validate against): the file
 * published in SCHEMA_DIR and what `npm run import -- --json-schema` prints.
 */
export function incidentExportJsonSchema(): Record<string, unknown> {
  return toEditorJsonSchema(
    incidentExportSchema,
    'Firebreak incident export',
    'A post-mortem in progress: optional post-mortem fields plus timeline events. Import with `npm run import -- file.json`.',
  );
}

/** Every JSON Schema Firebreak ships, generated from the zod schemas. */
export async function buildSchemaFiles(root: string): Promise<SchemaFile[]> {
  const postmortemSource = join(root, 'src/schema/postmortem.ts');
  const { postmortemFields } = (await import(
    pathToFileURL(postmortemSource).href
  )) as typeof import('../../src/schema/postmortem.ts');
  const postmortem = toEditorJsonSchema(
    postmortemFields,
    'Firebreak post-mortem',
    'The front matter of a post-mortem in content/postmortems/<YYYY-MM-DD>-<slug>.md. Rules across fields and files (time order, references) are checked by `npm run check`.',
  );
  const files = [asFile(`${SCHEMA_DIR}/postmortem.schema.json`, postmortem)];

  const openDataSource = join(root, 'src/schema/open-data.ts');
  const { openDataDocumentSchema } = (await import(
    pathToFileURL(openDataSource).href
  )) as typeof import('../../src/schema/open-data.ts');
  files.push(
    asFile(
      `${SCHEMA_DIR}/${OPEN_DATA_SCHEMA_FILE}`,
      toEditorJsonSchema(
        openDataDocumentSchema,
        'Firebreak post-mortems (open data)',
        'The document served at /api/postmortems.json: every published post-mortem, its front matter and its computed durations.',
      ),
    ),
  );

  files.push(asFile(`${SCHEMA_DIR}/incident-export.schema.json`, incidentExportJsonSchema()));
  return files;
}
