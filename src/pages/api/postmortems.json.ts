import type { APIRoute } from 'astro';
import { openRecords, siteUrl } from '../../data/open-data.ts';
import { today } from '../../data/learning.ts';
import { OPEN_DATA_SCHEMA_VERSION } from '../../schema/open-data.ts';

/**
 * `/api/postmortems.json`: the published library as data, described by its JSON Schema. Written
 * record by record (the same text `JSON.stringify` gives for the whole document): at 10,000
 * entries the document is about 150 MB, and the records must not all be held as objects.
 */
export const GET: APIRoute = async () => {
  const head = JSON.stringify({
    $schema: siteUrl('schemas/postmortems-api.schema.json'),
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    generated: today.toISOString(),
    postmortems: [],
  });
  const records: string[] = [];
  for await (const record of openRecords()) records.push(JSON.stringify(record));
  return new Response(`${head.slice(0, -3)}[${records.join(',')}]}`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
