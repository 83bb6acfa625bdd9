import type { APIRoute } from 'astro';
import { loadOpenRecords, siteUrl } from '../../data/open-data.ts';
import { today } from '../../data/learning.ts';
import { OPEN_DATA_SCHEMA_VERSION } from '../../schema/open-data.ts';

/** `/api/postmortems.json`: the published library as data, described by its JSON Schema. */
export const GET: APIRoute = async () => {
  const document = {
    $schema: siteUrl('schemas/postmortems-api.schema.json'),
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    generated: today.toISOString(),
    postmortems: await loadOpenRecords(),
  };
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
