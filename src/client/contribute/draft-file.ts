import { renderBodyOutline, type BodySectionId } from '../../schema/body-outline.ts';
import { postmortemFields } from '../../schema/postmortem.ts';
import { postmortemId, slugify } from '../../schema/slug.ts';
import { TODO } from '../../schema/undecided.ts';
import { postmortemFile, postmortemPath } from '../../lib/postmortem-file.ts';

/** What the contribute form holds: the front matter as typed (empty fields left out) and the body's sections. */
export interface ContributeDraft {
  frontmatter: Record<string, unknown>;
  body: Partial<Record<BodySectionId, string>>;
}

/** The slug when the title gives none (empty, or in a script with no ASCII form). */
export const FALLBACK_SLUG = 'new-post-mortem';

/** The file the form hands over: its id, its path in the repository and its text. */
export interface DraftFile {
  id: string;
  path: string;
  text: string;
}

/**
 * The post-mortem file of a form draft, through the one writer (src/lib/postmortem-file.ts):
 * front matter in the schema's field order, then the shared body outline, where a section left
 * empty gets its "TODO:" hint as `npm run new` writes it. The id is the day the incident started
 * (as written, in its zone; `today` while no start is given) and the title's slug.
 */
export function draftFile(draft: ContributeDraft, today: string): DraftFile {
  const order = Object.keys(postmortemFields.shape);
  const frontmatter = Object.fromEntries(
    Object.entries(draft.frontmatter)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => rank(order, a) - rank(order, b)),
  );
  const started = typeof frontmatter['started'] === 'string' ? frontmatter['started'] : '';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(started)?.[0] ?? today;
  const title = typeof frontmatter['title'] === 'string' ? frontmatter['title'] : '';
  const id = postmortemId(day, slugify(title) || FALLBACK_SLUG);
  const body = renderBodyOutline(draft.body, (section) => `${TODO} ${section.hint}`);
  return { id, path: postmortemPath(id), text: postmortemFile({ frontmatter, body }) };
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}
