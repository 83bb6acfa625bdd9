import { describe, expect, it } from 'vitest';
import { pagerdutyAdapter, severityOf } from '../../../../src/importer/sources/pagerduty/index.ts';
import { fixture, importError, inputFor, read, useTempDir, writeInput } from '../support.ts';

const tempDir = useTempDir();
const incidentFile = (scenario: string) => fixture('pagerduty', scenario, 'incident.json');

describe('PagerDuty adapter on a resolved P1 with log and notes', () => {
  const file = incidentFile('web-outage');

  it('dates the incident from its trigger and resolve entries, severity from the priority', async () => {
    const result = await read(pagerdutyAdapter, await inputFor(file));
    expect(result).toMatchObject({
      adapter: 'pagerduty',
      file,
      title: 'Checkout returns 500 errors after spring promo launch',
      started: new Date('2024-05-14T09:52:11Z'),
      detected: new Date('2024-05-14T09:52:11Z'),
      resolved: new Date('2024-05-14T12:10:40Z'),
      severity: 1,
      platforms: [],
    });
  });

  it('turns the log and the notes into one internal timeline, in time order', async () => {
    const result = await read(pagerdutyAdapter, await inputFor(file));
    expect(result.events.map((event) => [event.at.toISOString(), event.kind, event.actorId, event.text])).toEqual([
      [
        '2024-05-14T09:52:11.000Z',
        'detection',
        'pagerduty:PINT9AB',
        'Triggered through the API: Checkout error rate above 5% for 5 minutes',
      ],
      ['2024-05-14T09:56:03.000Z', 'escalation', 'pagerduty:PUSR001', 'Acknowledged by Jordan Blake'],
      ['2024-05-14T10:05:00.000Z', 'escalation', 'pagerduty:PUSR001', 'Escalated to Priya Shah by Jordan Blake'],
      [
        '2024-05-14T10:07:30.000Z',
        'note',
        'pagerduty:PUSR001',
        'Note: Rolled back promo-pricing deploy; error rate falling',
      ],
      [
        '2024-05-14T10:20:00.000Z',
        'note',
        'pagerduty:PUSR003',
        'Status update: Checkout is recovering after a rollback of the promo-pricing deploy. Social team: the holding reply is approved.',
      ],
      [
        '2024-05-14T10:31:00.000Z',
        'note',
        'pagerduty:PUSR003',
        'Note: Comms: customers are posting screenshots of the error on X; social team drafting a reply.',
      ],
      ['2024-05-14T12:10:40.000Z', 'resolution', 'pagerduty:PUSR001', 'Resolved by Jordan Blake'],
    ]);
    expect(new Set(result.events.map((event) => event.visibility))).toEqual(new Set(['internal']));
    expect(result.events[0]).toMatchObject({
      actor: 'system',
      sourceId: 'R0TRIGGER000001',
      link: 'https://acme-retail.pagerduty.com/incidents/Q1R2S3T4U5V6W7/log_entries/R0TRIGGER000001',
      evidence: { adapter: 'pagerduty', file, ref: 'log_entries[7] R0TRIGGER000001' },
    });
    expect(result.events[3]?.evidence.ref).toBe('notes[0] PNOTE01');
  });

  it('lists agents as responders by their summary name, integrations as system', async () => {
    const result = await read(pagerdutyAdapter, await inputFor(file));
    expect(result.people).toEqual(
      expect.arrayContaining([
        { id: 'pagerduty:PUSR001', role: 'responder', name: 'Jordan Blake' },
        { id: 'pagerduty:PUSR002', role: 'responder', name: 'Priya Shah' },
        { id: 'pagerduty:PUSR003', role: 'responder', name: 'Casey Ng' },
        { id: 'pagerduty:PINT9AB', role: 'system', name: 'Datadog' },
      ]),
    );
    expect(result.people).toHaveLength(4);
  });

  it('counts the pages and the annotations it leaves out, and carries no contact details', async () => {
    const result = await read(pagerdutyAdapter, await inputFor(file));
    expect(result.notes).toEqual([
      'PagerDuty: 2 notification log entries (pages sent to 1 responder) left out of the timeline.',
      'PagerDuty: 1 annotate log entry read from "notes" instead (the same notes, with their text).',
    ]);
    const json = JSON.stringify(result);
    expect(json).not.toContain('4155550199');
    expect(json).not.toContain('555-0142');
    expect(json).not.toContain('a1b2c3d4e5f6'); // the integration's service key
  });
});

