import type { Postmortem } from '../schema/postmortem.ts';
import { severityName } from '../schema/severity.ts';
import {
  CRISIS_TYPE_LABELS,
  FACTOR_CATEGORY_LABELS,
  PLATFORM_LABELS,
  SCCT_LABELS,
  STATUS_LABELS,
  TIMELINE_KIND_LABELS,
} from '../schema/taxonomy.ts';
import { durationsOfPostmortem } from './analysis/postmortem-durations.ts';
import { underBase } from './paths.ts';
import { searchKeywords } from './search/synonyms.ts';

/** A Pagefind custom record (see pagefind's `addCustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Sort value for "no public response": after every real duration. */
export const NO_RESPONSE_SORT = 99_999_999;

/**
 * The library's facets of one post-mortem, as Pagefind filters: the search record carries them
 * and the library page counts them at build time (src/lib/library-facets.ts), from this one rule.
 */
export function incidentFilters(
  data: Pick<Postmortem, 'started' | 'platforms' | 'crisisType' | 'severity' | 'scct' | 'status' | 'playbookSteps'>,
): Record<string, string[]> {
  const date = data.started.toISOString().slice(0, 10);
  return {
    type: ['Incident'],
    platform: data.platforms.map((p) => PLATFORM_LABELS[p]),
    'crisis type': [CRISIS_TYPE_LABELS[data.crisisType]],
    severity: [`${data.severity} · ${severityName(data.severity)}`],
    responsibility: [SCCT_LABELS[data.scct]],
    year: [date.slice(0, 4)],
    status: [STATUS_LABELS[data.status]],
    step: data.playbookSteps.map(String),
  };
}

/**
 * What the search index holds for one post-mortem: its text, the facets of the library
 * (`filters`), the sort keys and the fields a result card shows (`meta`), plus two fields no
 * card shows: `keywords`, the synonyms of what it says (src/schema/synonyms.ts), and
 * `aliases`, the other words its authors expect readers to type. Built from the data,
 * not scraped from the page, so indexing can run while the pages are still being generated,
 * and the library's facets come from one place. `bodyText` is the text of the rendered body
 * (src/content/rendered-text.ts), as the content loader keeps it. Filter names match src/lib/library-facets.ts.
 */
export function incidentSearchRecord(id: string, data: Postmortem, bodyText: string, base: string): SearchRecord {
  const durations = durationsOfPostmortem(data);
  const date = data.started.toISOString().slice(0, 10);
  const content = [
    data.title,
    data.summary,
    data.tags.join(', '),
    `Severity ${data.severity} ${severityName(data.severity)}. ${CRISIS_TYPE_LABELS[data.crisisType]}. ${data.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')}.`,
    ...data.timeline.map((event) => `${TIMELINE_KIND_LABELS[event.kind]}: ${event.text}`),
    data.impact.summary,
    ...data.contributingFactors.map((factor) => `${FACTOR_CATEGORY_LABELS[factor.category]}: ${factor.text}`),
    ...data.wentWell,
    ...data.wentPoorly,
    ...data.lessons.map((lesson) => lesson.text),
    ...data.actionItems.map((item) => item.title),
    bodyText,
  ]
    .filter(Boolean)
    .join('\n');
  const keywords = searchKeywords(content, data.aliases);
  return {
    url: underBase(base, `incidents/${id}/`),
    content,
    language: 'en',
    meta: {
      title: data.title,
      summary: data.summary,
      ...(data.aliases.length > 0 ? { aliases: data.aliases.join(', ') } : {}),
      ...(keywords ? { keywords } : {}),
      date,
      severity: String(data.severity),
      ...(durations.toFirstResponse !== undefined ? { ttfr: String(durations.toFirstResponse) } : {}),
    },
    filters: incidentFilters(data),
    sort: {
      date,
      severity: String(data.severity),
      ttfr: String(durations.toFirstResponse ?? NO_RESPONSE_SORT),
    },
  };
}
