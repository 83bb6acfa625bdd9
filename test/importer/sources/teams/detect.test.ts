import { describe, expect, it } from 'vitest';
import { ADAPTERS, selectAdapter } from '../../../../src/importer/registry.ts';
import { teamsAdapter } from '../../../../src/importer/sources/teams/index.ts';
import { fixture, inputFor, otherFormats, useTempDir } from '../support.ts';

const tempDir = useTempDir();

describe('Teams adapter detection', () => {
  it('claims Graph channel message pages, and the registry picks it', async () => {
    for (const page of ['page-1.json', 'page-2.json']) {
      const input = await inputFor(fixture('teams', 'channel-messages', page));
      expect(teamsAdapter.detect(input), page).toBe(true);
      expect(selectAdapter(input, undefined).name).toBe('teams');
    }
  });

  it('does not claim the other formats', async () => {
    const inputs = await otherFormats(tempDir());
    for (const [name, input] of Object.entries(inputs)) {
      if (name === 'Teams channel messages') continue;
      expect(teamsAdapter.detect(input), name).toBe(false);
    }
  });

  it('is claimed by no other adapter', async () => {
    const input = await inputFor(fixture('teams', 'channel-messages', 'page-1.json'));
    for (const adapter of ADAPTERS.filter((each) => each !== teamsAdapter)) {
      expect(adapter.detect(input), adapter.name).toBe(false);
    }
  });
});
