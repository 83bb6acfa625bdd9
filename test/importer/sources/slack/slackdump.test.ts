import { describe, expect, it } from 'vitest';
import { importIncident } from '../../support/pipeline.ts';
import { fixture } from '../support.ts';

/** slackdump's archive folder (gzip JSON Lines chunks), read through readExports as the CLI reads it. */

describe('slackdump archive', () => {
  const path = fixture('slack', 'slackdump-archive');

  it('reads the conversation, its thread and its people like an export', async () => {
    const incident = await importIncident([path]);
    expect(incident.sources).toEqual([{ adapter: 'slack', file: path }]);
    expect(incident.title).toBe('#sev1');
    expect(incident.events.map((event) => [event.at.toISOString(), event.actorId, event.text])).toEqual([
      [
        '2025-11-28T18:02:40.000Z',
        'slack:U07DANA',
        '@channel gift cards are failing at checkout and people are posting about it. Holding reply in the thread.',
      ],
      ['2025-11-28T18:04:10.000Z', 'slack:U07RIO', 'Care has a macro ready for gift-card tickets.'],
      [
        '2025-11-28T18:05:00.000Z',
        'slack:U07SAM',
        "@here drafted: \"We're aware some gift cards can't be used right now and we're on it.\" OK to post?",
      ],
      [
        '2025-11-28T18:07:00.000Z',
        'slack:U07DANA',
        'Approved, post it. Decision: no discount codes until the provider confirms the fix.',
      ],
    ]);
    expect(incident.people.map((person) => person.name).sort()).toEqual([
      'Dana Whitfield',
      'Rio Mendes',
      'Sam Kowalski',
    ]);
    // The thread's parent comes twice (history and replies): read once, and said so.
    expect(incident.notes).toContain(`${path}: Slack: 1 messages appeared twice in the export and were read once.`);
  });
});
