/**
 * `npm run bench [-- 1000 10000]`: how the site scales with the size of the post-mortem
 * library. For each N it generates N synthetic post-mortems in a temporary folder, runs a real
 * `astro build` (pages + Pagefind index) against them, and prints wall time, peak RSS of the
 * whole process tree, pages per second, the size of dist/, and the bytes a browser downloads
 * for a first search. Numbers, not pass/fail: the targets are printed beside them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePostmortems } from './bench/generate-postmortems.ts';
import { measureFirstSearch } from './bench/first-search.ts';

const root = join(import.meta.dirname, '..');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = sizes.length ? sizes : [1000, 10000];

interface RssSample {
  /** The Astro build process (the largest Node process of the tree). */
  main: number;
  /** Pagefind's indexer, a process of its own. */
  pagefind: number;
  /** The whole process tree at this instant. */
  tree: number;
}

/** RSS of the processes under `pid`, from /proc (Linux). */
function sampleRss(pid: number): RssSample {
  const children = new Map<number, number[]>();
  const info = new Map<number, { rss: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      info.set(Number(entry), { rss: Number(fields[21]) * 4096, name });
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked: it no longer uses memory.
    }
  }
  const sample: RssSample = { main: 0, pagefind: 0, tree: 0 };
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    const { rss = 0, name = '' } = info.get(current) ?? {};
    sample.tree += rss;
    if (name.startsWith('pagefind')) sample.pagefind = Math.max(sample.pagefind, rss);
    else if (name === 'node') sample.main = Math.max(sample.main, rss);
    stack.push(...(children.get(current) ?? []));
  }
  return sample;
}

function dirSize(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    bytes += statSync(path).size;
    files++;
    if (entry.name.endsWith('.html')) html++;
  }
  return { bytes, files, html };
}

async function build(contentDir: string, outDir: string): Promise<{ seconds: number; peak: RssSample; ok: boolean }> {
  const started = performance.now();
  // The same command as `npm run build` (scripts/build.ts sets the heap budget, then runs Astro).
  const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, FIREBREAK_POSTMORTEMS_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const peak: RssSample = { main: 0, pagefind: 0, tree: 0 };
  const sampler = setInterval(() => {
    const now = sampleRss(child.pid!);
    peak.main = Math.max(peak.main, now.main);
    peak.pagefind = Math.max(peak.pagefind, now.pagefind);
    peak.tree = Math.max(peak.tree, now.tree);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) process.stderr.write(stderr.slice(-4000));
  return { seconds: (performance.now() - started) / 1000, peak, ok: code === 0 };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const results: { n: number; seconds: number }[] = [];

for (const n of runs) {
  const work = mkdtempSync(join(tmpdir(), `firebreak-bench-${n}-`));
  const contentDir = join(work, 'postmortems');
  const outDir = join(work, 'dist');
  try {
    const genStart = performance.now();
    generatePostmortems(contentDir, n);
    const genSeconds = (performance.now() - genStart) / 1000;
    const { seconds, peak, ok } = await build(contentDir, outDir);
    if (!ok) {
      console.log(`N=${n}: build FAILED after ${seconds.toFixed(1)} s`);
      process.exitCode = 1;
      continue;
    }
    const dist = dirSize(outDir);
    const search = await measureFirstSearch(outDir, 'refund');
    results.push({ n, seconds });
    console.log(`\nN = ${n} post-mortems (generated in ${genSeconds.toFixed(1)} s)`);
    console.log(`  build + index wall time   ${seconds.toFixed(1)} s`);
    console.log(`  peak RSS, build process   ${mb(peak.main)}`);
    console.log(`  peak RSS, Pagefind        ${mb(peak.pagefind)}`);
    console.log(`  peak RSS, both together   ${mb(peak.tree)}`);
    console.log(`  pages per second          ${(dist.html / seconds).toFixed(0)} (${dist.html} HTML pages)`);
    console.log(`  dist/ size                ${mb(dist.bytes)} in ${dist.files} files`);
    console.log(
      `  first search "refund"     ${(search.bytes / 1024).toFixed(0)} kB in ${search.requests} requests, ${search.results} results`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const small = results.find((r) => r.n === 1000);
const large = results.find((r) => r.n === 10000);
console.log(
  '\nTargets (2-core machine): 10,000 post-mortems in ≤ 30 s with peak RSS ≤ 1.5 GB; 10k build ≤ 10× the 1k build.',
);
if (small && large) console.log(`10k / 1k build time ratio: ${(large.seconds / small.seconds).toFixed(1)}×`);