describe('PagerDuty adapter on other layouts', () => {
  it('reads a bare incident with its log as its own key, severity estimated from urgency', async () => {
    const file = incidentFile('bare-acknowledged');
    const result = await read(pagerdutyAdapter, await inputFor(file));
    expect(result.severity).toBe(3);
    expect(result.resolved).toBeUndefined();
    expect(result.events.map((event) => [event.kind, event.text])).toEqual([
      ['detection', 'Triggered through the website: Promo codes rejected for some customers'],
      ['escalation', 'Acknowledged by Casey Ng'],
      ['note', 'Note: Care team has a macro for affected customers; no public post yet.'],
      ['note', 'Something new happened'],
    ]);
    expect(result.notes).toEqual([
      'PagerDuty: no priority set; severity 3 estimated from urgency "low".',
      'PagerDuty: 1 notification log entry (pages sent to 1 responder) left out of the timeline.',
      'PagerDuty: log entry types read as plain notes: future_feature_log_entry.',
      'PagerDuty: the incident was still "acknowledged" when exported.',
    ]);
    expect(JSON.stringify(result)).not.toContain('casey.ng@example.com');
  });

  it('builds a short timeline from the incident alone when there is no log', async () => {
    const file = incidentFile('incident-only');
    const result = await read(pagerdutyAdapter, await inputFor(file));
    expect(result.events.map((event) => [event.at.toISOString(), event.kind, event.text])).toEqual([
      [
        '2024-05-14T09:52:11.000Z',
        'detection',
        'Incident #4242 triggered on Checkout API: Checkout returns 500 errors after spring promo launch',
      ],
      ['2024-05-14T09:56:03.000Z', 'escalation', 'Acknowledged by Jordan Blake'],
      ['2024-05-14T12:10:40.000Z', 'resolution', 'Resolved by Jordan Blake'],
    ]);
    expect(result.resolved).toEqual(new Date('2024-05-14T12:10:40Z'));
    expect(result.notes[0]).toMatch(/^PagerDuty: no log entries were given/);
  });
});

describe('PagerDuty adapter errors', () => {
  it('names the log entry and field of a bad timestamp', async () => {
    const file = incidentFile('bad-timestamp');
    const error = await importError(read(pagerdutyAdapter, await inputFor(file)));
    expect(error.describe()).toBe(
      `${file} (log_entries.2.created_at): expected an ISO 8601 timestamp with a zone, like "2015-10-06T21:30:42Z"`,
    );
  });

  it('names a missing field of the incident', async () => {
    const input = await writeInput(
      tempDir(),
      'no-created.json',
      '{"incident": {"id": "P1", "type": "incident", "incident_number": 1}}',
    );
    const error = await importError(read(pagerdutyAdapter, input));
    expect(error.location).toBe('incident.created_at');
  });

  it('names the line where a truncated file ends', async () => {
    const input = await writeInput(
      tempDir(),
      'cut.json',
      '{\n  "incident": {\n    "id": "P1",\n    "type": "incident"',
    );
    const error = await importError(read(pagerdutyAdapter, input));
    expect(error.location).toBe('line 4, column 23 (end of text)');
    expect(error.message).toBe('invalid JSON: the text ends before the document is complete (a truncated file?)');
  });

  it('names the line and column of a syntax error', async () => {
    const input = await writeInput(tempDir(), 'comma.json', '{\n  "incident": {"id": "P1",, }}');
    const error = await importError(read(pagerdutyAdapter, input));
    expect(error.describe()).toBe(`${input.path} (line 2, column 27): invalid JSON: unexpected ","`);
  });
});

describe('PagerDuty severity', () => {
  it.each([
    [{ priority: { summary: 'P1' } }, 1],
    [{ priority: { summary: 'P2' } }, 2],
    [{ priority: { summary: 'P4' } }, 4],
    [{ priority: { summary: 'P5' } }, 4],
    [{ priority: { summary: 'SEV-3' } }, 3],
    [{ priority: null, urgency: 'high' }, 2],
    [{ priority: { summary: 'Custom' }, urgency: 'low' }, 3],
  ])('%j → %i', (incident, level) => {
    expect(severityOf(incident)?.level).toBe(level);
  });
});
