import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { site } from '../../src/site.config.ts';

const dist = inject('distDir');
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

describe('"Edit this page" and "Last updated"', () => {
  it.each([
    ['playbook/step-03-time-is-your-ally', 'content/playbook/step-03-time-is-your-ally.mdx'],
    ['incidents/2025-03-14-promo-code-leak', 'content/postmortems/2025-03-14-promo-code-leak.md'],
  ])('%s links to its source file and says when it last changed', (path, file) => {
    const page = html(path);
    expect(page).toContain(`href="${site.repository}/edit/${site.branch}/${file}" data-edit-link`);
    const updated = /<time datetime="([^"]+)" data-last-updated>/.exec(page)?.[1];
    expect(updated).toBeDefined();
    expect(Number.isNaN(Date.parse(updated!))).toBe(false);
  });
});
