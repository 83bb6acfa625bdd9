import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../src/importer/sources/slack/index.ts';
import { toExportInput } from '../../../../src/importer/io/inputs.ts';
import { fixture, inputFor, otherFormats, REPO, useTempDir, writeInput, zipInput } from '../support.ts';
import { filesOfFolder } from '../zip-writer.ts';

const tempDir = useTempDir();

describe('Slack adapter detection', () => {
  it('claims an unzipped export folder', async () => {
    expect(slackAdapter.detect(await inputFor(fixture('slack', 'hfaran', 'export')))).toBe(true);
    expect(slackAdapter.detect(await inputFor(fixture('slack', 'war-room', 'export')))).toBe(true);
  });

  it('claims the zip, from its central directory, whatever its name', async () => {
    const files = filesOfFolder(join(REPO, fixture('slack', 'war-room', 'export')));
    expect(slackAdapter.detect(await zipInput(tempDir(), 'export.zip', files))).toBe(true);
    expect(slackAdapter.detect(await zipInput(tempDir(), 'download.bin', files))).toBe(true);
    const nested = filesOfFolder(join(REPO, fixture('slack', 'hfaran', 'export')), 'Acme Slack export Jan 1 2016/');
    expect(slackAdapter.detect(await zipInput(tempDir(), 'nested.zip', nested))).toBe(true);
  });

  it('does not claim a zip, a folder or a file of anything else', async () => {
    const inputs = await otherFormats(tempDir());
    for (const [name, input] of Object.entries(inputs)) {
      if (name === 'Slack export folder') continue;
      expect(slackAdapter.detect(input), name).toBe(false);
    }
    // A zip holding a users.json but no conversations list, and a folder of other JSON.
    const half = await zipInput(tempDir(), 'half.zip', [
      { name: 'users.json', data: '[]' },
      { name: 'general/2024-01-01.json', data: '[]' },
    ]);
    expect(slackAdapter.detect(half)).toBe(false);
    expect(slackAdapter.detect(await inputFor(fixture('pagerduty', 'web-outage')))).toBe(false);
    // The two lists without any conversation folder are not an export.
    const lists = join(tempDir(), 'lists-only');
    mkdirSync(lists);
    writeFileSync(join(lists, 'users.json'), '[]');
    writeFileSync(join(lists, 'channels.json'), '[]');
    expect(slackAdapter.detect(await toExportInput(lists))).toBe(false);
    // A file that starts like a zip but is cut short.
    expect(
      slackAdapter.detect(await writeInput(tempDir(), 'broken.zip', Buffer.from('PK\x03\x04 not really a zip'))),
    ).toBe(false);
  });
});
