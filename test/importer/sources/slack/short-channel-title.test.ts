import { describe, expect, it } from 'vitest';
import { importExports, type ImportOptions } from '../../../../src/importer/index.ts';
import { REPO, fixture, importError } from '../support.ts';

/** A war room with a short name (#sev1, #sci) gives a page title, whatever its length. */

const options: ImportOptions = {
  brandHandles: [],
  map: {},
  tz: 'UTC',
  cwd: REPO,
  redact: true,
  keep: [],
  displayDir: 'content/postmortems',
};

describe('titles from short channel names', () => {
  it('drafts a page from #sci without blaming --title', async () => {
    const result = await importExports([fixture('slack', 'grid', 'org-flat')], options);
    expect(result.page.id).toBe('2025-11-28-incident-sci');
    expect(result.page.content).toMatch(/^title: "Incident: #sci"$/m);
  });

  it('drafts a page from #sev1 in a Grid workspace folder', async () => {
    const result = await importExports([fixture('slack', 'grid', 'org-workspaces')], { ...options, channel: 'sev1' });
    // Five characters is a title already.
    expect(result.page.id).toBe('2025-11-28-sev1');
    expect(result.page.content).toMatch(/^title: "#sev1"$/m);
  });

  it('still refuses a --title the user typed that is too short, naming the option', async () => {
    const error = await importError(
      importExports([fixture('slack', 'grid', 'org-flat')], { ...options, title: 'Oops' }),
    );
    expect(error.describe()).toBe('--title: "Oops" is too short; a title needs at least 5 characters');
  });
});
