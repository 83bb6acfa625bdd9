import { describe, expect, it } from 'vitest';
import { importIncident } from '../../support/pipeline.ts';
import { fixture, importError } from '../support.ts';

/** Enterprise Grid org exports, read through readExports as the CLI reads them. */

const grid = (...parts: string[]) => fixture('slack', 'grid', ...parts);

describe('Slack Enterprise Grid org export with org_users.json', () => {
  it('reads the users from org_users.json, names and titles included', async () => {
    const incident = await importIncident([grid('org-flat')]);
    expect(incident.title).toBe('#sci');
    expect(incident.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'slack:U07DANA', name: 'Dana Whitfield', title: 'Head of Communications' }),
        expect.objectContaining({ id: 'slack:U07SAM', name: 'Sam Kowalski' }),
      ]),
    );
  });

  it('reads room mentions as room mentions, not as people', async () => {
    const incident = await importIncident([grid('org-flat')]);
    expect(incident.events.map((event) => event.text)).toEqual([
      '@channel gift cards are failing at checkout and people are posting about it. Holding reply in the thread.',
      "@here drafted: \"We're aware some gift cards can't be used right now and we're on it.\" OK to post?",
      'Approved, post it. Decision: no discount codes until the provider confirms the fix.',
    ]);
  });
});

describe('Slack Enterprise Grid org export with workspace folders', () => {
  const path = grid('org-workspaces');

  it('lists the channels of every workspace when none is chosen', async () => {
    const error = await importError(importIncident([path]));
    expect(error.describe()).toBe(
      `${path}: the export has 2 channels; choose the war room with --channel <name>. Channels: acme-care/#sci, acme-retail/#sev1`,
    );
  });

  it('reads the chosen channel from its workspace folder', async () => {
    for (const channel of ['sev1', '#sev1', 'acme-retail/sev1', 'C07SEV1']) {
      const incident = await importIncident([path], { channel });
      expect(incident.title, channel).toBe('#sev1');
      expect(new Set(incident.events.map((event) => event.evidence.file))).toEqual(
        new Set([`${path}/acme-retail/sev1/2025-11-28.json`]),
      );
      expect(incident.events).toHaveLength(3);
    }
  });
});
