import { Parser } from 'htmlparser2';

/**
 * A Teams message body (`body.contentType: "html"`) as plain, inert text: tags are dropped,
 * entities decoded, blocks become line breaks, `<at>` mentions read `@Name`, links keep their
 * http(s) address beside the label, images and cards a placeholder. Nothing of the markup
 * survives to reach a page: the writer escapes the text like any other.
 */

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr']);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template']);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const links: { href: string; start: number }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) skipping++;
        if (skipping > 0) return;
        if (BLOCKS.has(name)) out.push('\n');
        if (name === 'at') out.push('@');
        if (name === 'a') links.push({ href: attributes['href'] ?? '', start: out.length });
        if (name === 'img') out.push(attributes['alt'] ? `[image: ${attributes['alt']}]` : '[image]');
        // Teams writes emoji as <emoji alt="👍" title="Like">: the character is the alt text.
        if (name === 'emoji' && attributes['alt']) out.push(attributes['alt']);
        if (name === 'attachment') out.push('[attachment]');
      },
      ontext(text) {
        if (skipping === 0) out.push(text);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping > 0) return;
        if (name === 'a') {
          const link = links.pop();
          const label = link ? out.slice(link.start).join('').trim() : '';
          if (link && /^https?:\/\//i.test(link.href) && !sameLink(label, link.href)) out.push(` (${link.href})`);
        }
        if (BLOCKS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A link labelled with its own address (`<a href="https://x.com">x.com</a>`). */
function sameLink(label: string, href: string): boolean {
  const bare = (text: string) => text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/$/, '');
  return bare(label) === bare(href);
}
