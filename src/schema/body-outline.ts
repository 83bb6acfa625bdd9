/**
 * The sections of a post-mortem's Markdown body, in order: the one outline `npm run new`, the
 * importer's draft (src/importer/write/body.ts) and the contribute form all write, so every
 * entry reads the same way however it was started. The structured facts (timeline, factors,
 * what went well or poorly, lessons, actions) live in the front matter; the body is the story.
 */
export const BODY_OUTLINE = [
  {
    id: 'what-happened',
    heading: 'What happened',
    /** What belongs in the section, shown as the scaffold's "TODO:" line and the form's help text. */
    hint: 'the story in a few short paragraphs, in time order; exact times belong in the timeline.',
  },
  {
    id: 'response',
    heading: 'Response',
    hint: 'the decisions we took, what we knew when we took them, and why they made sense at the time.',
  },
  {
    id: 'what-we-would-do-differently',
    heading: 'What we would do differently',
    hint: 'what the next responder should do instead; tie each lesson to its playbook step in the lessons.',
  },
] as const;

export type BodySectionId = (typeof BODY_OUTLINE)[number]['id'];

/**
 * A body from the outline: each section as `## Heading`, a blank line and its text. A section
 * with no text gets `fallback(section)` (the scaffold's "TODO:" hint).
 */
export function renderBodyOutline(
  texts: Partial<Record<BodySectionId, string>>,
  fallback: (section: (typeof BODY_OUTLINE)[number]) => string,
): string {
  return BODY_OUTLINE.map((section) => {
    const text = texts[section.id]?.trim();
    return `## ${section.heading}\n\n${text ? text : fallback(section)}\n`;
  }).join('\n');
}
