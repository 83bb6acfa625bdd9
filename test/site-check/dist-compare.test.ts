import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareDists, formatComparison, normalizeHashes } from '../../src/site-check/dist-compare.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fake built site: paths to contents. */
function build(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-dist-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const page = (css: string, body: string) =>
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_astro/${css}"></head><body><main><h1>Title</h1><p>${body}</p></main></body></html>`;

describe('compareDists', () => {
  it('treats two builds that differ only in asset hashes and the search index as the same', () => {
    const before = build({
      'index.html': page('Base.98xRqjby.css', 'Hello'),
      '_astro/Base.98xRqjby.css': 'body{color:red}',
      'pagefind/pagefind-entry.json': '{"a":1}',
      'pagefind-incidents/pagefind-entry.json': '{"b":1}',
      'search-vocabulary/a.vocab': Buffer.from([1]),
      'sw.js': 'precache(["rev-1"])',
      'favicon.png': Buffer.from([1, 2, 3]),
    });
    const after = build({
      'index.html': page('Base.Zq81_-aB.css', 'Hello'),
      '_astro/Base.Zq81_-aB.css': 'body{color:red}',
      'pagefind/pagefind-entry.json': '{"a":2}',
      'pagefind-incidents/pagefind-entry.json': '{"b":2}',
      'search-vocabulary/a.vocab': Buffer.from([2]),
      'sw.js': 'precache(["rev-2"])',
      'favicon.png': Buffer.from([1, 2, 3]),
    });
    const result = compareDists(before, after);
    expect(result.differences).toEqual([]);
    expect(result.same).toBe(3);
    expect(result.skipped.sort()).toEqual(['pagefind-incidents/', 'pagefind/', 'search-vocabulary/', 'sw.js']);
  });

  it('names the changed page, the added and removed files, and the first changed element', () => {
    const before = build({
      'index.html': page('Base.98xRqjby.css', 'Hello'),
      'incidents/old/index.html': page('Base.98xRqjby.css', 'Gone'),
      'logo.png': Buffer.from([1, 2, 3]),
    });
    const after = build({
      'index.html': page('Base.98xRqjby.css', 'Hello, world'),
      'incidents/new/index.html': page('Base.98xRqjby.css', 'New'),
      'logo.png': Buffer.from([1, 2, 4]),
    });
    const { differences } = compareDists(before, after);
    expect(differences.map((d) => [d.kind, d.path])).toEqual([
      ['added', 'incidents/new/index.html'],
      ['removed', 'incidents/old/index.html'],
      ['changed', 'index.html'],
      ['changed', 'logo.png'],
    ]);
    expect(differences[2]!.first).toEqual({ line: 9, before: '<p>Hello</p>', after: '<p>Hello, world</p>' });
    const report = formatComparison(compareDists(before, after));
    expect(report.at(-1)).toBe('0 files the same; 2 changed, 1 added, 1 removed');
  });

  it('normalizes only names in Vite hash form', () => {
    expect(normalizeHashes('/_astro/search.B5sberMo.js')).toBe('/_astro/search.[hash].js');
    expect(normalizeHashes('/incidents/2025-03-01-promo.code/')).toBe('/incidents/2025-03-01-promo.code/');
  });
});
