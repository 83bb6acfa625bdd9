import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { postmortemFile, postmortemPath } from '../../src/lib/postmortem-file.ts';

describe('the post-mortem file writer', () => {
  const frontmatter = {
    title: 'yes',
    started: null,
    timeline: [
      { at: '2025-03-14T09:00:00Z', text: 'first\nsecond line' },
      { at: '2025-03-14T10:00:00Z', text: 'third' },
    ],
    impact: { rating: null },
  };

  it('writes front matter the reader reads back as the same values, then the body with one final line break', () => {
    const file = postmortemFile({ frontmatter, body: '## What happened\n\nIt broke.\n\n\n' });
    expect(file.endsWith('---\n\n## What happened\n\nIt broke.\n')).toBe(true);
    const { data, body } = parseFrontmatter(file);
    expect(data).toEqual(frontmatter);
    expect(body).toBe('## What happened\n\nIt broke.');
    expect(file).toContain('title: "yes"\n');
    expect(file).toMatch(/^started:$/m);
  });

  it('puts each note on the line of the field its path names, never inside a value', () => {
    const file = postmortemFile(
      { frontmatter, body: '' },
      {
        header: ['a header'],
        comments: { started: 'when it began', 'timeline.1.at': 'the second event', 'impact.rating': 'pick one' },
        after: { 'timeline.0.text': ['link: https://… # where to see it'] },
      },
    );
    expect(file).toBe(
      [
        '---',
        '# a header',
        'title: "yes"',
        'started: # when it began',
        'timeline:',
        '  - at: "2025-03-14T09:00:00Z"',
        '    text: |-',
        '      first',
        '      second line',
        '    # link: https://… # where to see it',
        '  - at: "2025-03-14T10:00:00Z" # the second event',
        '    text: third',
        'impact:',
        '  rating: # pick one',
        '---',
        '',
      ].join('\n'),
    );
    expect(parseFrontmatter(file).data).toEqual(frontmatter);
  });

  it('names the file after the id in content/postmortems', () => {
    expect(postmortemPath('2025-03-14-promo-code-leak')).toBe('content/postmortems/2025-03-14-promo-code-leak.md');
  });
});
