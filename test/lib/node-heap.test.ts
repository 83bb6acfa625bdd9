import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocatorEnv, heapBudgetMb, heapFlags, libraryBytes } from '../../src/lib/node-heap.ts';

const MB = 1024 * 1024;

describe('heap budget of npm run build and npm run dev', () => {
  it('is at least 768 MB and grows slowly with the bytes of the library', () => {
    expect(heapBudgetMb(0)).toBe(768);
    // The project's own dozen samples, or 1,000 realistic entries (21 MB): the floor.
    expect(heapBudgetMb(0.1 * MB)).toBe(768);
    expect(heapBudgetMb(21 * MB)).toBe(768);
    // 10,000 realistic post-mortems (206 MB on disk): built in 131 s with 750 MB, and in 174 s with 600.
    expect(heapBudgetMb(206 * MB)).toBe(770);
    expect(heapBudgetMb(412 * MB)).toBe(1027);
  });

  it('counts the post-mortem files of the library, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'firebreak-heap-'));
    const dir = join(root, 'content', 'postmortems');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.md'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'b.md'), 'y'.repeat(500));
    writeFileSync(join(dir, 'notes.txt'), 'z'.repeat(9999));
    expect(libraryBytes(root)).toBe(1500);
    expect(libraryBytes(join(root, 'nowhere'))).toBe(0);
  });

  it('gives Astro the budget unless NODE_OPTIONS sets a heap size itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'firebreak-heap-'));
    expect(heapFlags(root, '')).toEqual(['--max-old-space-size=768']);
    expect(heapFlags(root, '--enable-source-maps')).toEqual(['--max-old-space-size=768']);
    expect(heapFlags(root, '--max-old-space-size=4096')).toEqual([]);
  });

  it('comes with allocator settings that give freed memory back, unless the environment sets its own', () => {
    expect(allocatorEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0' });
    expect(allocatorEnv({ MALLOC_ARENA_MAX: '8' })['MALLOC_ARENA_MAX']).toBe('8');
    expect(allocatorEnv({ MIMALLOC_PURGE_DELAY: '10' })['MIMALLOC_PURGE_DELAY']).toBe('10');
  });

  it('is what npm run build and npm run dev run', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts['build']).toMatch(/node scripts\/build\.ts$/);
    expect(scripts['dev']).toMatch(/node scripts\/dev\.ts$/);
    for (const entry of ['scripts/build.ts', 'scripts/dev.ts']) {
      expect(readFileSync(entry, 'utf8')).toContain('runAstroWithHeapBudget');
    }
  });
});
