import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import { isAllowedUrl } from '../schema/url-policy.ts';

/**
 * Makes contributed Markdown inert (post-mortems come from many hands and from imports), in
 * the rendering pipeline itself, so that a build which never ran the content check is just as
 * safe: raw HTML is shown as the text it is, and every link target (inline links, images,
 * reference definitions, autolinks) must pass the one URL policy (`src/schema/url-policy.ts`);
 * a refused one renders as plain text. The playbook's MDX goes through the same plugins.
 */
export const inertMarkdown: MdastPluginDefinition = {
  name: 'firebreak:inert-markdown',
  // References (`[report][r]` with `[r]: javascript:…`) take their target from a definition:
  // note the refused ones first, so each reference to them is shown as text.
  before(root, ctx) {
    const refused = new Map<string, string>();
    const visit = (node: { type: string; children?: unknown[]; identifier?: string; url?: string }) => {
      if (node.type === 'definition' && node.identifier && !isAllowedUrl(node.url ?? '')) {
        refused.set(node.identifier, node.url ?? '');
      }
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(root);
    ctx.data[REFUSED_DEFINITIONS] = refused;
  },
  html(node, ctx) {
    const text = { type: 'text' as const, value: node.value };
    return ctx.parent(node)?.type === 'root' ? { type: 'paragraph', children: [text] } : text;
  },
  link(node) {
    if (isAllowedUrl(node.url)) return undefined;
    return { type: 'text', value: `${textOf(node.children)} (${node.url})` };
  },
  image(node) {
    if (isAllowedUrl(node.url)) return undefined;
    return { type: 'text', value: `[image: ${node.alt ?? ''}] (${node.url})` };
  },
  linkReference(node, ctx) {
    const url = refusedDefinitions(ctx.data).get(node.identifier);
    if (url === undefined) return undefined;
    return { type: 'text', value: `${textOf(node.children)} (${url})` };
  },
  imageReference(node, ctx) {
    const url = refusedDefinitions(ctx.data).get(node.identifier);
    if (url === undefined) return undefined;
    return { type: 'text', value: `[image: ${node.alt ?? ''}] (${url})` };
  },
  definition(node, ctx) {
    if (!isAllowedUrl(node.url)) ctx.removeNode(node);
    return undefined;
  },
};

/** Where `before` leaves the refused definitions of the document being rendered. */
const REFUSED_DEFINITIONS = 'firebreakRefusedDefinitions';

function refusedDefinitions(data: Record<string, unknown>): Map<string, string> {
  const refused = data[REFUSED_DEFINITIONS];
  return refused instanceof Map ? (refused as Map<string, string>) : new Map();
}

/** Elements Markdown never produces: if one appears, it is shown as its text. */
const NEVER_LIVE = [
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'base',
  'meta',
  'link',
  'svg',
  'math',
];

/** Attributes that carry a URL a browser would follow or load. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'background', 'xLinkHref'];

/**
 * The last line of defence, on the HTML tree the page is serialised from: every link target is
 * checked once more against the policy, event-handler attributes are dropped and elements that
 * could run or load anything are shown as text. Markdown alone cannot produce these; this
 * catches a gap in any earlier step (a plugin, a new Markdown feature).
 */
export const inertHtml: HastPluginDefinition = {
  name: 'firebreak:inert-html',
  // Raw HTML never gets this far (inertMarkdown turns it into text); if it does, it is text.
  raw(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  element: {
    filter: ['a', 'img', 'area', 'video', 'audio', 'source', 'input', 'button', ...NEVER_LIVE],
    visit(node, ctx) {
      if (NEVER_LIVE.includes(node.tagName)) {
        ctx.replaceNode(node, { type: 'text', value: ctx.textContent(node) });
        return;
      }
      const properties = node.properties ?? {};
      const refused = URL_ATTRIBUTES.some((name) => {
        const value = properties[name];
        return typeof value === 'string' && !isAllowedUrl(value);
      });
      if (refused) {
        const label = node.tagName === 'img' ? `[image: ${String(properties['alt'] ?? '')}]` : ctx.textContent(node);
        ctx.replaceNode(node, { type: 'text', value: label });
        return;
      }
      for (const name of Object.keys(properties)) {
        if (/^on/i.test(name)) ctx.setProperty(node, name, undefined);
      }
    },
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
