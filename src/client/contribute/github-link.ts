/**
 * GitHub's "create a new file" page, prefilled (`/new/<branch>?filename=…&value=…`): for someone
 * with write access it commits to a branch and opens a pull request; for anyone else GitHub
 * offers to fork the repository first. The whole file travels in the URL, so a long one does not
 * fit: browsers and GitHub refuse or cut URLs past about 8 kB.
 */

/** Longest link the form offers; past it, the form says to download the file and upload it. */
export const GITHUB_URL_MAX = 8000;

/** The prefilled new-file URL for `path` with `text` in `repository` (https://github.com/owner/name) on `branch`. */
export function newFileUrl(repository: string, branch: string, path: string, text: string): string {
  const base = `${repository.replace(/\/+$/, '')}/new/${encodeURIComponent(branch).replace(/%2F/g, '/')}`;
  return `${base}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`;
}

/** The link when it fits, or how long it would have been. */
export function pullRequestLink(
  repository: string,
  branch: string,
  path: string,
  text: string,
): { url: string } | { tooLong: number } {
  const url = newFileUrl(repository, branch, path, text);
  return url.length <= GITHUB_URL_MAX ? { url } : { tooLong: url.length };
}
