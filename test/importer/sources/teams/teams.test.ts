import { describe, expect, it } from 'vitest';
import { importExports } from '../../../../src/importer/index.ts';
import { htmlToText } from '../../../../src/importer/sources/teams/html.ts';
import { importIncident } from '../../support/pipeline.ts';
import { REPO, fixture, importError, useTempDir, writeInput } from '../support.ts';

/** Microsoft Teams channel messages from Microsoft Graph, read through readExports as the CLI reads them. */

const tempDir = useTempDir();
const pages = [
  fixture('teams', 'channel-messages', 'page-1.json'),
  fixture('teams', 'channel-messages', 'page-2.json'),
];

describe('Teams channel messages from Graph', () => {
  it('reads the pages of one channel as one war room, replies after their post', async () => {
    const incident = await importIncident(pages);
    expect(incident.sources).toEqual([{ adapter: 'teams', file: pages.join(', ') }]);
    expect(incident.title).toBe('Gift card outage');
    expect(incident.events.map((event) => [event.at.toISOString(), event.kind, event.actorId, event.text])).toEqual([
      [
        '2025-11-28T18:02:40.100Z',
        'escalation',
        'teams:8ea0e38b-efb3-4757-924a-5f94061cf8c2',
        'Gift card outage: Gift cards fail at checkout and customers are posting screenshots. @Sam Kowalski please draft a holding reply.\nStatus page: status.example.com/incidents/42\n[image: screenshot]',
      ],
      [
        '2025-11-28T18:05:00.300Z',
        'note',
        'teams:1fb8890f-423e-4154-8fbf-db6809bc8756',
        "Drafted: \"We're aware some gift cards can't be used right now & we're on it.\" OK to post? 👀",
      ],
      [
        '2025-11-28T18:07:00.400Z',
        'decision',
        'teams:8ea0e38b-efb3-4757-924a-5f94061cf8c2',
        'Approved, post it. Decision: no discount codes until the provider confirms the fix.',
      ],
      [
        '2025-11-28T18:10:00.500Z',
        'note',
        'teams:7a2c1b11-5d0e-4c2f-9a63-2b1e0c3d4e5f',
        'Care macro for gift-card tickets is live.',
      ],
    ]);
    expect(incident.events[0]).toMatchObject({
      visibility: 'internal',
      signals: { reactions: 1 },
      link: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/message\//),
      evidence: { adapter: 'teams', file: pages[0], ref: 'value[1] 1764352960100' },
    });
    expect(incident.events[2]?.signals).toEqual({ edited: true, decision: true });
    expect(incident.detected).toEqual(new Date('2025-11-28T18:02:40.100Z'));
  });

  it('knows every person by display name, mentioned ones included, for redaction', async () => {
    const incident = await importIncident(pages);
    expect(incident.people.map((person) => [person.id, person.role, person.name]).sort()).toEqual([
      ['teams:1fb8890f-423e-4154-8fbf-db6809bc8756', 'responder', 'Sam Kowalski'],
      ['teams:7a2c1b11-5d0e-4c2f-9a63-2b1e0c3d4e5f', 'responder', 'Rio Mendes'],
      ['teams:8ea0e38b-efb3-4757-924a-5f94061cf8c2', 'responder', 'Dana Whitfield'],
    ]);
  });

  it('says what it left out: system events and deleted messages', async () => {
    const incident = await importIncident(pages);
    expect(incident.notes).toEqual([
      `${pages.join(', ')}: Teams: read 4 messages from 2 file(s).`,
      `${pages.join(', ')}: Teams: 1 system event message(s) (members added, renames) left out.`,
      `${pages.join(', ')}: Teams: 1 deleted message(s) left out (Graph keeps no text for them).`,
    ]);
  });

  it('drafts a page with no live markup and no names of the war room', async () => {
    const result = await importExports(pages, {
      brandHandles: [],
      map: {},
      tz: 'UTC',
      cwd: REPO,
      redact: true,
      keep: [],
      displayDir: 'content/postmortems',
    });
    expect(result.page.id).toBe('2025-11-28-gift-card-outage');
    expect(result.page.content).not.toMatch(/<script|onerror|alert\(/i);
    expect(result.page.content).not.toContain('Dana Whitfield');
    expect(result.page.content).not.toContain('Sam Kowalski');
  });

  it('refuses a file that is not a messages page, naming what it found', async () => {
    const input = await writeInput(
      tempDir(),
      'channel.json',
      '{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#teams(\'1\')/channels(\'2\')/messages", "id": "19:abc", "displayName": "War room"}',
    );
    const error = await importError(importIncident([input.path]));
    expect(error.describe()).toBe(
      `${input.path} ((top level)): not a Microsoft Graph messages response: expected "value" (a page of chatMessage objects), found: @odata.context, id, displayName`,
    );
  });

  it('names the message and field of a bad timestamp', async () => {
    const input = await writeInput(
      tempDir(),
      'bad.json',
      JSON.stringify({
        '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#teams('1')/channels('2')/messages",
        value: [
          {
            id: '1',
            messageType: 'message',
            createdDateTime: 'yesterday',
            body: { contentType: 'text', content: 'hi' },
          },
        ],
      }),
    );
    const error = await importError(importIncident([input.path]));
    expect(error.describe()).toBe(
      `${input.path} (value.0.createdDateTime): expected an ISO 8601 timestamp with a zone, like "2025-11-28T18:02:40.123Z"`,
    );
  });
});

describe('Teams HTML bodies as text', () => {
  it('keeps words, drops markup, keeps only http(s) link targets', () => {
    expect(
      htmlToText(
        '<p>One&nbsp;<b>two</b></p><p><a href="javascript:alert(1)">click</a> <a href="https://x.example/a">here</a></p>',
      ),
    ).toBe('One two\nclick here (https://x.example/a)');
    expect(htmlToText('<style>p{}</style><script>evil()</script>ok')).toBe('ok');
  });
});
