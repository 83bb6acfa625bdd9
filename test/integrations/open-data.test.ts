import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDataFile } from '../../src/content/open-data.ts';
import { writeOpenData } from '../../src/integrations/open-data.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(path: OpenDataFile['path'], pieces: string[], failAfter?: number): OpenDataFile {
  return {
    path,
    contentType: 'text/plain',
    text: async function* () {
      for (const [i, piece] of pieces.entries()) {
        if (i === failAfter) throw new Error('details file of 2025-01-10-valid-incident unreadable');
        yield piece;
      }
    },
  };
}

describe('the build writing the open data', () => {
  it('writes each document whole from its pieces', async () => {
    dir = mkdtempSync(join(tmpdir(), 'firebreak-open-data-'));
    const pieces = ['{"postmortems":[', '{"id":"a"}', ',{"id":"b"}', ']}'];
    const written = await writeOpenData(dir, [
      file('api/postmortems.json', pieces),
      file('api/postmortems.csv', ['id\r\n', 'a\r\n']),
    ]);
    expect(written).toEqual(['api/postmortems.json', 'api/postmortems.csv']);
    expect(readFileSync(join(dir, 'api/postmortems.json'), 'utf8')).toBe(pieces.join(''));
    expect(readFileSync(join(dir, 'api/postmortems.csv'), 'utf8')).toBe('id\r\na\r\n');
    expect(readdirSync(join(dir, 'api')).sort()).toEqual(['postmortems.csv', 'postmortems.json']);
  });

  it('leaves no half-written document when a record cannot be read, and says which document and why', async () => {
    dir = mkdtempSync(join(tmpdir(), 'firebreak-open-data-'));
    await expect(
      writeOpenData(dir, [file('api/postmortems.json', ['{"postmortems":[', '{"id":"a"}', ']}'], 2)]),
    ).rejects.toThrow(
      'the open data /api/postmortems.json could not be written: details file of 2025-01-10-valid-incident unreadable',
    );
    expect(existsSync(join(dir, 'api'))).toBe(true);
    expect(readdirSync(join(dir, 'api'))).toEqual([]);
  });
});
