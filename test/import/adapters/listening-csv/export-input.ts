import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { AdapterOptions, ExportInput } from '../../../../scripts/import/adapters/types.ts';

/**
 * An ExportInput for a file on disk, as the CLI builds it (path as typed, first 64 KiB as head).
 * Test-only: the importer's own input builder belongs to the CLI.
 */
export function exportInput(path: string): ExportInput {
  const absolutePath = resolve(path);
  const size = statSync(absolutePath).size;
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  const fd = openSync(absolutePath, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return {
    path: relative(process.cwd(), absolutePath),
    absolutePath,
    kind: 'file',
    size,
    head,
    entries: [],
    open: () => createReadStream(absolutePath),
  };
}

export function adapterOptions(overrides: Partial<AdapterOptions> = {}): AdapterOptions {
  return { brandHandles: [], map: {}, tz: 'UTC', ...overrides };
}
