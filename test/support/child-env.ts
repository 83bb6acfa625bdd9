/**
 * The environment for an `astro build`/`astro dev` started from a test. Vitest copies its own
 * `import.meta.env` into `process.env` (NODE_ENV=test, MODE=test, DEV=true, …); a child Astro
 * would read those and build a production site as if it were dev (drafts included).
 */
const VITEST_KEYS = [
  'NODE_ENV',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'TEST',
  'VITEST',
  'VITEST_MODE',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
];

export function childEnv(mode: 'production' | 'development', extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of VITEST_KEYS) delete env[key];
  return { ...env, NODE_ENV: mode, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
}
