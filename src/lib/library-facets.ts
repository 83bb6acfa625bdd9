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
