/**
 * Ordering of playbook pages: the start page, the ten steps in order, then the other pages.
 * Pure so that the site and the tests agree on it.
 */
export interface NavPage {
  id: string;
  data: { kind: string; step?: number | undefined; order?: number | undefined; title: string };
}

const KIND_RANK: Record<string, number> = { start: 0, step: 1, templates: 2, guide: 3 };

export function sortPlaybook<T extends NavPage>(pages: readonly T[]): T[] {
  return [...pages].sort(
    (a, b) =>
      (KIND_RANK[a.data.kind] ?? 9) - (KIND_RANK[b.data.kind] ?? 9) ||
      (a.data.step ?? 0) - (b.data.step ?? 0) ||
      (a.data.order ?? 0) - (b.data.order ?? 0) ||
      a.data.title.localeCompare(b.data.title),
  );
}

/** The neighbouring method steps of a step page, for previous/next links. */
export function stepNeighbours<T extends NavPage>(pages: readonly T[], current: T): { previous?: T; next?: T } {
  if (current.data.kind !== 'step') return {};
  const steps = sortPlaybook(pages.filter((p) => p.data.kind === 'step'));
  const index = steps.findIndex((p) => p.id === current.id);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

export function stepLabel(page: NavPage): string {
  return page.data.step ? `Step ${page.data.step}: ${page.data.title}` : page.data.title;
}
