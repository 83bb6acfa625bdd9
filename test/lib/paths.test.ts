import { describe, expect, it } from 'vitest';
import { siteAddress, underBase } from '../../src/lib/paths.ts';

describe('paths under the site base', () => {
  it('join base and path with exactly one slash, whether or not either side has one', () => {
    for (const base of ['/', '/firebreak', '/firebreak/'])
      for (const path of ['incidents/a/', '/incidents/a/'])
        expect(underBase(base, path)).toBe(base === '/' ? '/incidents/a/' : '/firebreak/incidents/a/');
    expect(underBase('/firebreak/', '')).toBe('/firebreak/');
  });

  it('make absolute addresses on the deployed site', () => {
    expect(siteAddress('https://example.github.io', '/firebreak/', 'api/postmortems.json')).toBe(
      'https://example.github.io/firebreak/api/postmortems.json',
    );
    expect(siteAddress('https://example.github.io/', '/', '/feed.xml')).toBe('https://example.github.io/feed.xml');
  });
});
