import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content-check/index.ts';
import { contentPaths } from '../../../src/content-paths.ts';
import { BODY_OUTLINE } from '../../../src/schema/body-outline.ts';
import { generateLibrary, generatePostmortems, SHAPE } from '../../../scripts/bench/generate-postmortems.ts';
import { wordCount } from '../../../scripts/bench/prose.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const library = generateLibrary(400, 7);
const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;
const isBare = (entry: (typeof library)[number]) =>
  !entry.data.timeline?.length &&
  !entry.data.impact.mentionSeries?.length &&
  !entry.data.lessons?.length &&
  !entry.data.actionItems?.length &&
  entry.body === '';

describe('the benchmark corpus', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateLibrary(20, 7)).toEqual(library.slice(0, 20));
    expect(generateLibrary(20, 8).map((e) => e.id)).not.toEqual(library.slice(0, 20).map((e) => e.id));
  });

  it('has unique ids', () => {
    expect(new Set(library.map((e) => e.id)).size).toBe(library.length);
  });

  it('keeps every full entry within the shape of real post-mortems', () => {
    const full = library.filter((entry) => !isBare(entry));
    for (const { id, data, body } of full) {
      const where = `${id}: `;
      expect(within(data.timeline!.length, SHAPE.timelineEvents), `${where}timeline`).toBe(true);
      expect(within(data.lessons!.length, SHAPE.lessons), `${where}lessons`).toBe(true);
      expect(within(data.actionItems!.length, SHAPE.actionItems), `${where}actions`).toBe(true);
      expect(within(wordCount(body), SHAPE.bodyWords), `${where}body of ${wordCount(body)} words`).toBe(true);
      const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings, `${where}outline`).toEqual(BODY_OUTLINE.map((section) => section.heading));
      const series = data.impact.mentionSeries ?? [];
      if (series.length) {
        expect(within(series.length, SHAPE.mentionBuckets), `${where}series`).toBe(true);
        const hours = series.map((b) => Date.parse(String(b.at)) / 3_600_000);
        expect(
          hours.every((h, k) => k === 0 || h === hours[k - 1]! + 1),
          `${where}hourly`,
        ).toBe(true);
      }
    }
    // The ranges are used, not just respected: both ends are reached over 400 entries.
    const timelines = full.map((e) => e.data.timeline!.length);
    expect(Math.min(...timelines)).toBeLessThanOrEqual(SHAPE.timelineEvents[0] + 2);
    expect(Math.max(...timelines)).toBeGreaterThanOrEqual(SHAPE.timelineEvents[1] - 2);
    const bodies = full.map((e) => wordCount(e.body));
    expect(Math.min(...bodies)).toBeLessThan(400);
    expect(Math.max(...bodies)).toBeGreaterThan(1000);
    const series = full.map((e) => e.data.impact.mentionSeries?.length ?? 0).filter(Boolean);
    expect(Math.max(...series)).toBeGreaterThan(180);
    expect(series.length / full.length).toBeGreaterThan(SHAPE.mentionSeriesShare - 0.1);
    expect(series.length / full.length).toBeLessThan(SHAPE.mentionSeriesShare + 0.1);
  });

  it('leaves few action items of settled incidents open, as a team that follows up does', () => {
    const items = (settled: boolean) =>
      library
        .filter((e) => Date.parse(String(e.data.started)) < SHAPE.settledBefore === settled)
        .flatMap((e) => e.data.actionItems ?? []);
    const openShare = (list: { status?: string }[]) =>
      list.filter((item) => item.status === 'open').length / list.length;
    expect(openShare(items(true))).toBeLessThan(SHAPE.openShareOfSettled * 2);
    expect(openShare(items(true))).toBeGreaterThan(0);
    // Recent incidents still have work in flight.
    expect(openShare(items(false))).toBeGreaterThan(0.2);
  });

  it('includes some entries with none of timeline, series, lessons, actions and body, never published', () => {
    const bare = library.filter(isBare);
    expect(bare.length).toBeGreaterThan(library.length * SHAPE.bareShare * 0.4);
    expect(bare.length).toBeLessThan(library.length * SHAPE.bareShare * 2);
    expect(bare.every((e) => e.data.status !== 'published')).toBe(true);
  });

  it('passes the whole content check (schema, references, privacy lint, Markdown rules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-bench-corpus-'));
    try {
      generatePostmortems(dir, 20, 3);
      const result = checkContent(root, { ...contentPaths, postmortems: dir });
      // Warnings are realistic (overdue action items, lessons not yet applied); errors are not.
      expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
      expect(result.postmortems).toHaveLength(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
