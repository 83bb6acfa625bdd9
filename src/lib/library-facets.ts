/**
 * The facets of the incident library: the Pagefind filter name each incident page declares and
 * the label the library shows. The page template and the library script both read this list.
 */
export interface LibraryFacet {
  /** Pagefind filter name, also the URL parameter. */
  filter: string;
  /** Heading of the filter group. */
  label: string;
}

export const LIBRARY_FACETS: readonly LibraryFacet[] = [
  { filter: 'platform', label: 'Platform' },
  { filter: 'crisis type', label: 'Crisis type' },
  { filter: 'severity', label: 'Severity' },
  { filter: 'responsibility', label: 'Responsibility (SCCT)' },
  { filter: 'year', label: 'Year' },
  { filter: 'status', label: 'Status' },
  { filter: 'step', label: 'Playbook step' },
];

/** Sort options: URL value → Pagefind sort. */
export const LIBRARY_SORTS: Record<string, Record<string, 'asc' | 'desc'>> = {
  'date-desc': { date: 'desc' },
  'date-asc': { date: 'asc' },
  'severity-asc': { severity: 'asc' },
  'ttfr-asc': { ttfr: 'asc' },
  'ttfr-desc': { ttfr: 'desc' },
};

/** Page size of the no-JavaScript list. */
export const LIBRARY_PAGE_SIZE = 50;

/** Natural order for facet values: numbers numerically, "Step 10" after "Step 9", years newest first. */
export function compareFacetValues(facet: string, a: string, b: string): number {
  if (facet === 'year') return b.localeCompare(a);
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Each facet's values and how many of `filters` (one entry per incident) carry each: Pagefind's `filters()` shape. */
export function countFacetValues(filters: readonly Record<string, string[]>[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const facet of LIBRARY_FACETS) counts[facet.filter] = {};
  for (const entry of filters)
    for (const facet of LIBRARY_FACETS)
      for (const value of entry[facet.filter] ?? []) {
        const values = counts[facet.filter]!;
        values[value] = (values[value] ?? 0) + 1;
      }
  return counts;
}

/** How a facet value is shown: steps by name, everything else as it is. */
export function facetValueLabel(facet: string, value: string): string {
  return facet === 'step' ? `Step ${value}` : value;
}
