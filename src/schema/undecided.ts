import {
  ACTION_TYPES,
  DETECTION_SOURCES,
  FACTOR_CATEGORIES,
  IMPACT_RATINGS,
  ORIGINS,
  SCCT_CLUSTERS,
} from './taxonomy.ts';

/**
 * Fields only a person who ran the incident can decide. `npm run new` and the contribute form
 * leave them empty instead of filling in a plausible guess, because a guessed time or rating
 * would publish as a fact (durations are computed from the times). An empty one is a
 * placeholder in a draft and an error once the entry is in review; `*` stands for every item
 * of a list.
 */
export const UNDECIDED_FIELDS: readonly { path: readonly (string | '*')[]; hint: string }[] = [
  { path: ['scct'], hint: `how much responsibility the public put on us: ${SCCT_CLUSTERS.join(', ')}` },
  { path: ['origin'], hint: `where it came from: ${ORIGINS.join(', ')}` },
  { path: ['detectionSource'], hint: `how we found out: ${DETECTION_SOURCES.join(', ')}` },
  { path: ['started'], hint: 'when it began, with a zone, e.g. "2025-03-14T09:05:00Z"' },
  { path: ['detected'], hint: 'when someone on the team first knew, with a zone' },
  { path: ['impact', 'rating'], hint: `the overall damage: ${IMPACT_RATINGS.join(', ')}` },
  { path: ['timeline', '*', 'at'], hint: 'when this event happened, with a zone' },
  { path: ['contributingFactors', '*', 'category'], hint: `${FACTOR_CATEGORIES.join(', ')}` },
  { path: ['actionItems', '*', 'type'], hint: `${ACTION_TYPES.join(', ')}` },
];

/** Whether a value counts as "not decided yet": absent, `null` (a key with nothing after it) or blank. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The undecided fields of one entry that are still empty, as concrete paths, each with its hint. */
export function emptyUndecidedFields(data: unknown): { path: (string | number)[]; hint: string }[] {
  const found: { path: (string | number)[]; hint: string }[] = [];
  for (const field of UNDECIDED_FIELDS) {
    const walk = (value: unknown, rest: readonly string[], path: (string | number)[]) => {
      if (rest.length === 0) {
        if (isEmptyValue(value)) found.push({ path, hint: field.hint });
        return;
      }
      const [head, ...tail] = rest as [string, ...string[]];
      if (value === null || typeof value !== 'object') {
        // A missing parent (no `impact:` at all) is the parent's problem, not this field's.
        return;
      }
      if (head === '*') {
        if (Array.isArray(value)) value.forEach((item, index) => walk(item, tail, [...path, index]));
        return;
      }
      walk((value as Record<string, unknown>)[head], tail, [...path, head]);
    };
    walk(data, field.path as string[], []);
  }
  return found;
}

/** Same path, item by item (`timeline.0.at`). */
export function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, index) => String(key) === String(b[index]));
}

/** Placeholder text starts with this (in `npm run new`'s hints and the importer's), so the check can count and refuse it. */
export const TODO = 'TODO:';

const STAND_IN_ENUMS: Record<string, string> = {
  scct: SCCT_CLUSTERS[0]!,
  origin: 'other',
  detectionSource: 'other',
  rating: IMPACT_RATINGS[0]!,
  category: FACTOR_CATEGORIES[0]!,
  type: ACTION_TYPES[0]!,
};

/**
 * For the site build only: a draft with undecided fields still empty gets stand-ins, so a
 * half-written draft can be previewed (`npm run dev`, with its "Draft" banner) instead of
 * breaking the build. Times take the first time the entry does give (or 1970, which nobody
 * mistakes for a real one). Entries in review or published are left as they are, so an
 * empty field there fails the build like any schema error; `npm run check` never sees stand-ins.
 */
export function withDraftStandIns(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || (data as { status?: unknown }).status !== 'draft') return data;
  const empty = emptyUndecidedFields(data);
  if (empty.length === 0) return data;
  const copy = structuredClone(data) as Record<string, unknown>;
  const times = [copy['started'], copy['detected'], copy['firstResponse'], copy['resolved']];
  const anchor = times.find((time) => typeof time === 'string' && time.trim() !== '') ?? '1970-01-01T00:00:00Z';
  for (const { path } of empty) {
    const key = String(path[path.length - 1]);
    let parent: Record<string | number, unknown> = copy;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    parent[key] = STAND_IN_ENUMS[key] ?? anchor;
  }
  return copy;
}
