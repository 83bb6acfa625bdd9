import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../src/importer/sources/slack/index.ts';
import { ZipArchive } from '../../../../src/importer/io/zip.ts';
import type { PartialIncident } from '../../../../src/importer/model/incident.ts';
import { fixture, importError, inputFor, read, REPO, useTempDir, zipInput } from '../support.ts';
import { filesOfFolder } from '../zip-writer.ts';
import { join } from 'node:path';

const tempDir = useTempDir();

/** The result with the export's own path taken out, to compare a zip with its folder. */
function withoutPath(result: PartialIncident, path: string): unknown {
  return JSON.parse(JSON.stringify(result).split(path).join('<export>'));
}

describe('Slack adapter on the .zip Slack delivers', () => {
  it('reads a zip exactly as the folder it unzips to', async () => {
    const folder = fixture('slack', 'war-room', 'export');
    const zip = await zipInput(tempDir(), 'war-room.zip', filesOfFolder(join(REPO, folder)));
    const fromFolder = await read(slackAdapter, await inputFor(folder), { channel: 'inc-spring-ad' });
    const fromZip = await read(slackAdapter, zip, { channel: 'inc-spring-ad' });
    expect(fromZip.events).toHaveLength(14);
    expect(withoutPath(fromZip, zip.path)).toEqual(withoutPath(fromFolder, folder));
  });

  it('reads a zip of the export folder itself (everything under one top folder)', async () => {
    const folder = fixture('slack', 'hfaran', 'export');
    const zip = await zipInput(tempDir(), 'hfaran.zip', filesOfFolder(join(REPO, folder), 'slack-export/'));
    const fromFolder = await read(slackAdapter, await inputFor(folder), { channel: 'traveling-sailor' });
    const fromZip = await read(slackAdapter, zip, { channel: 'traveling-sailor' });
    expect(withoutPath(fromZip, zip.path)).toEqual(withoutPath(fromFolder, folder));
  });

  it('reports progress over the day files, ending at the total', async () => {
    const folder = fixture('slack', 'war-room', 'export');
    const zip = await zipInput(tempDir(), 'progress.zip', filesOfFolder(join(REPO, folder)));
    const calls: [number, number | undefined][] = [];
    await read(slackAdapter, zip, { channel: 'inc-spring-ad', onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toHaveLength(2);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });

  it('refuses a zip without users.json and channels.json', async () => {
    const zip = await zipInput(tempDir(), 'not-slack.zip', [{ name: 'general/2024-05-14.json', data: '[]' }]);
    const error = await importError(read(slackAdapter, zip));
    expect(error.describe()).toBe(
      `${zip.path}: the zip has no users.json (or org_users.json) next to a channels.json; expected a Slack workspace export`,
    );
  });
});

describe('zip safety', () => {
  const slackFiles = () =>
    filesOfFolder(join(REPO, fixture('slack', 'truncated', 'export'))).filter((file) => !file.name.includes('05-15'));

  it("refuses an entry with a '..' segment, naming the zip and the entry", async () => {
    const zip = await zipInput(tempDir(), 'dotdot.zip', [
      ...slackFiles(),
      { name: 'war-room/../../evil.json', data: '[]' },
    ]);
    const error = await importError(read(slackAdapter, zip));
    expect(error.file).toBe(zip.path);
    expect(error.location).toBe('entry war-room/../../evil.json');
    expect(error.message).toBe("refusing the archive: it has a '..' path segment that would escape the archive");
  });

  it('refuses an absolute path (Unix or Windows)', async () => {
    for (const name of ['/etc/passwd', 'C:/Windows/evil.json', 'C:\\Windows\\evil.json']) {
      const zip = await zipInput(tempDir(), 'absolute.zip', [...slackFiles(), { name, data: 'x' }]);
      const error = await importError(read(slackAdapter, zip));
      expect(error.file).toBe(zip.path);
      expect(error.location).toBe(`entry ${name.replaceAll('\\', '/')}`);
      expect(error.message).toBe('refusing the archive: it has an absolute path');
    }
  });

  it('refuses a symbolic link', async () => {
    const zip = await zipInput(tempDir(), 'symlink.zip', [
      ...slackFiles(),
      { name: 'war-room/2024-05-16.json', data: '/etc/passwd', mode: 0o120777, method: 'store' },
    ]);
    const error = await importError(read(slackAdapter, zip));
    expect(error.describe()).toBe(
      `${zip.path} (entry war-room/2024-05-16.json): refusing the archive: the entry is a symbolic link`,
    );
  });

  it('refuses an entry that inflates beyond the per-entry limit (a zip bomb), before inflating it', async () => {
    const bomb = Buffer.alloc(4 * 1024 * 1024); // 4 MiB of zeros deflate to about 4 KiB
    const zip = await zipInput(tempDir(), 'bomb.zip', [
      { name: 'users.json', data: '[]' },
      { name: 'big.json', data: bomb },
    ]);
    expect(zip.size).toBeLessThan(10_000);
    const error = await importError(
      ZipArchive.open(zip.path, zip.absolutePath, {
        maxEntries: 100,
        maxEntryBytes: 1024 * 1024,
        maxTotalBytes: 100 * 1024 * 1024,
      }),
    );
    expect(error.describe()).toBe(
      `${zip.path} (entry big.json): refusing the archive: the entry inflates to 4194304 bytes, more than the per-entry limit of 1048576`,
    );
  });

  it('refuses entries that together inflate beyond the total limit', async () => {
    const part = Buffer.alloc(1024 * 1024);
    const zip = await zipInput(tempDir(), 'total.zip', [
      { name: 'a.json', data: part },
      { name: 'b.json', data: part },
      { name: 'c.json', data: part },
    ]);
    const error = await importError(
      ZipArchive.open(zip.path, zip.absolutePath, {
        maxEntries: 100,
        maxEntryBytes: 2 * 1024 * 1024,
        maxTotalBytes: 2.5 * 1024 * 1024,
      }),
    );
    expect(error.location).toBe('entry c.json');
    expect(error.message).toBe(
      'refusing the archive: its entries inflate to more than the total limit of 2621440 bytes (reached at this entry)',
    );
  });

  it('refuses an archive with more entries than the limit', async () => {
    const files = Array.from({ length: 12 }, (_, i) => ({
      name: `war-room/2024-05-${String(i + 1).padStart(2, '0')}.json`,
      data: '[]',
    }));
    const zip = await zipInput(tempDir(), 'many.zip', files);
    const error = await importError(
      ZipArchive.open(zip.path, zip.absolutePath, { maxEntries: 10, maxEntryBytes: 1024, maxTotalBytes: 1024 * 1024 }),
    );
    expect(error.describe()).toBe(
      `${zip.path}: the archive lists 12 entries, more than the limit of 10; refusing to read it`,
    );
  });

  it('refuses a file that is not a zip after all', async () => {
    const dir = tempDir();
    const zip = await zipInput(dir, 'cut.zip', slackFiles());
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(zip.absolutePath, readFileSync(zip.absolutePath).subarray(0, 60));
    const error = await importError(ZipArchive.open(zip.path, zip.absolutePath));
    expect(error.file).toBe(zip.path);
    expect(error.message).toMatch(/^is not a readable zip archive \(.+\)$/);
  });
});

describe('Slack adapter on a truncated day file', () => {
  const folder = fixture('slack', 'truncated', 'export');

  it('names the day file and the line where the text stops (the only channel needs no --channel)', async () => {
    const error = await importError(read(slackAdapter, await inputFor(folder)));
    expect(error.file).toBe(folder);
    expect(error.location).toBe('entry war-room/2024-05-15.json, line 11, column 44 (end of text)');
    expect(error.message).toBe('invalid JSON: a string is not closed before the end of the text (a truncated file?)');
  });

  it('says the same from inside a zip', async () => {
    const zip = await zipInput(tempDir(), 'truncated.zip', filesOfFolder(join(REPO, folder)));
    const error = await importError(read(slackAdapter, zip));
    expect(error.file).toBe(zip.path);
    expect(error.location).toBe('entry war-room/2024-05-15.json, line 11, column 44 (end of text)');
  });

  it('names the message whose ts is missing', async () => {
    const zip = await zipInput(tempDir(), 'no-ts.zip', [
      ...filesOfFolder(join(REPO, folder)).filter((file) => !file.name.includes('05-15')),
      { name: 'war-room/2024-05-15.json', data: '[{"type": "message", "text": "hello"}]' },
    ]);
    const error = await importError(read(slackAdapter, zip));
    expect(error.location).toBe('entry war-room/2024-05-15.json, message [0].ts');
    expect(error.message).toBe('expected "ts", the message timestamp (a string like "1452837352.000006")');
  });

  it('says where a day file ends early between values', async () => {
    const zip = await zipInput(tempDir(), 'cut-array.zip', [
      ...filesOfFolder(join(REPO, folder)).filter((file) => !file.name.includes('05-15')),
      { name: 'war-room/2024-05-15.json', data: '[\n  {"ts": "1715767200.000100", "text": "a"},\n' },
    ]);
    const error = await importError(read(slackAdapter, zip));
    expect(error.location).toBe('entry war-room/2024-05-15.json, line 3, column 1 (end of text)');
    expect(error.message).toBe('invalid JSON: the text ends before the document is complete (a truncated file?)');
  });

  it('refuses a day file that is not UTF-8, naming the byte and its line', async () => {
    const zip = await zipInput(tempDir(), 'latin1.zip', [
      ...filesOfFolder(join(REPO, folder)).filter((file) => !file.name.includes('05-15')),
      {
        name: 'war-room/2024-05-15.json',
        data: Buffer.concat([
          Buffer.from('[\n  {"ts": "1715767200.000100", "text": "caf'),
          Buffer.from([0xe9, 0x22, 0x7d, 0x5d]),
        ]),
      },
    ]);
    const error = await importError(read(slackAdapter, zip));
    expect(error.location).toBe('entry war-room/2024-05-15.json, line 2, byte 44');
    expect(error.message).toBe('invalid UTF-8 (byte 0xE9 at byte offset 44); expected UTF-8 JSON, as Slack exports it');
  });
});
