import type { MdastPluginDefinition } from 'satteri';

/** Link targets a page may carry: web links, mail, in-page anchors and site-relative paths. */
const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{0,2}\/)/i;

/**
 * Makes contributed Markdown inert (post-mortems come from many hands and from imports):
 * raw HTML is shown as the text it is instead of being passed to the page, and links or images
 * with a `javascript:`, `data:` or other non-web URL lose their target. The playbook's MDX is
 * compiled separately and is not affected.
 */
export const inertMarkdown: MdastPluginDefinition = {
  name: 'firebreak:inert-markdown',
  html(node, ctx) {
    const text = { type: 'text' as const, value: node.value };
    return ctx.parent(node)?.type === 'root' ? { type: 'paragraph', children: [text] } : text;
  },
  link(node) {
    if (SAFE_URL.test(node.url.trim())) return undefined;
    return { type: 'text', value: `${textOf(node.children)} (${node.url})` };
  },
  image(node) {
    if (/^https?:\/\//i.test(node.url.trim()) || SAFE_URL.test(node.url.trim())) return undefined;
    return { type: 'text', value: `[image: ${node.alt ?? ''}] (${node.url})` };
  },
};

function textOf(children: readonly unknown[]): string {
  return children
    .map((child) => {
      const node = child as { value?: string; children?: unknown[] };
      return node.value ?? (node.children ? textOf(node.children) : '');
    })
    .join('');
}
