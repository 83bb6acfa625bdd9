import type { Problem } from '../../lib/content-check/problem.ts';
import { urlRefusal } from '../../schema/url-policy.ts';
import type { BuiltPage } from '../html.ts';

/** Attributes whose value a browser follows or loads as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'xlink:href']);

/**
 * The URL policy, held against the finished pages: whatever wrote them (Markdown, a component,
 * a future plugin), no link or loaded resource may use a refused target, and no element may
 * carry an inline event handler. A last look after the pipeline that already enforces both.
 */
export function refusedLinksAndHandlers(pages: readonly BuiltPage[], display: (path: string) => string): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    for (const { tag, name, value, line } of page.attributes) {
      let message: string | undefined;
      if (/^on/.test(name)) message = `<${tag}> carries an inline event handler (${name}); pages run no inline script`;
      else if (URL_ATTRIBUTES.has(name)) {
        const reason = urlRefusal(value);
        if (reason) message = `<${tag} ${name}="${value.slice(0, 60)}"> is refused: ${reason}`;
      }
      if (message) problems.push({ file: display(page.path), line, field: name, level: 'error', message });
    }
  }
  return problems;
}
