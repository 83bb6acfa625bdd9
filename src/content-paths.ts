/**
 * Where content lives, relative to the project root. Two environment variables move it, for the
 * benchmark (thousands of generated post-mortems in a temporary folder) and for tests that
 * build deliberately broken content; day to day nobody sets them.
 */
export const contentPaths = {
  /** The playbook pages (`.mdx`, `.md`). */
  playbook: process.env['FIREBREAK_PLAYBOOK_DIR'] ?? 'content/playbook',
  /** The post-mortems (`.md`, `.mdx` where a component is needed). */
  postmortems: process.env['FIREBREAK_POSTMORTEMS_DIR'] ?? 'content/postmortems',
  /** One runbook per crisis type (`<crisis-type>.mdx`). */
  runbooks: 'content/runbooks',
  /** Platform action cards (`<platform>.md`). */
  platforms: 'content/platforms',
  /** Role cards (`<role>.md`). */
  roles: 'content/roles',
  /** Scenario templates (`<id>.md`). */
  scenarioTemplates: 'content/scenario-templates',
};
