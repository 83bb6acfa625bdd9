import { BODY_OUTLINE } from '../../schema/body-outline.ts';
import { severityName } from '../../schema/severity.ts';
import type { FormState } from './form-data.ts';

/**
 * A preview of the incident page from the form's draft: the facts, the timeline, the lessons,
 * the actions and the story, as the page orders them. Built with text nodes only: whatever was
 * typed stays text, never markup.
 */
export function renderPreview(target: HTMLElement, state: FormState): void {
  const fm = state.frontmatter;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const element = (tag: string, content?: string, parent: HTMLElement = target) => {
    const node = document.createElement(tag);
    if (content !== undefined) node.textContent = content;
    parent.append(node);
    return node;
  };
  target.replaceChildren();
  element('h4', text(fm['title']) || 'Untitled incident');
  const facts = [
    fm['status'] === 'draft' ? 'Draft' : fm['status'] === 'in-review' ? 'In review' : '',
    typeof fm['severity'] === 'number' ? `Severity ${fm['severity']} · ${severityName(fm['severity'])}` : '',
    text(fm['crisisType']),
    Array.isArray(fm['platforms']) ? fm['platforms'].join(', ') : '',
  ].filter(Boolean);
  if (facts.length) element('p', facts.join(' · '));
  if (fm['summary']) element('p', text(fm['summary']));
  const list = (heading: string, items: unknown, line: (item: Record<string, unknown>) => string) => {
    if (!Array.isArray(items) || items.length === 0) return;
    element('h5', heading);
    const ul = element('ul');
    for (const item of items)
      element('li', typeof item === 'string' ? item : line(item as Record<string, unknown>), ul);
  };
  list('Timeline', fm['timeline'], (event) => `${text(event['at'])} — ${text(event['text'])}`);
  list('Contributing factors', fm['contributingFactors'], (factor) => text(factor['text']));
  list('What went well', fm['wentWell'], text);
  list('What went poorly', fm['wentPoorly'], text);
  list('Where we got lucky', fm['gotLucky'], text);
  list(
    'Lessons',
    fm['lessons'],
    (lesson) => `${text(lesson['text'])}${lesson['step'] ? ` (step ${text(lesson['step'])})` : ''}`,
  );
  list('Action items', fm['actionItems'], (item) => `${text(item['title'])} — ${text(item['ownerRole'])}`);
  for (const section of BODY_OUTLINE) {
    const body = state.body[section.id]?.trim();
    if (!body) continue;
    element('h5', section.heading);
    for (const paragraph of body.split(/\n\s*\n/)) element('p', paragraph.trim());
  }
}
