import type { APIRoute } from 'astro';
import { loadOpenRecords } from '../../data/open-data.ts';
import { toCsv } from '../../lib/open-data/csv.ts';

/** `/api/postmortems.csv`: the same published post-mortems as the JSON, one row each. */
export const GET: APIRoute = async () =>
  new Response(toCsv(await loadOpenRecords()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
