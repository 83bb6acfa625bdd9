import type { APIRoute } from 'astro';
import { buildDay } from '../build-flags.ts';
import { openDataFiles } from '../content/open-data.ts';

/**
 * `/api/postmortems.json` and `/api/postmortems.csv` in `astro dev` only (src/integrations/open-data.ts
 * injects this route for each there): the build writes the same documents, from the same code,
 * straight into `dist/`. Served whole: the dev server answers a contributor, one request at a time.
 */
export const GET: APIRoute = async ({ url }) => {
  const files = openDataFiles({ site: import.meta.env.SITE, base: import.meta.env.BASE_URL }, buildDay());
  const file = files.find((candidate) => url.pathname.endsWith(`/${candidate.path}`));
  if (!file) return new Response('Not found', { status: 404 });
  let text = '';
  for await (const piece of file.text()) text += piece;
  return new Response(text, { headers: { 'Content-Type': file.contentType } });
};
