import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one-way data flow, as a test: export → importer → content → schema → pages. Every import
 * and re-export of every module under `src/` is read (static, dynamic and Astro frontmatter
 * imports) and held against the rules below.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|mjs|js|astro)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Every relative import of our own code, as project paths. */
function edges(): Edge[] {
  const found: Edge[] = [];
  for (const file of sourceFiles('src')) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
      const specifier = match[2]!;
      if (!specifier.startsWith('.')) continue;
      found.push({ from: file, to: relative(ROOT, resolve(ROOT, dirname(file), specifier)) });
    }
  }
  return found;
}

const all = edges();
const under = (path: string, ...folders: string[]) => folders.some((folder) => path.startsWith(`${folder}/`));
const SITE = [
  'src/pages',
  'src/components',
  'src/layouts',
  'src/client',
  'src/integrations',
  'src/data',
  'src/content',
];

describe('the dependency rule', () => {
  it('reads the imports it judges (the rule cannot pass by reading nothing)', () => {
    expect(all.some((edge) => edge.from === 'src/importer/index.ts' && edge.to === 'src/importer/merge.ts')).toBe(true);
    expect(all.some((edge) => under(edge.from, 'src/pages') && under(edge.to, 'src/components'))).toBe(true);
  });

  it('no site file (pages, components, layouts, client, integrations, data, content) imports the importer', () => {
    expect(all.filter((edge) => under(edge.from, ...SITE) && under(edge.to, 'src/importer'))).toEqual([]);
  });

  it('the importer imports only itself, the schemas and shared pure helpers (not the content reader or check)', () => {
    const outside = all.filter(
      (edge) =>
        (under(edge.from, 'src/importer') && !under(edge.to, 'src/importer', 'src/schema', 'src/lib')) ||
        (under(edge.from, 'src/importer') && under(edge.to, 'src/lib/content-check', 'src/content')),
    );
    expect(outside).toEqual([]);
  });

  it('shared helpers in src/lib never import the importer or site code', () => {
    expect(all.filter((edge) => under(edge.from, 'src/lib') && under(edge.to, 'src/importer', ...SITE))).toEqual([]);
  });

  it('the schemas import nothing of ours but other schemas', () => {
    expect(all.filter((edge) => under(edge.from, 'src/schema') && !under(edge.to, 'src/schema'))).toEqual([]);
  });

  it('nothing under src/ imports scripts/', () => {
    expect(all.filter((edge) => under(edge.to, 'scripts'))).toEqual([]);
  });
});
