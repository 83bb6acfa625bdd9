import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../src/importer/sources/slack/index.ts';
import { read, useTempDir, zipInput } from '../support.ts';
import { toExportInput } from '../../../../src/importer/io/inputs.ts';
import { filesOfFolder } from '../zip-writer.ts';

const tempDir = useTempDir();
const DAYS = 100;
const PER_DAY = 1000;

/** A 100,000-message war room: 100 day files, threads, mentions, reactions, joins. */
function writeLargeExport(root: string): void {
  const users = Array.from({ length: 40 }, (_, i) => ({
    id: `U${String(i).padStart(8, '0')}`,
    name: `user${i}`,
    real_name: `User Number ${i}`,
    profile: { real_name: `User Number ${i}`, display_name: `user${i}`, title: i % 5 === 0 ? 'Incident lead' : '' },
  }));
  writeFileSync(join(root, 'users.json'), JSON.stringify(users));
  writeFileSync(
    join(root, 'channels.json'),
    JSON.stringify([{ id: 'C00000001', name: 'war-room', created: 1700000000 }]),
  );
  mkdirSync(join(root, 'war-room'));
  const start = Date.UTC(2024, 0, 1) / 1000;
  for (let day = 0; day < DAYS; day++) {
    const messages = [];
    for (let n = 0; n < PER_DAY; n++) {
      const seconds = start + day * 86400 + n * 60;
      const ts = `${seconds}.${String(n).padStart(6, '0')}`;
      const user = users[(day + n) % users.length]!.id;
      const message: Record<string, unknown> = {
        type: 'message',
        user,
        ts,
        text: `Update ${n} on day ${day}: <@${users[n % users.length]!.id}> see <https://example.com/status/${n}|status> &amp; logs`,
      };
      if (n % 10 > 0) {
        const parentN = n - (n % 10);
        message['thread_ts'] = `${start + day * 86400 + parentN * 60}.${String(parentN).padStart(6, '0')}`;
        message['parent_user_id'] = users[(day + parentN) % users.length]!.id;
      }
      if (n % 50 === 0) message['reactions'] = [{ name: '+1', users: [user], count: 3 }];
      if (n % 200 === 0) message['text'] = 'Decision: we will post the statement now';
      messages.push(message);
    }
    messages.push({
      type: 'message',
      subtype: 'channel_join',
      user: users[0]!.id,
      ts: `${start + day * 86400 + 86000}.999999`,
    });
    const date = new Date((start + day * 86400) * 1000).toISOString().slice(0, 10);
    writeFileSync(join(root, 'war-room', `${date}.json`), JSON.stringify(messages));
  }
}

describe('Slack adapter on a large export', () => {
  it('imports 100,000 messages well under 30 s, from a folder and from a zip', async () => {
    const root = join(tempDir(), 'large-export');
    mkdirSync(root);
    writeLargeExport(root);

    let started = performance.now();
    const fromFolder = await read(slackAdapter, await toExportInput(root), {});
    const folderSeconds = (performance.now() - started) / 1000;
    expect(fromFolder.events).toHaveLength(DAYS * PER_DAY);
    expect(fromFolder.notes).toContain(
      `Slack: dropped ${DAYS} messages that are not conversation (joins, leaves, integration posts): channel_join ×${DAYS}.`,
    );
    expect(fromFolder.events.filter((event) => event.kind === 'decision')).toHaveLength(DAYS * (PER_DAY / 200));
    expect(folderSeconds).toBeLessThan(10);

    const zip = await zipInput(tempDir(), 'large.zip', filesOfFolder(root));
    started = performance.now();
    const fromZip = await read(slackAdapter, zip, {});
    const zipSeconds = (performance.now() - started) / 1000;
    expect(fromZip.events).toHaveLength(DAYS * PER_DAY);
    expect(zipSeconds).toBeLessThan(10);
  }, 60_000);
});
