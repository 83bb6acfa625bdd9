/**
 * The severity badge of src/components/SeverityBadge.astro, built in the browser for search
 * and library results. The label comes from the index ("2 · High", the facet value written
 * from src/schema/severity.ts), so the names are never repeated here.
 */
export function severityBadge(label: string): HTMLSpanElement | undefined {
  const match = /^([1-4])\s*·\s*(.+)$/.exec(label);
  if (!match) return undefined;
  const [, level, name] = match;
  const badge = document.createElement('span');
  badge.className = `severity-badge severity-badge--${level}`;
  badge.dataset['severity'] = level;
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = 'Severity ';
  const num = document.createElement('span');
  num.className = 'severity-badge__num';
  num.textContent = level!;
  badge.append(hidden, num, ` ${name}`);
  return badge;
}
