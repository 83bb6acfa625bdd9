import { BODY_OUTLINE } from '../../../src/schema/body-outline.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYaml } from '../../../src/lib/yaml.ts';
import { postmortemFileSchema } from '../../../src/schema/postmortem-file.ts';
import { incidentExportSchema } from '../../../src/schema/incident-export.ts';
import { ADAPTERS } from '../../../src/importer/registry.ts';
import { fixture, runImport } from '../../importer/support/pipeline.ts';

const scratch = mkdtempSync(join(tmpdir(), 'firebreak-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const kettle = fixture('firebreak-json/kettle-leak.json');

function frontmatterOf(page: string): Record<string, unknown> {
  return readYamlData(page.slice(4, page.indexOf('\n---\n', 4))) as Record<string, unknown>;
}

describe('npm run import', () => {
  it('--help documents every option, every format and a full example', () => {
    const result = runImport(['--help']);
    expect(result.status).toBe(0);
    for (const option of [
      '--format',
      '--channel',
      '--brand-handle',
      '--keep',
      '--map',
      '--tz',
      '--title',
      '--slug',
      '--out',
      '--dry-run',
      '--force',
      '--no-redact',
    ]) {
      expect(result.stdout).toContain(option);
    }
    for (const adapter of ADAPTERS) expect(result.stdout).toContain(adapter.name);
    expect(result.stdout).toMatch(/Example: from three exports to a page/);
  });

  it('writes one page into --out and prints its path', () => {
    const out = join(scratch, 'write');
    const result = runImport(['--out', out, '--brand-handle', '@ExampleBrand', kettle]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/2025-03-01-kettle-leak-complaints-go-viral\.md$/);
    expect(readdirSync(out)).toEqual(['2025-03-01-kettle-leak-complaints-go-viral.md']);
    const data = frontmatterOf(readFileSync(join(out, readdirSync(out)[0]!), 'utf8'));
    expect(data['status']).toBe('draft');
    expect(data['example']).toBe(false);
    expect(postmortemFileSchema.safeParse(data).success).toBe(true);
  });

  it('--dry-run prints the page and writes nothing', () => {
    const out = join(scratch, 'dry');
    const result = runImport(['--dry-run', '--out', out, kettle]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^---\ntitle: Kettle leak complaints go viral\n/);
    expect(() => readdirSync(out)).toThrow();
  });

  it('--title and --slug name the page; --tz sets the date of the file name and the times in the text', () => {
    const out = join(scratch, 'named');
    const result = runImport([
      '--out',
      out,
      '--title',
      'Kettle recall, March',
      '--slug',
      'kettle-recall',
      '--tz',
      'Asia/Tokyo',
      kettle,
    ]);
    expect(result.status).toBe(0);
    // 14:00 UTC on 1 March is 23:00 in Tokyo: still the 1st. The text shows Tokyo times.
    expect(readdirSync(out)).toEqual(['2025-03-01-kettle-recall.md']);
    const page = readFileSync(join(out, '2025-03-01-kettle-recall.md'), 'utf8');
    expect(frontmatterOf(page)['title']).toBe('Kettle recall, March');
    expect(page).toContain('Detected: 2025-03-01 23:40 GMT+9');
  });

  it('refuses a --slug that is not a slug (no path tricks)', () => {
    const result = runImport(['--dry-run', '--slug', '../../etc/passwd', kettle]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Import failed: --slug: ".*" is not a slug/);
  });

  it('puts the computed durations, the timeline and the suggested lessons on the page', () => {
    const result = runImport(['--dry-run', '--brand-handle', 'examplebrand', kettle]);
    const data = frontmatterOf(result.stdout);
    expect(data['started']).toBe('2025-03-01T14:00:00Z');
    expect(data['detected']).toBe('2025-03-01T14:40:00Z');
    expect(data['firstResponse']).toBe('2025-03-01T14:45:00Z');
    expect(result.stdout).toContain('Detected: 2025-03-01 14:40 UTC, 40 min after the start');
    expect(result.stdout).toContain('5 min after detection');
    expect((data['timeline'] as unknown[]).length).toBe(10);
    const lessons = data['lessons'] as { text: string; step: number }[];
    expect(lessons.map((lesson) => lesson.step)).toEqual([3, 5, 6, 7, 9]);
    for (const lesson of lessons) {
      expect(lesson.text).toMatch(/^Suggested \(confirm or delete\): .* Evidence: 2025-03-0\d \d\d:\d\d UTC, /);
    }
    expect(data['playbookSteps']).toEqual([3, 5, 6, 7, 9]);
    // The shared outline, in order (test/schema/body-outline.test.ts holds every writer to it).
    expect([...result.stdout.matchAll(/^## (.+)$/gm)].map((match) => match[1])).toEqual(
      BODY_OUTLINE.map((section) => section.heading),
    );
    expect((result.stdout.match(/TODO/g) ?? []).length).toBeGreaterThan(5);
  });

  it('caps the timeline at 40 events and says how many were left out', () => {
    const result = runImport([
      '--dry-run',
      '--channel',
      'enrique',
      kettle,
      fixture('redaction/slack-export'),
      fixture('detection/pagerduty-incident.json'),
    ]);
    expect(result.status).toBe(0);
    const data = frontmatterOf(result.stdout);
    expect((data['timeline'] as unknown[]).length).toBe(40);
    expect(result.stdout).toMatch(/The timeline in the front matter shows 40 of \d+ events\./);
    expect(result.stdout).toMatch(/\d+ less significant events .* were left out/);
  });

  it('--json-schema prints the JSON Schema generated from the zod schema, which accepts our fixture', () => {
    const result = runImport(['--json-schema']);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(incidentExportSchema.shape));
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'events']));
  });

  it('--json-schema prints the very schema the site publishes at /schemas/incident-export.schema.json', () => {
    const published = readFileSync(
      new URL('../../../public/schemas/incident-export.schema.json', import.meta.url),
      'utf8',
    );
    expect(runImport(['--json-schema']).stdout).toBe(published);
  });
});

function readYamlData(text: string): unknown {
  return readYaml(text).data;
}
