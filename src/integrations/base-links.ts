import type { MdastPluginDefinition } from 'satteri';

/**
 * Content links site pages as `/playbook/step-03-…/`. When the site is served under a base path
 * (GitHub Pages serves a repository at `/<repo>/`), this rewrites those root-relative links in
 * Markdown and MDX so that they keep working; with the default base of `/` it changes nothing.
 */
export function baseLinks(base: string): MdastPluginDefinition {
  const prefix = base.replace(/\/+$/, '');
  return {
    name: 'firebreak:base-links',
    link(node, ctx) {
      if (!prefix || !node.url.startsWith('/') || node.url.startsWith('//') || node.url.startsWith(`${prefix}/`)) {
        return undefined;
      }
      ctx.setProperty(node, 'url', `${prefix}${node.url}`);
      return undefined;
    },
  };
}
