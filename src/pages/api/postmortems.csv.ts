import type { APIRoute } from 'astro';
import { openRecords } from '../../data/open-data.ts';
import { CSV_HEADER_LINE, csvLine } from '../../lib/open-data/csv.ts';

/** `/api/postmortems.csv`: the same published post-mortems as the JSON, one row each. */
export const GET: APIRoute = async () => {
  let csv = CSV_HEADER_LINE;
  for await (const record of openRecords()) csv += csvLine(record);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
