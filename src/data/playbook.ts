import { getCollection, type CollectionEntry } from 'astro:content';

export type PlaybookEntry = CollectionEntry<'playbook'>;

let cached: Promise<Map<number, PlaybookEntry>> | undefined;

/** Method step number → its playbook page, memoized (incident pages link lessons to steps). */
export function stepPages(): Promise<Map<number, PlaybookEntry>> {
  cached ??= getCollection('playbook', (page) => page.data.step !== undefined).then(
    (pages) => new Map(pages.map((page) => [page.data.step as number, page])),
  );
  return cached;
}
