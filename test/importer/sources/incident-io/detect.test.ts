import { describe, expect, it } from 'vitest';
import { incidentIoAdapter } from '../../../../src/importer/sources/incident-io/index.ts';
import { fixture, inputFor, otherFormats, useTempDir } from '../support.ts';

const tempDir = useTempDir();

describe('incident.io adapter detection', () => {
  it('claims the wrapped and the bare incident', async () => {
    for (const scenario of ['checkout-outage', 'alert-triage', 'bad-update']) {
      expect(
        incidentIoAdapter.detect(await inputFor(fixture('incident-io', scenario, 'incident.json'))),
        scenario,
      ).toBe(true);
    }
  });

  it('does not claim the other formats', async () => {
    const inputs = await otherFormats(tempDir());
    for (const [name, input] of Object.entries(inputs)) {
      if (name.startsWith('incident.io')) continue;
      expect(incidentIoAdapter.detect(input), name).toBe(false);
    }
  });
});
