import { describe, expect, it } from 'vitest';
import { importIncident } from '../../support/pipeline.ts';
import { fixture, importError } from '../support.ts';

/** The shapes PagerDuty's API and web app give, read through readExports as the CLI reads them. */

const file = (...parts: string[]) => fixture('pagerduty', ...parts);

describe('PagerDuty incident and log saved as separate files', () => {
  const paths = [
    file('two-files', 'incident.json'),
    file('two-files', 'log_entries.json'),
    file('two-files', 'notes.json'),
  ];

  it('reads them as one incident, keeping the acknowledgement only the incident records', async () => {
    const incident = await importIncident(paths);
    expect(incident.sources).toEqual([{ adapter: 'pagerduty', file: paths.join(', ') }]);
    expect(incident.title).toBe('Promo checkout rejects every gift card');
    expect(incident.severity).toBe(1);
    expect(
      incident.events.map((event) => [event.at.toISOString(), event.kind, event.text, event.evidence.file]),
    ).toEqual([
      [
        '2025-11-28T18:02:40.000Z',
        'detection',
        'Triggered through the API: Gift card redemption errors above 20%',
        paths[1],
      ],
      ['2025-11-28T18:02:41.000Z', 'escalation', 'Assigned to Casey Ng.', paths[1]],
      ['2025-11-28T18:09:15.000Z', 'escalation', 'Acknowledged by Casey Ng', paths[0]],
      ['2025-11-28T18:20:00.000Z', 'note', 'Note: Gift-card provider confirms an outage on their side', paths[2]],
      [
        '2025-11-28T18:31:00.000Z',
        'note',
        'Note: Social team: holding reply approved for the gift-card complaints.',
        paths[2],
      ],
    ]);
    expect(incident.notes).toEqual([
      `${paths.join(', ')}: PagerDuty: 1 moment the incident records is not in its log and was kept from the incident (escalation).`,
      `${paths.join(', ')}: PagerDuty: 1 annotate log entry read from "notes" instead (the same notes, with their text).`,
      `${paths.join(', ')}: PagerDuty: the incident was still "acknowledged" when exported.`,
    ]);
  });

  it('reads the same files in any order', async () => {
    const reversed = await importIncident([...paths].reverse());
    const forward = await importIncident(paths);
    expect(reversed.events.map((event) => event.text)).toEqual(forward.events.map((event) => event.text));
  });

  it('refuses a log alone, saying what to pass', async () => {
    const error = await importError(importIncident([file('two-files', 'log_entries.json')]));
    expect(error.describe()).toBe(
      `${file('two-files', 'log_entries.json')}: no PagerDuty incident in the file; a log or notes list alone cannot be placed: pass the incident too (its GET /incidents/{id} response)`,
    );
  });
});

describe('PagerDuty list responses and bare arrays', () => {
  it('refuses a list of several incidents without --incident, listing them', async () => {
    const path = file('list', 'incidents.json');
    const error = await importError(importIncident([path]));
    expect(error.describe()).toBe(
      `${path} (incidents): holds 3 PagerDuty incidents; choose one with --incident ID. Incidents: ` +
        'Q3LIST0001 (#4310 "Search results empty on the app", 2025-11-29); ' +
        'Q3LIST0002 (#4311 "Checkout API 502 during Black Friday sale", 2025-11-29); ' +
        'Q3LIST0003 (#4312 "Order confirmation e-mails delayed", 2025-11-29)',
    );
  });

  it('reads the incident --incident names, by number or by id', async () => {
    for (const wanted of ['4311', '#4311', 'Q3LIST0002', 'q3list0002']) {
      const incident = await importIncident([file('list', 'incidents.json')], { incident: wanted });
      expect(incident.title, wanted).toBe('Checkout API 502 during Black Friday sale');
      expect(incident.severity).toBe(1);
      expect(incident.resolved).toEqual(new Date('2025-11-29T11:30:00Z'));
      expect(incident.notes).toContain(
        `${file('list', 'incidents.json')}: PagerDuty: 3 incidents were given; only Q3LIST0002 (--incident) was read.`,
      );
    }
  });

  it('names the ids when --incident matches none', async () => {
    const error = await importError(importIncident([file('bare-array', 'incidents.json')], { incident: '9999' }));
    expect(error.message).toBe(
      'no PagerDuty incident "9999" here (--incident takes an id, number or reference); the file holds: ' +
        'Q3LIST0001 (#4310 "Search results empty on the app", 2025-11-29); ' +
        'Q3LIST0002 (#4311 "Checkout API 502 during Black Friday sale", 2025-11-29)',
    );
  });

  it('reads a bare array of incidents (jq .incidents) like the list', async () => {
    const incident = await importIncident([file('bare-array', 'incidents.json')], { incident: 'Q3LIST0001' });
    expect(incident.title).toBe('Search results empty on the app');
    expect(incident.severity).toBe(3);
    expect(incident.events.map((event) => [event.kind, event.text])).toEqual([
      ['detection', 'Incident #4310 triggered on Checkout API: Search results empty on the app'],
      ['resolution', 'Resolved by Jordan Blake'],
    ]);
  });
});

describe('PagerDuty incidents CSV from the web app', () => {
  const path = file('csv', 'incidents.csv');

  it('reads the row --incident names, with its acknowledgement and resolution', async () => {
    const incident = await importIncident([path], { incident: '4320' });
    expect(incident.title).toBe('Checkout API 502 during Black Friday sale, "gift card" path');
    expect(incident.severity).toBe(2);
    expect(incident.started).toEqual(new Date('2025-11-29T14:00:00Z'));
    expect(incident.resolved).toEqual(new Date('2025-11-29T16:30:00Z'));
    expect(
      incident.events.map((event) => [event.at.toISOString(), event.kind, event.text, event.evidence.ref]),
    ).toEqual([
      [
        '2025-11-29T14:00:00.000Z',
        'detection',
        'Incident #4320 triggered on Checkout API: Checkout API 502 during Black Friday sale, "gift card" path',
        'line 2 Q4CSV00001',
      ],
      ['2025-11-29T14:04:00.000Z', 'escalation', 'Acknowledged by Jordan Blake', 'line 2 Q4CSV00001'],
      ['2025-11-29T16:30:00.000Z', 'resolution', 'Resolved by Jordan Blake', 'line 2 Q4CSV00001'],
    ]);
  });

  it('refuses the download of several incidents without --incident', async () => {
    const error = await importError(importIncident([path]));
    expect(error.message).toMatch(
      /^holds 2 PagerDuty incidents; choose one with --incident ID\. Incidents: Q4CSV00001 /,
    );
  });
});
