import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { LIBRARY_FACETS } from '../../src/lib/library-facets.ts';
import { renderedText } from '../../src/content/rendered-text.ts';
import { incidentSearchRecord, NO_RESPONSE_SORT } from '../../src/lib/search-record.ts';
import { postmortemSchema } from '../../src/schema/postmortem.ts';
import { FIXTURES } from '../support/overlay.ts';

const source = readFileSync(join(FIXTURES, 'postmortems', 'base', '2025-01-10-valid-incident.md'), 'utf8');
const data = postmortemSchema.parse(parseFrontmatter(source).data);

describe('search record of a post-mortem', () => {
  const record = incidentSearchRecord('2025-01-10-valid-incident', data, 'What happened\nA staff code leaked.', '/');

  it('points at the incident page, under the base path', () => {
    expect(record.url).toBe('/incidents/2025-01-10-valid-incident/');
    expect(incidentSearchRecord('x', data, '', '/firebreak/').url).toBe('/firebreak/incidents/x/');
  });

  it('carries every library facet, with the labels readers see', () => {
    for (const facet of LIBRARY_FACETS) expect(record.filters[facet.filter], facet.filter).toBeDefined();
    expect(record.filters).toMatchObject({
      type: ['Incident'],
      platform: ['TikTok', 'X'],
      'crisis type': ['Viral complaint'],
      severity: ['2 · High'],
      responsibility: ['Preventable (strong responsibility)'],
      year: ['2025'],
      status: ['Published'],
      step: ['1', '4'],
    });
  });

  it('sorts by date, severity and minutes from detection to first response', () => {
    // detected 15:10, first response 16:05
    expect(record.sort).toEqual({ date: '2025-01-10', severity: '2', ttfr: '55' });
    expect(record.meta).toMatchObject({ title: data.title, summary: data.summary, date: '2025-01-10', ttfr: '55' });
    const { firstResponse: _unused, ...silent } = data;
    const noResponse = incidentSearchRecord('x', silent, '', '/');
    expect(noResponse.sort['ttfr']).toBe(String(NO_RESPONSE_SORT));
    expect(noResponse.meta['ttfr']).toBeUndefined();
  });

  it('indexes the text of the entry and its body, without Markdown syntax', () => {
    expect(record.content).toContain('Staff codes had no usage cap and no expiry.');
    expect(record.content).toContain('Cap and expire every code before it is shared.');
    expect(record.content).toContain('What happened\nA staff code leaked.');
    expect(record.content).not.toContain('https://example.com');
  });
});

describe('search words of a post-mortem no card shows', () => {
  it('indexes the synonyms of what it says in a hidden keywords field', () => {
    const record = incidentSearchRecord('x', { ...data, title: 'Our Instagram account was compromised' }, '', '/');
    expect(record.meta['keywords']?.split(', ')).toEqual(expect.arrayContaining(['hacked', 'hijacked', 'takeover']));
    expect(record.content).not.toContain('hijacked');
  });

  it('indexes its aliases, and their synonyms', () => {
    const record = incidentSearchRecord('x', { ...data, aliases: ['CEO post', 'weekend shift'] }, '', '/');
    expect(record.meta['aliases']).toBe('CEO post, weekend shift');
    expect(record.meta['keywords']?.split(', ')).toEqual(expect.arrayContaining(['executive', 'founder']));
    expect(incidentSearchRecord('x', { ...data, aliases: [] }, '', '/').meta['aliases']).toBeUndefined();
  });
});

describe('renderedText (what the index holds of a rendered body)', () => {
  it('is the text the page shows: tags and link targets out, words, code and image descriptions in', () => {
    expect(
      renderedText(
        '<h1>Title</h1>\n<ul>\n<li><strong>bold</strong> and <em>em</em></li>\n</ul>\n<blockquote>\n<p>quote <a href="https://x.example/">link</a> <img src="a.png" alt="alt"></p>\n</blockquote>\n<p><code>code</code></p>',
      ),
    ).toBe('Title\nbold and em\nquote link alt\ncode');
  });

  it('reads raw HTML rendered inert as the text it shows, decodes entities and leaves scripts out', () => {
    expect(
      renderedText(
        '<p>Para</p><pre><code>indented code\n</code></pre><p>ref &lt;b&gt;x&lt;/b&gt; &amp; co</p><script>alert(1)</script>',
      ),
    ).toBe('Para\nindented code\nref <b>x</b> & co');
  });
});
