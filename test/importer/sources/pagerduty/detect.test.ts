import { describe, expect, it } from 'vitest';
import { pagerdutyAdapter } from '../../../../src/importer/sources/pagerduty/index.ts';
import { fixture, inputFor, otherFormats, useTempDir } from '../support.ts';

const tempDir = useTempDir();

describe('PagerDuty adapter detection', () => {
  it('claims the wrapped and the bare incident', async () => {
    for (const scenario of ['web-outage', 'bare-acknowledged', 'incident-only', 'bad-timestamp']) {
      expect(pagerdutyAdapter.detect(await inputFor(fixture('pagerduty', scenario, 'incident.json'))), scenario).toBe(
        true,
      );
    }
  });

  it('does not claim the other formats', async () => {
    const inputs = await otherFormats(tempDir());
    for (const [name, input] of Object.entries(inputs)) {
      if (name.startsWith('PagerDuty')) continue;
      expect(pagerdutyAdapter.detect(input), name).toBe(false);
    }
  });
});
