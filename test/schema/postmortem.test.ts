import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { postmortemSchema, SUMMARY_MAX, TIMELINE_MARGIN_MINUTES } from '../../src/schema/postmortem.ts';
import { FIXTURES } from '../support/overlay.ts';

const validSource = readFileSync(join(FIXTURES, 'postmortems', 'base', '2025-01-10-valid-incident.md'), 'utf8');

/** A fresh copy of the valid entry's front matter, as the content check parses it. */
function valid(): Record<string, unknown> {
  return structuredClone(parseFrontmatter(validSource).data);
}

/** `path: message` for every issue, the way contributors see them. */
function issuesOf(data: unknown): string[] {
  const result = postmortemSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function withChange(change: (data: Record<string, unknown>) => void): string[] {
  const data = valid();
  change(data);
  return issuesOf(data);
}

describe('post-mortem schema: a complete entry', () => {
  it('passes, with Dates parsed and defaults applied', () => {
    const result = postmortemSchema.parse(valid());
    expect(result.started).toEqual(new Date('2025-01-10T14:00:00Z'));
    expect(result.actionItems[0]?.due).toEqual(new Date('2025-02-01T00:00:00Z'));
    expect(result.example).toBe(true);
  });

  it('accepts the Date objects Astro’s YAML parser produces', () => {
    const data = valid();
    data['started'] = new Date('2025-01-10T14:00:00Z');
    expect(issuesOf(data)).toEqual([]);
  });
});

describe('post-mortem schema: field rules', () => {
  it.each<[string, (d: Record<string, unknown>) => void, string]>([
    [
      'summary too long',
      (d) => (d['summary'] = 'x'.repeat(SUMMARY_MAX + 1)),
      `summary: keep the summary to one paragraph (${SUMMARY_MAX} characters at most)`,
    ],
    ['unknown status', (d) => (d['status'] = 'final'), 'status: expected one of: draft, in-review, published'],
    ['severity out of range', (d) => (d['severity'] = 0), 'severity: severity runs from 1 (critical) to 4 (watch)'],
    ['unknown crisis type', (d) => (d['crisisType'] = 'meltdown'), 'crisisType: expected one of: viral-complaint'],
    ['unknown SCCT cluster', (d) => (d['scct'] = 'guilty'), 'scct: expected one of: victim, accidental, preventable'],
    ['no platform', (d) => (d['platforms'] = []), 'platforms: name at least one platform'],
    ['unknown platform', (d) => (d['platforms'] = ['myspace']), 'platforms.0: expected one of: x, facebook'],
    ['unknown origin', (d) => (d['origin'] = 'rumour'), 'origin: expected one of: owned-post'],
    [
      'time without a zone',
      (d) => (d['detected'] = '2025-01-10T15:10:00'),
      'detected: expected an ISO 8601 time with a zone',
    ],
    ['garbage time', (d) => (d['resolved'] = 'tomorrow'), 'resolved: expected an ISO 8601 time with a zone'],
    [
      'unknown timeline kind',
      (d) => ((d['timeline'] as { kind: string }[])[0]!.kind = 'tweet'),
      'timeline.0.kind: expected one of: trigger',
    ],
    [
      'negative share above 1',
      (d) => ((d['impact'] as { metrics: { negativeShare: number } }).metrics.negativeShare = 41),
      'impact.metrics.negativeShare: a share runs from 0 to 1',
    ],
    [
      'no contributing factor',
      (d) => (d['contributingFactors'] = []),
      'contributingFactors: name at least one contributing factor',
    ],
    [
      'action item without owner',
      (d) => delete (d['actionItems'] as Record<string, unknown>[])[0]!['ownerRole'],
      'actionItems.0.ownerRole: Invalid input',
    ],
    [
      'unknown action type',
      (d) => ((d['actionItems'] as { type: string }[])[0]!.type = 'blame'),
      'actionItems.0.type: expected one of: prevent, mitigate, detect, process',
    ],
    [
      'lesson step 11',
      (d) => ((d['lessons'] as { step: number }[])[0]!.step = 11),
      'lessons.0.step: steps are numbered 1 to 10',
    ],
    [
      'javascript: source link',
      (d) => ((d['sources'] as { url: string }[])[0]!.url = 'javascript:alert(1)'),
      'sources.0.url: expected an http(s):// link',
    ],
    [
      'javascript: timeline link',
      (d) => ((d['timeline'] as { link?: string }[])[0]!.link = 'javascript:alert(1)'),
      'timeline.0.link: expected an http(s):// link',
    ],
    [
      'malformed related id',
      (d) => (d['related'] = ['Some Other Incident']),
      'related.0: expected a post-mortem id like',
    ],
    ['unknown field', (d) => (d['severty'] = 2), 'Unrecognized key: "severty"'],
  ])('%s', (_name, change, expected) => {
    const issues = withChange(change);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(expected);
  });
});

describe('post-mortem schema: cross-field rules', () => {
  it('requires started ≤ detected', () => {
    expect(withChange((d) => (d['detected'] = '2025-01-10T13:00:00Z'))).toEqual([
      'detected: detected (2025-01-10T13:00:00Z) is before started (2025-01-10T14:00:00Z); expected started ≤ detected ≤ firstResponse ≤ resolved',
    ]);
  });

  it('requires detected ≤ first response ≤ resolved', () => {
    expect(withChange((d) => (d['firstResponse'] = '2025-01-10T15:00:00Z'))).toEqual([
      'firstResponse: firstResponse (2025-01-10T15:00:00Z) is before detected (2025-01-10T15:10:00Z); expected started ≤ detected ≤ firstResponse ≤ resolved',
    ]);
    expect(withChange((d) => (d['resolved'] = '2025-01-10T16:00:00Z'))).toEqual([
      'resolved: resolved (2025-01-10T16:00:00Z) is before firstResponse (2025-01-10T16:05:00Z); expected started ≤ detected ≤ firstResponse ≤ resolved',
      `timeline.3.at: event at 2025-01-11T10:00:00Z is more than ${TIMELINE_MARGIN_MINUTES} minutes after the incident was resolved (2025-01-10T16:00:00Z)`,
    ]);
  });

  it('compares detected with started when there is no first response', () => {
    const issues = withChange((d) => {
      delete d['firstResponse'];
      d['resolved'] = '2025-01-10T15:00:00Z';
      d['timeline'] = [];
    });
    expect(issues).toEqual([
      'resolved: resolved (2025-01-10T15:00:00Z) is before detected (2025-01-10T15:10:00Z); expected started ≤ detected ≤ firstResponse ≤ resolved',
    ]);
  });

  it('requires timeline events in order', () => {
    const issues = withChange((d) => {
      const timeline = d['timeline'] as { at: string }[];
      timeline[2]!.at = '2025-01-10T15:00:00Z';
    });
    expect(issues).toEqual([
      'timeline.2.at: event at 2025-01-10T15:00:00Z comes before the previous event (2025-01-10T15:10:00Z); list timeline events in order',
    ]);
  });

  it(`keeps timeline events inside the incident window, with a ${TIMELINE_MARGIN_MINUTES}-minute margin`, () => {
    const inMargin = withChange((d) => ((d['timeline'] as { at: string }[])[0]!.at = '2025-01-10T13:30:00Z'));
    expect(inMargin).toEqual([]);
    const before = withChange((d) => ((d['timeline'] as { at: string }[])[0]!.at = '2025-01-10T12:59:00Z'));
    expect(before).toEqual([
      `timeline.0.at: event at 2025-01-10T12:59:00Z is more than ${TIMELINE_MARGIN_MINUTES} minutes before the incident started (2025-01-10T14:00:00Z)`,
    ]);
    const after = withChange((d) => ((d['timeline'] as { at: string }[])[3]!.at = '2025-01-11T11:01:00Z'));
    expect(after).toEqual([
      `timeline.3.at: event at 2025-01-11T11:01:00Z is more than ${TIMELINE_MARGIN_MINUTES} minutes after the incident was resolved (2025-01-11T10:00:00Z)`,
    ]);
  });

  it('requires lessons, an action item and a resolution time once published, not in a draft', () => {
    const strip = (d: Record<string, unknown>) => {
      d['lessons'] = [];
      d['actionItems'] = [];
      delete d['resolved'];
    };
    expect(withChange(strip)).toEqual([
      'lessons: a published post-mortem needs at least one lesson',
      'actionItems: a published post-mortem needs at least one action item',
      'resolved: a published post-mortem needs the time the incident was resolved',
    ]);
    expect(
      withChange((d) => {
        strip(d);
        d['status'] = 'draft';
      }),
    ).toEqual([]);
  });
});

describe('post-mortem schema: responders, statements, goodwill, luck and costs', () => {
  it('accepts them all, and defaults the lists to empty when left out', () => {
    const data = valid();
    const parsed = postmortemSchema.parse(data);
    expect([parsed.responders, parsed.statements, parsed.goodwillGestures, parsed.gotLucky]).toEqual([[], [], [], []]);
    data['responders'] = [{ role: 'Social media lead', did: 'Ran the response' }];
    data['statements'] = [
      { at: '2025-01-10T15:00:00Z', platform: 'x', text: 'We are looking into it.', link: 'https://example.com/s/1' },
    ];
    data['goodwillGestures'] = [
      { gesture: 'A voucher for affected customers', cost: { amount: 500, currency: 'GBP' } },
    ];
    data['gotLucky'] = ['It happened on a quiet news day.'];
    data['costs'] = { refunds: { amount: 1200.5, currency: 'EUR' }, refundCount: 40, note: 'Refunds only.' };
    expect(issuesOf(data)).toEqual([]);
  });

  it('names what is wrong in each', () => {
    expect(
      withChange((data) => {
        data['responders'] = [{ role: '' }];
        data['statements'] = [
          { at: '2025-01-10T15:00:00Z', platform: 'x', text: 'Sorry.', link: 'javascript:alert(1)' },
        ];
        data['goodwillGestures'] = [{ gesture: 'Voucher', cost: { amount: -5, currency: 'pounds' } }];
        data['costs'] = { refundCount: 1.5 };
      }),
    ).toEqual([
      'responders.0.role: name the role, e.g. "Social media lead"',
      'statements.0.link: expected an http(s):// link',
      'goodwillGestures.0.cost.amount: an amount is 0 or more',
      'goodwillGestures.0.cost.currency: expected a three-letter currency code in capitals, e.g. GBP, EUR or USD',
      'costs.refundCount: Invalid input: expected int, received number',
    ]);
  });
});
