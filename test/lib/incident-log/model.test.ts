import { describe, expect, it } from 'vitest';
import { incidentExportSchema } from '../../../src/schema/incident-export.ts';
import { newEntry, parseLog, toIncidentExport, zonedTimestamp } from '../../../src/lib/incident-log/model.ts';

describe('incident log', () => {
  it('stamps entries with the local time and its zone offset', () => {
    const stamp = zonedTimestamp(new Date('2026-12-01T09:05:07Z'));
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(stamp)).toBe(Date.parse('2026-12-01T09:05:07Z'));
  });

  it('exports a log as Firebreak incident JSON the importer accepts, in time order, kinds mapped', () => {
    const log = {
      version: 1 as const,
      title: 'Kettle leak complaints',
      entries: [
        newEntry('statement', 'Holding statement posted on X', new Date('2026-12-01T10:30:00Z'), 'b'),
        newEntry('decision', 'Level 2; crisis lead takes over', new Date('2026-12-01T10:05:00Z'), 'a'),
        newEntry(
          'checklist',
          'Done: Pause scheduled posts (Crisis now, Social lead)',
          new Date('2026-12-01T10:10:00Z'),
          'c',
        ),
      ],
    };
    const exported = toIncidentExport(log);
    expect(incidentExportSchema.safeParse(exported).success).toBe(true);
    expect(exported).toMatchObject({ format: 'firebreak-incident', version: 1, title: 'Kettle leak complaints' });
    expect(exported.events.map((e) => [e.kind, e.actor, e.text])).toEqual([
      ['decision', 'responder', 'Level 2; crisis lead takes over'],
      ['note', 'responder', 'Checklist: Done: Pause scheduled posts (Crisis now, Social lead)'],
      ['statement', 'brand', 'Holding statement posted on X'],
    ]);
  });

  it('refuses to export an empty log', () => {
    expect(() => toIncidentExport({ version: 1, title: '', entries: [] })).toThrow(/needs at least one event/);
  });

  it('reads back what it stored and drops anything malformed instead of failing', () => {
    const good = newEntry('metric', '1,450 mentions in the last hour', new Date('2026-12-01T11:00:00Z'), 'm');
    const stored = JSON.stringify({
      version: 1,
      title: 'x',
      entries: [good, { id: 'z', at: 'yesterday', kind: 'note', text: 'x' }, { kind: 'evil' }, null],
    });
    expect(parseLog(stored)).toEqual({ version: 1, title: 'x', entries: [good] });
    expect(parseLog('{not json')).toEqual({ version: 1, title: '', entries: [] });
    expect(parseLog(null).entries).toEqual([]);
  });
});
