import { describe, expect, it } from 'vitest';
import { editUrl } from '../../src/lib/edit-link.ts';
import { site } from '../../src/site.config.ts';

describe('editUrl', () => {
  it('points at the web editor of the file on the configured repository and branch', () => {
    expect(editUrl('content/playbook/step-01-action-plan.mdx')).toBe(
      `${site.repository}/edit/${site.branch}/content/playbook/step-01-action-plan.mdx`,
    );
  });

  it('accepts the path forms a loader may report', () => {
    const expected = 'https://github.com/acme/crisis/edit/main/content/postmortems/2025-03-14-promo-code-leak.md';
    for (const path of [
      'content/postmortems/2025-03-14-promo-code-leak.md',
      './content/postmortems/2025-03-14-promo-code-leak.md',
      'content\\postmortems\\2025-03-14-promo-code-leak.md',
    ]) {
      expect(editUrl(path, 'https://github.com/acme/crisis/', 'main')).toBe(expected);
    }
  });

  it('encodes what a URL cannot hold, keeping branch folders', () => {
    expect(editUrl('content/notes/a b#c.md', 'https://github.com/acme/crisis', 'team/comms')).toBe(
      'https://github.com/acme/crisis/edit/team/comms/content/notes/a%20b%23c.md',
    );
  });

  it('refuses a path that leaves the project', () => {
    expect(() => editUrl('../secrets.md')).toThrow(/expected a path inside the project.*"\.\.\/secrets\.md"/);
    expect(() => editUrl('')).toThrow(/expected a path inside the project/);
  });
});
