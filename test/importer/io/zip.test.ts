import { describe, expect, it } from 'vitest';
import { listZipEntryNames } from '../../../src/importer/io/zip.ts';
import { useTempDir, writeInput, zipInput } from '../sources/support.ts';

const tempDir = useTempDir();

describe('zip entry names for detection', () => {
  it('lists the names yauzl reads from the central directory, with forward slashes', async () => {
    const zip = await zipInput(tempDir(), 'names.zip', [
      { name: 'users.json', data: '[]' },
      { name: 'general\\2024-05-14.json', data: '[]' },
      { name: 'export/channels.json', data: '[]' },
    ]);
    expect(zip.zipEntries).toEqual(['users.json', 'general/2024-05-14.json', 'export/channels.json']);
    expect(await listZipEntryNames(zip.absolutePath)).toEqual(zip.zipEntries);
  });

  it('stops after the names it was asked for', async () => {
    const files = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.json`, data: '[]' }));
    const zip = await zipInput(tempDir(), 'many.zip', files);
    expect(await listZipEntryNames(zip.absolutePath, 5)).toEqual([
      'f0.json',
      'f1.json',
      'f2.json',
      'f3.json',
      'f4.json',
    ]);
  });

  it('is undefined for a file that only starts like a zip, and absent for other files', async () => {
    const fake = await writeInput(tempDir(), 'fake.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    expect(fake.zipEntries).toBeUndefined();
    expect(await listZipEntryNames(fake.absolutePath)).toBeUndefined();
    const text = await writeInput(tempDir(), 'notes.txt', 'hello');
    expect(text.zipEntries).toBeUndefined();
  });
});
