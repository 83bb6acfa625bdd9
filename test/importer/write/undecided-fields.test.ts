import { describe, expect, it } from 'vitest';
import { importExports } from '../../../src/importer/index.ts';
import { postmortemProblems } from '../../../src/lib/content-check/postmortem-entry.ts';
import { readYaml } from '../../../src/lib/yaml.ts';
import { ROOT } from '../support/pipeline.ts';

/**
 * A Slack war room says when things happened, not how much blame the public put on the brand or
 * how the team found out: the importer must leave those for a person, like `npm run new` does,
 * so no guess can pass review as a fact.
 */
describe('the imported draft leaves the undecided fields to a person', () => {
  const imported = importExports(['test/fixtures/slack/war-room/export'], {
    channel: '#inc-spring-ad',
    brandHandles: [],
    map: {},
    tz: 'UTC',
    redact: true,
    keep: [],
    displayDir: 'content/postmortems',
    cwd: ROOT,
  });
  const frontmatter = async () => {
    const { page } = await imported;
    return readYaml(page.content.slice(4, page.content.indexOf('\n---\n', 4))).data as Record<string, unknown>;
  };

  it('writes scct, origin, detection source, impact rating and factor categories empty', async () => {
    const data = await frontmatter();
    expect(data['status']).toBe('draft');
    expect(data['scct']).toBeNull();
    expect(data['origin']).toBeNull();
    expect(data['detectionSource']).toBeNull();
    expect((data['impact'] as Record<string, unknown>)['rating']).toBeNull();
    const factors = data['contributingFactors'] as Record<string, unknown>[];
    expect(factors.map((factor) => factor['category'])).toEqual([null]);
  });

  it('passes the check as a draft, and fails it in review naming each undecided field', async () => {
    const data = await frontmatter();
    const asDraft = postmortemProblems({ file: 'draft.md', data, lineOf: () => undefined });
    expect(asDraft.problems.filter((problem) => problem.level === 'error')).toEqual([]);

    const inReview = postmortemProblems({
      file: 'draft.md',
      data: { ...data, status: 'in-review' },
      lineOf: () => undefined,
    });
    const undecided = inReview.problems.filter((problem) => problem.message.startsWith('undecided:'));
    const fields = undecided.map((problem) => problem.field);
    for (const field of ['scct', 'origin', 'detectionSource', 'impact.rating', 'contributingFactors.0.category']) {
      expect(fields).toContain(field);
    }
  });
});
