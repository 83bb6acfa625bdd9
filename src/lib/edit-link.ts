import { site } from '../site.config.ts';

/**
 * The "Edit this page" link of a content file: the repository's web editor for that file on
 * the configured branch, so a contributor lands straight in a pull request flow. Built from
 * `site.repository` and `site.branch` only (src/site.config.ts). `filePath` is relative to the
 * project root, as Astro's content loader reports it (`content/playbook/step-01-action-plan.mdx`,
 * `./content/…` and Windows separators are accepted too).
 */
export function editUrl(filePath: string, repository: string = site.repository, branch: string = site.branch): string {
  const path = filePath
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
  if (path === '' || path.split('/').includes('..')) {
    throw new Error(
      `editUrl: expected a path inside the project, such as content/playbook/step-01.mdx; got "${filePath}"`,
    );
  }
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${repository.replace(/\/+$/, '')}/edit/${encodeURIComponent(branch).replace(/%2F/g, '/')}/${encoded}`;
}
