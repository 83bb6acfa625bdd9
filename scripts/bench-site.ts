/**
 * `npm run bench [-- 1000 10000]`: how the site scales with a realistic post-mortem library, and
 * how it compares with bare Astro on the same files. For each N it generates N post-mortems with
 * the shape of real ones (scripts/bench/generate-postmortems.ts) in a temporary folder, then
 * measures, one after the other so they never compete for the cores:
 *
 * 1. Firebreak's `npm run build` (content check, pages, Pagefind index), cold (`--force`);
 * 2. the bare Astro 7 + Pagefind CLI baseline (scripts/bench/baseline.ts), cold;
 * 3. a first search and the library page's weight on Firebreak's build, in Chromium;
 * 4. `astro dev` for both: ready, first page served, and an edit to one post-mortem visible.
 *
 * Wall time, the largest process and the whole process tree are sampled from /proc. Numbers,
 * not pass/fail: the targets of issue 14 are printed beside them. The ratios to the baseline are
 * the figures to compare across runs, since both sides suffer the same machine load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBaselineProject } from './bench/baseline.ts';
import { measureDev, type DevFigures } from './bench/dev-server.ts';
import { measureFirstSearch } from './bench/first-search.ts';
import { generatePostmortems } from './bench/generate-postmortems.ts';
import { learningShare, renderTimeBySection } from './bench/page-times.ts';
import { dirSize, measure, peakOf, sequentialPeak, type DirSize, type MemoryPeak, type Run } from './bench/measure.ts';

const root = join(import.meta.dirname, '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const pagefindCli = join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const args = process.argv.slice(2);
const bad = args.filter((arg) => !/^[1-9]\d*$/.test(arg));
if (bad.length) {
  console.error(`npm run bench: expected sizes as whole numbers, e.g. npm run bench -- 300 1000; got "${bad[0]}"`);
  process.exit(2);
}
const sizes = args.length ? args.map(Number) : [1000, 10000];
// Ports of their own, moved by the same offset as the tests' so worktrees don't clash.
const portBase = 4395 + Number(process.env['FIREBREAK_TEST_PORT_OFFSET'] ?? 0);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

interface Side {
  build: Run;
  /** The baseline's two steps, timed apart. */
  steps?: { astro: Run; pagefind: Run };
  dist: DirSize;
  dev?: DevFigures;
  /** Render time per section of the site, from the build's log (Firebreak only). */
  renderTimes?: Map<string, number>;
}

