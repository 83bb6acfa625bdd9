import { describe, expect, it } from 'vitest';
import { fixture, importIncident } from '../support/pipeline.ts';

describe('several exports of one incident merge into one', () => {
  const paths = [
    fixture('merge/war-room.json'),
    fixture('merge/comms-tool.json'),
    fixture('merge/brandwatch-kettle.csv'),
  ];

  it('lists every export as a source, with the adapter that read it', async () => {
    const incident = await importIncident(paths, { brandHandles: ['examplebrand'] });
    expect(incident.sources).toEqual([
      { adapter: 'firebreak-json', file: paths[0] },
      { adapter: 'firebreak-json', file: paths[1] },
      { adapter: 'brandwatch', file: paths[2] },
    ]);
  });

  it('orders events in time, drops the event both exports carry, and keeps the rest', async () => {
    const incident = await importIncident(paths, { brandHandles: ['examplebrand'] });
    const times = incident.events.map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const statements = incident.events.filter(
      (event) => event.text === 'We are looking into reports about our kettles.',
    );
    expect(statements).toHaveLength(1);
    expect(incident.events.some((event) => event.text === 'Decision: recall batch 42')).toBe(true);
  });

  it('takes the earliest start (the first mention), the most severe severity and the latest resolution', async () => {
    const incident = await importIncident(paths, { brandHandles: ['examplebrand'] });
    expect(incident.started?.toISOString()).toBe('2025-03-01T14:02:11.000Z');
    expect(incident.detected?.toISOString()).toBe('2025-03-01T14:20:00.000Z');
    expect(incident.resolved?.toISOString()).toBe('2025-03-02T10:00:00.000Z');
    expect(incident.severity).toBe(2);
    expect(incident.mentions?.total).toBeGreaterThan(0);
  });

  it('unites platforms in order of appearance and merges people by id', async () => {
    const incident = await importIncident(paths, { brandHandles: ['examplebrand'] });
    expect(incident.platforms.slice(0, 2)).toEqual(['x', 'facebook']);
    const brand = incident.people.filter((person) => person.id === 'firebreak:brand');
    expect(brand).toHaveLength(1);
    expect(brand[0]!.verified).toBe(true);
  });

  it('keeps authored fields, the first export that gives one winning', async () => {
    const incident = await importIncident(paths, { brandHandles: ['examplebrand'] });
    expect(incident.title).toBe('Kettle leak, war-room log');
    expect(incident.authored.summary).toBe('Written by the comms tool: the kettle recall.');
    expect(incident.authored.actionItems?.[0]?.type).toBe('prevent');
  });
});
