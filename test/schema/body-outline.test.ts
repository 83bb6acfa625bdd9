import { describe, expect, it } from 'vitest';
import { importExports } from '../../src/importer/index.ts';
import { BODY_OUTLINE } from '../../src/schema/body-outline.ts';
import { renderDraft } from '../../scripts/new/template.ts';
import { ROOT, fixture } from '../importer/support/pipeline.ts';

const headings = (markdown: string) => [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
const outline = BODY_OUTLINE.map((section) => section.heading);

describe('the one body outline', () => {
  it('is what npm run new writes, with each section hint as its TODO line', () => {
    const text = renderDraft({
      title: 'Outline check',
      date: '2025-03-01',
      severity: 3,
      crisisType: 'other',
      platforms: ['x'],
      zone: 'Z',
    });
    expect(headings(text)).toEqual(outline);
    for (const section of BODY_OUTLINE) expect(text).toContain(`## ${section.heading}\n\nTODO: ${section.hint}\n`);
  });

  it('is what the importer drafts', async () => {
    const { page } = await importExports([fixture('firebreak-json/kettle-leak.json')], {
      brandHandles: ['examplebrand'],
      map: {},
      tz: 'UTC',
      cwd: ROOT,
      redact: true,
      keep: [],
      displayDir: 'content/postmortems',
    });
    expect(headings(page.content)).toEqual(outline);
  });
});
