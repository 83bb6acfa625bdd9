import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { durationsOfPostmortem } from '../../../src/lib/analysis/postmortem-durations.ts';
import { parseFrontmatter } from '../../../src/lib/content-check/frontmatter.ts';
import type { InsightEntry } from '../../../src/lib/insights/entry.ts';
import { postmortemSchema, type Postmortem } from '../../../src/schema/postmortem.ts';
import { FIXTURES } from '../../support/overlay.ts';

const validSource = readFileSync(join(FIXTURES, 'postmortems', 'base', '2025-01-10-valid-incident.md'), 'utf8');
const base = parseFrontmatter(validSource).data as Record<string, unknown>;

/**
 * A schema-valid post-mortem built from the fixture entry with some fields changed, with its
 * durations from the one durations function, as the pages hand it to the aggregations.
 */
export function entry(id: string, change: Record<string, unknown> = {}): InsightEntry & { data: Postmortem } {
  const raw = { ...structuredClone(base), timeline: [], ...change };
  const data = postmortemSchema.parse(raw);
  return { id, data, durations: durationsOfPostmortem(data) };
}
