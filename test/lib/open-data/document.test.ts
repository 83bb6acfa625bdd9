import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/open-data/csv.ts';
import { openDataCsv, openDataJson } from '../../../src/lib/open-data/document.ts';
import { openRecord, type OpenPostmortem } from '../../../src/lib/open-data/record.ts';
import { OPEN_DATA_SCHEMA_VERSION } from '../../../src/schema/open-data.ts';
import { entry } from '../insights/entries.ts';

const records = ['2025-01-10-valid-incident', '2024-03-02-older-incident'].map((name, i) => {
  const { id, data, durations } = entry(name, { title: `Incident "${i}", with <text> and a comma` });
  return openRecord(id, `https://example.org/incidents/${id}/`, data, durations);
});

async function* one(...all: OpenPostmortem[]) {
  for (const record of all) yield record;
}

async function text(pieces: AsyncIterable<string>): Promise<{ text: string; pieces: number }> {
  let whole = '';
  let count = 0;
  for await (const piece of pieces) {
    whole += piece;
    count++;
  }
  return { text: whole, pieces: count };
}

const head = {
  schemaUrl: 'https://example.org/schemas/postmortems-api.schema.json',
  generated: new Date('2026-12-01T08:00:00Z'),
};
const whole = (postmortems: OpenPostmortem[]) =>
  JSON.stringify({
    $schema: head.schemaUrl,
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    generated: '2026-12-01T08:00:00.000Z',
    postmortems,
  });

describe('open-data documents written piece by piece', () => {
  it('give the JSON text JSON.stringify gives for the whole document, a record per piece', async () => {
    const written = await text(openDataJson(one(...records), head));
    expect(written.text).toBe(whole(records));
    expect(written.pieces).toBe(records.length + 2);
  });

  it('give a valid document for an empty library', async () => {
    expect((await text(openDataJson(one(), head))).text).toBe(whole([]));
  });

  it('give the CSV the whole-library writer gives', async () => {
    expect((await text(openDataCsv(one(...records)))).text).toBe(toCsv(records));
    expect((await text(openDataCsv(one()))).text).toBe(toCsv([]));
  });
});
