import { describe, expect, it } from 'vitest';
import { incidentIoAdapter, severityLevel } from '../../../../src/importer/sources/incident-io/index.ts';
import { fixture, importError, inputFor, read, useTempDir, writeInput } from '../support.ts';

const tempDir = useTempDir();
const incidentFile = (scenario: string) => fixture('incident-io', scenario, 'incident.json');

describe('incident.io adapter on a critical incident with updates', () => {
  const file = incidentFile('checkout-outage');

  it('takes the dates from the named timestamps and the severity from its name', async () => {
    const result = await read(incidentIoAdapter, await inputFor(file));
    expect(result).toMatchObject({
      adapter: 'incident-io',
      file,
      title: 'Promo code rejected at checkout',
      started: new Date('2024-05-14T08:45:00Z'),
      detected: new Date('2024-05-14T09:58:30Z'),
      resolved: new Date('2024-05-14T14:20:00Z'),
      severity: 1,
      platforms: [],
      notes: [],
    });
  });

  it('turns status and severity changes into escalations, decisions and the resolution', async () => {
    const result = await read(incidentIoAdapter, await inputFor(file));
    expect(result.events.map((event) => [event.at.toISOString(), event.kind, event.text])).toEqual([
      // The incident's own timestamps that no update tells (accepted and resolved are updates too).
      ['2024-05-14T08:45:00.000Z', 'trigger', 'Impact started'],
      ['2024-05-14T09:58:30.000Z', 'detection', 'Reported'],
      [
        '2024-05-14T10:00:12.480Z',
        'detection',
        "Incident INC-2024 declared: Promo code rejected at checkout. The SPRING20 code advertised in this morning's email is rejected at checkout; customers are posting screenshots.",
      ],
      [
        '2024-05-14T10:02:00.000Z',
        'escalation',
        'Status: Investigating. Severity: Major. Seeing a spike of complaints on X about the promo code not working.',
      ],
      [
        '2024-05-14T10:25:00.000Z',
        'escalation',
        'Severity: Major → Critical. Escalating to Critical: the complaint thread has 2M views and press are asking.',
      ],
      [
        '2024-05-14T10:50:00.000Z',
        'decision',
        'Status: Investigating → Fixing. We will honour the advertised discount for everyone who ordered today; comms to post at 11:00.',
      ],
      ['2024-05-14T11:40:00.000Z', 'decision', 'Status: Fixing → Monitoring. Fix deployed, status page updated.'],
      [
        '2024-05-14T12:30:00.000Z',
        'decision',
        'Severity: Critical → Major. Downgrading: complaint volume is back to normal.',
      ],
      [
        '2024-05-14T14:20:00.000Z',
        'resolution',
        'Status: Monitoring → Documenting. Impact over; moving to post-incident. Debrief on Friday.',
      ],
    ]);
    expect(new Set(result.events.map((event) => event.visibility))).toEqual(new Set(['internal']));
    expect(result.events[0]).toMatchObject({
      actor: 'system',
      evidence: { adapter: 'incident-io', file, ref: 'incident 01HXINC0PROMOCODE000000001' },
    });
    expect(result.events[2]).toMatchObject({
      actor: 'responder',
      actorId: 'incident-io:01HXA1EXSOCIAL000000000003',
      link: 'https://app.incident.io/acme/incidents/2024',
      sourceId: '01HXINC0PROMOCODE000000001',
      evidence: { adapter: 'incident-io', file, ref: 'incident 01HXINC0PROMOCODE000000001' },
    });
    // Posted by a workflow: the system, with no person behind it.
    expect(result.events[6]).toMatchObject({ actor: 'system' });
    expect(result.events[6]?.actorId).toBeUndefined();
    expect(result.events[8]?.evidence.ref).toBe('incident_updates[0] 01HXUPD0000000000000000006');
  });

  it('lists responders with their incident role as title, and keeps no e-mail addresses', async () => {
    const result = await read(incidentIoAdapter, await inputFor(file));
    expect(result.people).toEqual([
      { id: 'incident-io:01HXA1EXLEAD00000000000001', role: 'responder', name: 'Alex Moreau', title: 'Incident Lead' },
      {
        id: 'incident-io:01HXA1EXCOMMS0000000000002',
        role: 'responder',
        name: 'Morgan Ellis',
        title: 'Communications Lead',
      },
      { id: 'incident-io:01HXA1EXSOCIAL000000000003', role: 'responder', name: 'Sam Okafor' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/@example\.com/);
  });
});

describe('incident.io adapter on a bare incident opened by an alert', () => {
  const file = incidentFile('alert-triage');

  it('reads the older category names, resolution from the closing update', async () => {
    const result = await read(incidentIoAdapter, await inputFor(file));
    expect(result.started).toBeUndefined();
    expect(result.detected).toEqual(new Date('2024-06-02T07:30:00Z'));
    expect(result.resolved).toEqual(new Date('2024-06-02T09:15:00Z'));
    expect(result.events.map((event) => [event.kind, event.actor, event.text])).toEqual([
      [
        'detection',
        'system',
        'Incident INC-2031 declared (opened by the alert "Spike in negative mentions: newsletter"): Newsletter sent with a broken unsubscribe link',
      ],
      ['note', 'system', 'Status: Triage.'],
      ['escalation', 'responder', 'Status: Triage → Active. Confirmed: the unsubscribe link 404s.'],
      ['resolution', 'responder', 'Status: Active → Closed. Link fixed and apology reply pinned.'],
    ]);
  });

  it('places a custom severity by its rank, and says so', async () => {
    const result = await read(incidentIoAdapter, await inputFor(file));
    expect(result.severity).toBe(2);
    expect(result.notes).toEqual([
      'incident.io: severity "Yellow" read from its rank 2 as 2, assuming the default scale (rank 1 Minor … 3 Critical).',
    ]);
  });
});

describe('incident.io adapter errors and gaps', () => {
  it('names the update and field of a bad timestamp', async () => {
    const file = incidentFile('bad-update');
    const error = await importError(read(incidentIoAdapter, await inputFor(file)));
    expect(error.describe()).toBe(
      `${file} (incident_updates.1.created_at): expected an ISO 8601 timestamp with a zone, like "2021-08-17T13:28:57.801578Z"`,
    );
  });

  it('names a status without its category', async () => {
    const input = await writeInput(
      tempDir(),
      'no-category.json',
      JSON.stringify({ incident: { id: 'I1', created_at: '2024-01-01T00:00:00Z', incident_status: { name: 'Live' } } }),
    );
    const error = await importError(read(incidentIoAdapter, input));
    expect(error.location).toBe('incident.incident_status.category');
    expect(error.message).toBe('expected the status category, like "live" or "closed"');
  });

  it('reads an incident without updates, and says what is missing', async () => {
    const input = await writeInput(
      tempDir(),
      'lonely.json',
      JSON.stringify({
        incident: {
          id: 'I2',
          name: 'Lonely',
          created_at: '2024-01-01T10:00:00Z',
          incident_status: { name: 'Investigating', category: 'live' },
          severity: { name: 'Minor', rank: 1 },
        },
      }),
    );
    const result = await read(incidentIoAdapter, input);
    expect(result.events).toHaveLength(1);
    expect(result.severity).toBe(3);
    expect(result.resolved).toBeUndefined();
    expect(result.notes).toEqual([
      'incident.io: the incident was still "Investigating" (live) when exported.',
      'incident.io: no incident updates were given; save GET /v2/incident_updates?incident_id=… (as "incident_updates" in the file, or as a file of its own) for its timeline.',
    ]);
  });
});

describe('incident.io severity', () => {
  it.each([
    [{ name: 'Critical', rank: 3 }, 1],
    [{ name: 'Major', rank: 2 }, 2],
    [{ name: 'Minor', rank: 1 }, 3],
    [{ name: 'Low', rank: 0 }, 4],
    [{ name: 'SEV1', rank: 9 }, 1],
    [{ name: 'Sev 2' }, 2],
    [{ name: 'P4' }, 4],
    [{ name: 'Yellow', rank: 1 }, 3],
    [{ name: 'Yellow', rank: 3 }, 1],
  ])('%j → %i', (severity, level) => {
    expect(severityLevel(severity)?.level).toBe(level);
  });

  it('leaves a severity with no known name and no rank unset', () => {
    expect(severityLevel({ name: 'Purple' })).toBeUndefined();
  });
});
