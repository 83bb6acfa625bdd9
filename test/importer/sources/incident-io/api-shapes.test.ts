import { describe, expect, it } from 'vitest';
import { importIncident } from '../../support/pipeline.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, importError, useTempDir } from '../support.ts';

const tempDir = useTempDir();

/** The shapes incident.io's API and dashboard give, read through readExports as the CLI reads them. */

const file = (...parts: string[]) => fixture('incident-io', ...parts);
const eventsOf = (incident: { events: { at: Date; kind: string; text: string }[] }) =>
  incident.events.map((event) => [event.at.toISOString(), event.kind, event.text]);

describe('incident.io incident and updates saved as separate files', () => {
  const paths = [file('two-files', 'incident.json'), file('two-files', 'incident_updates.json')];

  it('reads them as the combined response reads', async () => {
    const separate = await importIncident(paths);
    const combined = await importIncident([file('checkout-outage', 'incident.json')]);
    expect(separate.sources).toEqual([{ adapter: 'incident-io', file: paths.join(', ') }]);
    expect(eventsOf(separate)).toEqual(eventsOf(combined));
    expect(separate.events).toHaveLength(9);
    expect(separate.severity).toBe(1);
    expect(separate.resolved).toEqual(new Date('2024-05-14T14:20:00Z'));
    // Evidence names the file each fact came from.
    expect(new Set(separate.events.map((event) => event.evidence.file))).toEqual(new Set(paths));
  });

  it('refuses the updates alone, saying what to pass', async () => {
    const error = await importError(importIncident([paths[1]!]));
    expect(error.message).toMatch(/^no incident\.io incident in the file; .*pass the incident too/);
    expect(error.file).toBe(paths[1]);
  });
});

describe('incident.io list responses', () => {
  const path = file('list', 'incidents.json');

  it('refuses a list of several without --incident, listing references and names', async () => {
    const error = await importError(importIncident([path]));
    expect(error.describe()).toBe(
      `${path} (incidents): holds 2 incident.io incidents; choose one with --incident ID. Incidents: ` +
        '01HXINC0PROMOCODE000000001 (INC-2024 "Promo code rejected at checkout", 2024-05-14); ' +
        '01HXINC0NEWSLETTER00000002 (INC-2031 "Newsletter sent with a broken unsubscribe link", 2024-06-02)',
    );
  });

  it('reads the one --incident names, by reference, number or id', async () => {
    for (const wanted of ['INC-2031', 'inc-2031', '2031', '01HXINC0NEWSLETTER00000002']) {
      const incident = await importIncident([path], { incident: wanted });
      expect(incident.title, wanted).toBe('Newsletter sent with a broken unsubscribe link');
      expect(incident.resolved).toEqual(new Date('2024-06-02T09:15:00Z'));
    }
  });

  it('joins the list with updates saved apart, keeping only the chosen incident’s', async () => {
    const incident = await importIncident([path, file('two-files', 'incident_updates.json')], { incident: 'INC-2024' });
    expect(incident.events.filter((event) => event.evidence.file.endsWith('incident_updates.json'))).toHaveLength(6);
    const other = await importIncident([path, file('two-files', 'incident_updates.json')], { incident: 'INC-2031' });
    expect(other.events.map((event) => event.kind)).toEqual(['detection', 'resolution']);
    expect(
      other.notes.some((note) => note.endsWith('6 update(s) of other incidents left out (only INC-2031 was read).')),
    ).toBe(true);
  });
});

describe('incident.io dashboard CSV', () => {
  const path = file('csv', 'incidents.csv');

  it('reads the row --incident names, its times as the incident’s timestamps, zone-less times in --tz', async () => {
    const incident = await importIncident([path], { incident: 'INC-2024', tz: 'Europe/London' });
    expect(incident.title).toBe('Promo code rejected at checkout');
    expect(incident.severity).toBe(1);
    expect(incident.started).toEqual(new Date('2024-05-14T07:45:00Z'));
    expect(incident.resolved).toEqual(new Date('2024-05-14T13:20:00Z'));
    expect(eventsOf(incident)).toEqual([
      ['2024-05-14T07:45:00.000Z', 'trigger', 'Impact started'],
      ['2024-05-14T08:58:30.000Z', 'detection', 'Reported'],
      [
        '2024-05-14T09:00:12.000Z',
        'detection',
        "Incident INC-2024 declared: Promo code rejected at checkout. The SPRING20 code advertised in this morning's email is rejected at checkout; customers are posting screenshots.",
      ],
      ['2024-05-14T09:02:00.000Z', 'escalation', 'Accepted'],
      ['2024-05-14T13:20:00.000Z', 'resolution', 'Resolved'],
    ]);
    expect(incident.people).toEqual([
      expect.objectContaining({ role: 'responder', name: 'Alex Moreau', title: 'Incident Lead' }),
    ]);
    // The wall-clock reading is the partial's timeZoneNote, which the merge turns into a warning.
    expect(incident.warnings).toEqual([`${path}: Times in incidents.csv carried no zone; read as Europe/London.`]);
    expect(incident.notes).toContain(incident.warnings[0]);
  });

  it('warns that durations depend on --tz when its zone-less times meet absolute ones', async () => {
    const log = join(tempDir(), 'war-room.json');
    writeFileSync(
      log,
      JSON.stringify({
        format: 'firebreak-incident',
        version: 1,
        events: [{ at: '2024-05-14T09:05:00Z', kind: 'escalation', text: 'Comms lead paged', actor: 'responder' }],
      }),
    );
    const incident = await importIncident([path, log], { incident: 'INC-2024', tz: 'Europe/London' });
    expect(incident.warnings).toContainEqual(
      `Durations here combine absolute times (${log}) with times read in an assumed zone (${path}): if that zone is wrong, every duration between them is off by the difference. Pass --tz with the zone the exporting tool was set to.`,
    );
  });

  it('says nothing about zones when the CSV gave every time with one', async () => {
    const zoned = join(tempDir(), 'zoned.csv');
    writeFileSync(zoned, readFileSync(path, 'utf8').replace(/(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/g, '$1T$2Z'));
    const incident = await importIncident([zoned], { incident: 'INC-2024' });
    expect(incident.warnings).toEqual([]);
    expect(incident.notes.join('\n')).not.toMatch(/carried no zone/);
  });

  it('names the line and column of a time it cannot read', async () => {
    const bad = join(tempDir(), 'incidents.csv');
    writeFileSync(
      bad,
      'Reference,Name,Status,Severity,Created At,Reported At\nINC-1,Broken link,Closed,Minor,yesterday at noon,\n',
    );
    const error = await importError(importIncident([bad]));
    expect(error.describe()).toBe(
      `${bad} (line 2, column Created At): "yesterday at noon" is not a timestamp; expected ISO 8601 like "2024-05-14T09:52:11Z" (as the download writes it)`,
    );
  });
});
