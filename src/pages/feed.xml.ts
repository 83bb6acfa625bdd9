import type { APIRoute } from 'astro';
import { loadIncidents } from '../data/incidents.ts';
import { today } from '../data/learning.ts';
import { siteUrl } from '../data/open-data.ts';
import { atomFeed } from '../lib/open-data/atom.ts';
import { isOpenData } from '../lib/open-data/record.ts';
import { site } from '../site.config.ts';
import { CRISIS_TYPE_LABELS, PLATFORM_LABELS } from '../schema/taxonomy.ts';

/** A feed reader needs the recent entries, not the whole library. */
const FEED_ENTRIES = 50;

/** `/feed.xml`: an Atom feed of the newest published post-mortems. */
export const GET: APIRoute = async () => {
  const published = (await loadIncidents()).filter((view) => isOpenData(view.entry.data)).slice(0, FEED_ENTRIES);
  const body = atomFeed({
    title: `${site.name}: post-mortems`,
    subtitle: 'Published post-mortems of social media crises, newest first.',
    self: siteUrl('feed.xml'),
    home: siteUrl('incidents/'),
    author: site.name,
    generated: today,
    entries: published.map(({ entry: { id, data } }) => ({
      id,
      title: data.example ? `${data.title} (fictional example)` : data.title,
      url: siteUrl(`incidents/${id}/`),
      summary: data.summary,
      published: data.started,
      updated: data.resolved ?? data.started,
      categories: [
        { term: data.crisisType, label: CRISIS_TYPE_LABELS[data.crisisType] },
        ...data.platforms.map((p) => ({ term: p, label: PLATFORM_LABELS[p] })),
      ],
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
