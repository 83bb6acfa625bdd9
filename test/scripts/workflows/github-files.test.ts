import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../../src/lib/yaml.ts';

const parse = (text: string): unknown => readYaml(text).data;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  steps: Step[];
  environment?: { name: string };
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

/** The `run:` commands of a job, in order. */
const commands = (job: Job) =>
  job.steps.flatMap((step) =>
    step.run
      ? step.run
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
      : [],
  );
const uses = (job: Job, action: string) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));

describe.each(['ci.yml', 'deploy.yml'])('%s', (name) => {
  const parsed = workflow(name);

  it('is valid YAML with jobs that run on ubuntu and check out the code with Node from .nvmrc', () => {
    for (const job of Object.values(parsed.jobs)) expect(job['runs-on']).toBe('ubuntu-latest');
    const build = Object.values(parsed.jobs).find((job) => uses(job, 'actions/setup-node'))!;
    expect(uses(build, 'actions/checkout')).toBeDefined();
    expect(uses(build, 'actions/setup-node')!.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(commands(build)[0]).toMatch(/^npm ci\b/);
  });

  it('pins every action to a major version and only runs npm scripts that exist', () => {
    for (const job of Object.values(parsed.jobs)) {
      for (const step of job.steps) {
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
        for (const [, script] of (step.run ?? '').matchAll(/npm (?:run )?([\w:-]+)/g)) {
          if (script !== 'ci' && script !== 'test') expect(scripts, `npm run ${script} in ${name}`).toContain(script);
        }
      }
    }
  });
});

describe('CI workflow', () => {
  const ci = workflow('ci.yml');

  it('runs on pull requests and on pushes to main', () => {
    expect(ci.on).toHaveProperty('pull_request');
    expect(ci.on['push']).toEqual({ branches: ['main'] });
  });

  it('installs Chromium, then runs check, the tests and the build, in that order, then checks the built links', () => {
    const job = ci.jobs['check']!;
    const runs = commands(job);
    const at = (command: string) => runs.findIndex((line) => line === command);
    expect(runs.some((line) => /apt-get install .*chromium/.test(line))).toBe(true);
    expect(at('npm run check')).toBeGreaterThan(at('npm ci --no-audit --no-fund'));
    expect(at('npm test')).toBeGreaterThan(at('npm run check'));
    expect(at('npm run build')).toBeGreaterThan(at('npm test'));
    expect(at('npm run check -- --dist dist')).toBeGreaterThan(at('npm run build'));
  });
});

describe('Deploy workflow', () => {
  const deploy = workflow('deploy.yml');

  it('deploys pushes to main to GitHub Pages, and only the deploy job may publish', () => {
    expect(deploy.on['push']).toEqual({ branches: ['main'] });
    // Least privilege: no default grant; the build runs our code and may only read.
    expect(deploy.permissions).toEqual({});
    expect(deploy.jobs['build']!.permissions).toEqual({ contents: 'read' });
    expect(deploy.jobs['deploy']!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('builds and uploads dist/, then deploys it in a job that needs the build', () => {
    const build = deploy.jobs['build']!;
    expect(commands(build)).toContain('npm run build');
    expect(uses(build, 'actions/upload-pages-artifact')!.with).toEqual({ path: 'dist' });
    const job = deploy.jobs['deploy']!;
    expect(job.needs).toBe('build');
    expect(job.environment?.name).toBe('github-pages');
    expect(uses(job, 'actions/deploy-pages')).toBeDefined();
  });

  it('fetches the full history, so "Last updated" comes from git', () => {
    expect(uses(deploy.jobs['build']!, 'actions/checkout')!.with).toEqual({ 'fetch-depth': 0 });
  });
});

describe('issue forms', () => {
  interface Form {
    name: string;
    description: string;
    body: { type: string; id?: string; validations?: { required?: boolean } }[];
  }
  it.each(['new-postmortem.yml', 'playbook-change.yml'])(
    '%s is a valid form with unique ids and required fields',
    (file) => {
      const form = parse(read(`.github/ISSUE_TEMPLATE/${file}`)) as Form;
      expect(form.name).toBeTruthy();
      expect(form.description).toBeTruthy();
      const ids = form.body.filter((field) => field.type !== 'markdown').map((field) => field.id);
      expect(ids.every(Boolean)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(form.body.some((field) => field.validations?.required)).toBe(true);
    },
  );
});

describe('pull-request template and code owners', () => {
  it("holds the reviewer's checklist", () => {
    const template = read('.github/pull_request_template.md');
    for (const item of [
      'Blameless wording',
      'Redaction',
      'Every action item has an owner role',
      'Lessons link to playbook steps',
    ]) {
      expect(template).toMatch(new RegExp(`^- \\[ \\] \\*\\*${item}`, 'm'));
    }
  });

  it('gives the playbook to a comms-leads team', () => {
    expect(read('.github/CODEOWNERS')).toMatch(/^\/content\/playbook\/\s+@[\w-]+\/comms-leads$/m);
  });
});
