import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postmortemFields } from '../../../src/schema/postmortem.ts';
import { buildSchemaFiles } from '../../../scripts/schemas/json-schema.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = await buildSchemaFiles(root);

type Json = Record<string, unknown>;
const committed = (path: string): Json => JSON.parse(readFileSync(join(root, path), 'utf8')) as Json;

describe('JSON Schemas in public/schemas/', () => {
  it.each(files.map((file) => [file.path, file]))(
    '%s is in sync with its zod schema (run npm run schemas)',
    (path, file) => {
      expect(existsSync(join(root, path)), `${path} is missing: run npm run schemas and commit it`).toBe(true);
      expect(committed(path)).toEqual(JSON.parse(file.text));
      expect(readFileSync(join(root, path), 'utf8')).toBe(file.text);
    },
  );

  it('includes the incident-export schema whenever src/schema/incident-export.ts exists', () => {
    const paths = files.map((file) => file.path);
    expect(paths).toContain('public/schemas/postmortem.schema.json');
    if (existsSync(join(root, 'src/schema/incident-export.ts')))
      expect(paths).toContain('public/schemas/incident-export.schema.json');
  });
});

describe('the post-mortem JSON Schema, as an editor uses it', () => {
  const schema = JSON.parse(files.find((file) => file.path.endsWith('postmortem.schema.json'))!.text) as Json;
  const properties = schema['properties'] as Record<string, Json>;

  it('has exactly the fields of the zod schema, and refuses others', () => {
    expect(Object.keys(properties).sort()).toEqual(Object.keys(postmortemFields.shape).sort());
    expect(schema['additionalProperties']).toBe(false);
  });

  it('describes timestamps and dates as the strings people type, not as Date objects', () => {
    for (const key of ['started', 'detected', 'firstResponse', 'resolved']) {
      expect(properties[key]).toMatchObject({ type: 'string', format: 'date-time' });
      expect(properties[key]).not.toHaveProperty('anyOf');
    }
    const actionItem = (properties['actionItems']!['items'] as Json)['properties'] as Record<string, Json>;
    expect(actionItem['due']).toMatchObject({ type: 'string', format: 'date' });
  });

  it('requires only what a person must type (fields with a default are optional)', () => {
    expect(schema['required']).toEqual(expect.arrayContaining(['title', 'summary', 'status', 'severity', 'started']));
    expect(schema['required']).not.toContain('tags');
    expect(schema['required']).not.toContain('example');
  });

  it('carries the doc comment of every field, for hover help in the editor', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as Json)['properties'] as Record<string, Json> | undefined;
      for (const [key, child] of Object.entries(props ?? {})) {
        if (typeof child['description'] !== 'string') undocumented.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
      walk((node as Json)['items'], path.replace(/\.$/, '[].'));
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
    expect(properties['severity']!['description']).toBe('Peak severity on the triage scale: 1 critical … 4 watch.');
  });
});

describe('every generated JSON Schema', () => {
  it.each(files.map((file) => [file.path, file]))(
    '%s describes every field, from the zod schema itself',
    (_path, file) => {
      const undocumented: string[] = [];
      const walk = (node: unknown, path: string): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach((child) => walk(child, path));
        for (const [key, child] of Object.entries(node as Json)) {
          if (key === 'properties' && child && typeof child === 'object') {
            for (const [field, schema] of Object.entries(child as Record<string, Json>)) {
              if (typeof schema['description'] !== 'string') undocumented.push(`${path}${field}`);
              walk(schema, `${path}${field}.`);
            }
          } else walk(child, path);
        }
      };
      walk(JSON.parse(file.text), '');
      expect(undocumented).toEqual([]);
    },
  );
});
