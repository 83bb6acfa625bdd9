import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYaml } from '../../../src/lib/yaml.ts';
import { parseFrontmatter } from '../../../src/lib/content-check/frontmatter.ts';
import { postmortemFileSchema } from '../../../src/schema/postmortem-file.ts';
import { escapeInline, inertBlock, inertLine } from '../../../src/importer/write/markdown.ts';
import { fixture, runImport } from '../support/pipeline.ts';

const out = mkdtempSync(join(tmpdir(), 'firebreak-hostile-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function importHostile(): { frontmatter: Record<string, unknown>; body: string; page: string } {
  const result = runImport([
    '--out',
    out,
    '--force',
    '--brand-handle',
    'examplebrand',
    fixture('hostile/hostile-incident.json'),
  ]);
  expect(result.stderr).not.toMatch(/Import failed/);
  expect(result.status).toBe(0);
  const page = readFileSync(join(out, result.stdout.trim().split('/').pop()!), 'utf8');
  const end = page.indexOf('\n---\n', 4);
  return { frontmatter: readYamlData(page.slice(4, end)) as Record<string, unknown>, body: page.slice(end + 5), page };
}

describe('hostile text in exports stays inert', () => {
  const { frontmatter, body, page } = importHostile();

  it('passes the post-mortem schema, read back with the content check’s own parser', () => {
    const parsed = parseFrontmatter(page);
    expect(postmortemFileSchema.safeParse(parsed.data).success).toBe(true);
    expect(postmortemFileSchema.safeParse(frontmatter).success).toBe(true);
  });

  it('has exactly one front-matter block: a --- line in the export cannot open another', () => {
    expect(page.match(/^---$/gm)).toHaveLength(2);
    expect(frontmatter['title']).toContain('<script>alert(1)</script>');
  });

  it('leaves no raw HTML tag, JSX expression or ESM statement in the body', () => {
    expect(body).not.toMatch(/<\s*(?:script|img|a|b)\b/i);
    expect(body).not.toMatch(/[{}]/);
    expect(body).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(body).not.toMatch(/^\s*-{3,}\s*$/m);
    expect(body).not.toMatch(/\]\(javascript:/i);
    expect(body).not.toMatch(/<!--/);
  });

  it('keeps the hostile text visible as escaped characters', () => {
    expect(body).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(body).toContain('&#123;process.exit\\(\\)&#125;');
    expect(body).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
  });

  it('never turns an untrusted URL into a link unless it is http(s) in the schema’s link field', () => {
    const timeline = frontmatter['timeline'] as { link?: string }[];
    for (const event of timeline) if (event.link) expect(event.link).toMatch(/^https?:\/\//);
    expect(body).not.toMatch(/https?:\/\/evil/);
  });
});

describe('the escaping functions', () => {
  it('escape HTML, JSX braces and entities as character references', () => {
    expect(escapeInline('<b>{x}</b> &amp;')).toBe('&lt;b&gt;&#123;x&#125;&lt;/b&gt; &amp;amp;');
  });

  it('backslash-escape inline Markdown syntax and break autolinks', () => {
    expect(escapeInline('[a](javascript:b) *c* `d` https://e.example www.f.example g@h.example')).toBe(
      '\\[a\\]\\(javascript:b\\) \\*c\\* \\`d\\` https\\://e.example www\\.f.example g\\@h.example',
    );
  });

  it('neutralise what only matters at a line start', () => {
    expect(inertBlock('---\n# h\n+ item\n1. one\n    code\nimport a from "b"\nexport const c = 1')).toBe(
      '\\---\n\\# h\n\\+ item\n1\\. one\ncode\n&#105;mport a from "b"\n&#101;xport const c = 1',
    );
  });

  it('collapse a multi-line text to one safe line', () => {
    expect(inertLine('import x\n---\nline')).toBe('&#105;mport x --- line');
  });
});

function readYamlData(text: string): unknown {
  return readYaml(text).data;
}
