import { describe, expect, it } from 'vitest';
import { PlacedOnce, sightingsIn } from '../../../../src/importer/sources/incident-tools/gather.ts';
import { chosenNote } from '../../../../src/importer/sources/incident-tools/notes.ts';

describe('gathering an incident-tool timeline out of several files', () => {
  it('keeps each item once, placed where it was first seen', () => {
    const items = new PlacedOnce<{ id: string; text: string }>();
    items.add({ id: 'L1', text: 'first' }, 'incident.json', 'log_entries[0]');
    items.add({ id: 'L2', text: 'second' }, 'incident.json', 'log_entries[1]');
    items.add({ id: 'L1', text: 'again' }, 'log.json', 'log_entries[4]');
    expect(items.items).toEqual([
      { item: { id: 'L1', text: 'first' }, file: 'incident.json', ref: 'log_entries[0] L1' },
      { item: { id: 'L2', text: 'second' }, file: 'incident.json', ref: 'log_entries[1] L2' },
    ]);
  });

  it('finds the chosen incident in a file, with the prefix that places what it holds', () => {
    const file = {
      file: 'list.json',
      incidents: [
        { incident: { id: 'A' }, place: 'incidents[0]' },
        { incident: { id: 'B' }, place: 'incidents[1]' },
      ],
    };
    expect([...sightingsIn(file, 'B')]).toEqual([{ incident: { id: 'B' }, prefix: 'incidents[1].' }]);
    const own = { file: 'one.json', incidents: [{ incident: { id: 'B' }, place: 'incident' }] };
    expect([...sightingsIn(own, 'B')]).toEqual([{ incident: { id: 'B' }, prefix: '' }]);
    expect([...sightingsIn(own, 'C')]).toEqual([]);
  });
});

describe('the note every incident-tool adapter words the same', () => {
  it('says which incident was read only when a list held several', () => {
    expect(chosenNote('PagerDuty', 1, 'PT4KHLK')).toBeUndefined();
    expect(chosenNote('PagerDuty', 3, 'PT4KHLK')).toBe(
      'PagerDuty: 3 incidents were given; only PT4KHLK (--incident) was read.',
    );
  });
});