interface Row {
  n: number;
  firebreak: Side;
  baseline: Side;
  search: Awaited<ReturnType<typeof measureFirstSearch>>;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const s = (seconds: number | undefined) => (seconds === undefined ? 'not seen' : `${seconds.toFixed(1)} s`);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '' : `${(a / b).toFixed(2)}×`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

function fail(what: string, run: Run): never {
  process.stderr.write(`\n${what} FAILED after ${run.seconds.toFixed(1)} s:\n${run.output}\n`);
  process.exit(1);
}

async function firebreakBuild(contentDir: string, outDir: string): Promise<Side> {
  // The same command as `npm run build` (scripts/build.ts: Astro with its heap budget, then the search index).
  let log = '';
  const build = await measure(
    process.execPath,
    ['scripts/build.ts', '--outDir', outDir, '--force'],
    { cwd: root, env: { ...env, FIREBREAK_POSTMORTEMS_DIR: contentDir } },
    (text) => (log += text),
  );
  if (!build.ok) fail('Firebreak build', build);
  return { build, dist: dirSize(outDir), renderTimes: renderTimeBySection(log) };
}

async function baselineBuild(project: string): Promise<Side> {
  const astroRun = await measure(process.execPath, [astro, 'build', '--force'], { cwd: project, env });
  if (!astroRun.ok) fail('bare Astro build', astroRun);
  // What `npx pagefind --site dist` runs, without npm's own process in the tree.
  const pagefind = await measure(process.execPath, [pagefindCli, '--site', 'dist'], { cwd: project, env });
  if (!pagefind.ok) fail('Pagefind CLI', pagefind);
  const build: Run = {
    seconds: astroRun.seconds + pagefind.seconds,
    peak: sequentialPeak(astroRun.peak, pagefind.peak),
    ok: true,
    output: '',
  };
  return { build, steps: { astro: astroRun, pagefind }, dist: dirSize(join(project, 'dist')) };
}

function largest(peak: MemoryPeak): string {
  return `${mb(peak.largest.bytes)} (${peak.largest.name})`;
}

function print(row: Row): void {
  const { firebreak: f, baseline: b, n } = row;
  const lines: [string, string, string, string][] = [
    ['', 'Firebreak', 'bare Astro + Pagefind', 'Firebreak / bare'],
    ['build + index, wall', s(f.build.seconds), s(b.build.seconds), ratio(f.build.seconds, b.build.seconds)],
    ['  of which astro build / pagefind', '', `${s(b.steps?.astro.seconds)} / ${s(b.steps?.pagefind.seconds)}`, ''],
    [
      'largest process, peak RSS',
      largest(f.build.peak),
      largest(b.build.peak),
      ratio(f.build.peak.largest.bytes, b.build.peak.largest.bytes),
    ],
    ['  Pagefind process', mb(peakOf(f.build.peak, 'pagefind')), mb(peakOf(b.build.peak, 'pagefind')), ''],
    ['whole tree, peak RSS', mb(f.build.peak.tree), mb(b.build.peak.tree), ratio(f.build.peak.tree, b.build.peak.tree)],
    [
      'pages per second',
      `${(f.dist.html / f.build.seconds).toFixed(0)} (${f.dist.html} pages)`,
      `${(b.dist.html / b.build.seconds).toFixed(0)} (${b.dist.html} pages)`,
      '',
    ],
    ['dist/ size', `${mb(f.dist.bytes)} in ${f.dist.files} files`, `${mb(b.dist.bytes)} in ${b.dist.files} files`, ''],
    [
      'insights + actions pages, share of render time',
      f.renderTimes ? `${(learningShare(f.renderTimes) * 100).toFixed(1)}%` : '',
      '',
      '',
    ],
    ['first search "refund"', `${kb(row.search.bytes)} in ${row.search.requests} requests`, '', ''],
    ['library page, before a query', kb(row.search.libraryBytes), '', ''],
  ];
  if (f.dev && b.dev) {
    lines.push(
      ['dev: ready', s(f.dev.readySeconds), s(b.dev.readySeconds), ratio(f.dev.readySeconds, b.dev.readySeconds)],
      [
        'dev: first post-mortem page served',
        s(f.dev.firstPageSeconds),
        s(b.dev.firstPageSeconds),
        ratio(f.dev.firstPageSeconds, b.dev.firstPageSeconds),
      ],
      [
        'dev: edit visible after saving',
        s(f.dev.editSeconds),
        s(b.dev.editSeconds),
        ratio(f.dev.editSeconds, b.dev.editSeconds),
      ],
      ['dev: content check done (after the first page)', s(f.dev.settledSeconds), '', ''],
      [
        'dev: largest process',
        largest(f.dev.peak),
        largest(b.dev.peak),
        ratio(f.dev.peak.largest.bytes, b.dev.peak.largest.bytes),
      ],
      ['dev: whole tree', mb(f.dev.peak.tree), mb(b.dev.peak.tree), ratio(f.dev.peak.tree, b.dev.peak.tree)],
    );
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((line) => line[i]!.length)));
  console.log(`\nN = ${n} post-mortems`);
  for (const line of lines) console.log(`  ${line.map((cell, i) => cell.padEnd(widths[i]!)).join('   ')}`.trimEnd());
}

const rows: Row[] = [];
console.log(`Load average at start: ${load()} (2-core machine: above 2, every figure is inflated; compare the ratios)`);

for (const [index, n] of sizes.entries()) {
  const work = mkdtempSync(join(tmpdir(), `firebreak-bench-${n}-`));
  const contentDir = join(work, 'postmortems');
  const baselineDir = join(work, 'bare-astro');
  try {
    const genStart = performance.now();
    const library = generatePostmortems(contentDir, n);
    const onDisk = dirSize(contentDir);
    console.log(
      `\nN = ${n}: generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s, ` +
        `${mb(onDisk.bytes)} on disk (${kb(onDisk.bytes / n)} per post-mortem on average); load ${load()}`,
    );
    const firebreak = await firebreakBuild(contentDir, join(work, 'dist'));
    writeBaselineProject(baselineDir, contentDir, root);
    const baseline = await baselineBuild(baselineDir);
    // Said at once, so a later step that fails cannot take the build figures with it.
    console.log(
      `  builds: Firebreak ${s(firebreak.build.seconds)}, largest process ${largest(firebreak.build.peak)}, ` +
        `tree ${mb(firebreak.build.peak.tree)}; bare ${s(baseline.build.seconds)}, largest ${largest(baseline.build.peak)}, ` +
        `tree ${mb(baseline.build.peak.tree)}; learning pages ${
          firebreak.renderTimes ? (learningShare(firebreak.renderTimes) * 100).toFixed(1) : '?'
        }% of render time`,
    );
    const search = await measureFirstSearch(join(work, 'dist'), 'refund', portBase + index * 3);

    // The edited entry: the last published one with a body, the same file for both servers.
    const edited = library.findLast((entry) => entry.data.status === 'published' && entry.body !== '');
    if (edited) {
      const editFile = join(contentDir, `${edited.id}.md`);
      const pagePath = `/incidents/${edited.id}/`;
      firebreak.dev = await measureDev({
        root,
        // What `npm run dev` runs: Astro with the heap budget.
        command: [join(root, 'scripts', 'dev.ts')],
        // The content check runs after the first page; the figures include it.
        settled: /content check passed|content problems|content check could not run/,
        env: { ...env, FIREBREAK_POSTMORTEMS_DIR: contentDir },
        port: portBase + index * 3 + 1,
        pagePath,
        editFile,
      });
      baseline.dev = await measureDev({
        root: baselineDir,
        command: [astro, 'dev'],
        env,
        port: portBase + index * 3 + 2,
        pagePath,
        editFile,
      });
    }
    const row = { n, firebreak, baseline, search };
    rows.push(row);
    print(row);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (rows.length >= 2) {
  const [first, last] = [rows[0]!, rows.at(-1)!];
  const factor = last.n / first.n;
  const growth = (pick: (row: Row) => number) => `${(pick(last) / pick(first)).toFixed(1)}×`;
  console.log(`\nGrowth ${first.n} → ${last.n} (${factor}× the entries; at most ${factor}× is linear):`);
  console.log(
    `  Firebreak build wall ${growth((r) => r.firebreak.build.seconds)}, largest process ${growth((r) => r.firebreak.build.peak.largest.bytes)}`,
  );
  console.log(
    `  bare Astro + Pagefind wall ${growth((r) => r.baseline.build.seconds)}, largest process ${growth((r) => r.baseline.build.peak.largest.bytes)}`,
  );
}
console.log(`
Targets (issue 14, at 10,000 post-mortems): build + index ≤ 1.0× the bare baseline (goal ≤ 0.6×),
every process ≤ 1.2 GB and the whole tree ≤ 1.5 GB; 1,000 → 10,000 at most linear; dev ready ≤ 15 s,
an edit visible ≤ 2 s after saving, dev ≤ 1.5 GB; first search ≤ 150 kB; library page ≤ 60 kB.
Load average at the end: ${load()}.`);
