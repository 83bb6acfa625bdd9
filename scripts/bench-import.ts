/**
 * `npm run bench:import`: a benchmark, not a test. Generates a 1,000,000-row Brandwatch-layout
 * CSV, a 200,000-row Meltwater-layout `.xlsx` workbook and a 100,000-message Slack export in a
 * temp folder, imports each in a child process
 * (`--dry-run`, so nothing is written) and prints wall time and peak RSS next to the targets.
 * Peak RSS comes from `/usr/bin/time -v` when present, else from the child's own
 * process.resourceUsage() at exit.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { ADAPTERS } from '../src/importer/registry.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CSV_ROWS = 1_000_000;
const SLACK_MESSAGES = 100_000;
const XLSX_ROWS = 200_000;
const TARGETS = {
  brandwatch: { seconds: 60, rssMb: 300 },
  xlsx: { seconds: 60, rssMb: 400 },
  slack: { seconds: 30, rssMb: Number.POSITIVE_INFINITY },
};

/** A deterministic pseudo-random sequence, so every run measures the same input. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const pad = (n: number) => String(n).padStart(2, '0');

function* brandwatchRows(): Generator<string> {
  const next = random(42);
  const sentiments = ['negative', 'neutral', 'positive'];
  const start = Date.UTC(2025, 2, 1, 0, 0, 0);
  yield '\uFEFF"Report:","Bulk Mentions Download"\n"Brand:","Benchmark Brand"\n"From:","Sat Mar 01 00:00:00 UTC 2025"\n"To:","Tue Mar 04 00:00:00 UTC 2025"\n"Label:","Bench"\n\n';
  yield '"Query Id","Query Name","Date","Mention Id","Url","Page Type","Language","Sentiment","Title","Snippet","Full Text","Author","Full Name","Likes","Shares","Impressions","Reach (new)","X Followers"\n';
  for (let i = 0; i < CSV_ROWS; i++) {
    // Volume ramps up to a peak on day two, like a real flare-up.
    const at = new Date(start + Math.floor(Math.sqrt(next()) * 3 * 86_400_000));
    const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.0`;
    const author = `user${Math.floor(next() * 50_000)}`;
    const sentiment = sentiments[Math.floor(next() * 3)]!;
    yield `"1","Bench","${date}","${10_000_000 + i}","https://x.com/${author}/status/${1_900_000_000_000 + i}","x","en","${sentiment}","","Kettle ${i} leaks?","Is my kettle ${i} leaking too? @benchbrand please help","${author}","User ${author}","${Math.floor(next() * 50)}","${Math.floor(next() * 20)}","${Math.floor(next() * 5000)}","${Math.floor(next() * 3000)}","${Math.floor(next() * 20_000)}"\n`;
  }
}

/** A Meltwater-layout workbook as its .xlsx download has it: Excel date cells, shared strings. */
async function makeXlsx(path: string): Promise<void> {
  const next = random(11);
  const sentiments = ['Negative', 'Neutral', 'Positive'];
  const start = Date.UTC(2025, 2, 1, 0, 0, 0);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Mentions');
  sheet
    .addRow([
      'Date',
      'Headline',
      'URL',
      'Hit Sentence',
      'Source',
      'Influencer',
      'Reach',
      'Engagement',
      'Sentiment',
      'Input Name',
      'Tweet Id',
      'Twitter Screen Name',
      'Twitter Followers',
    ])
    .commit();
  for (let i = 0; i < XLSX_ROWS; i++) {
    const at = new Date(start + Math.floor(Math.sqrt(next()) * 3 * 86_400_000));
    const user = `user${Math.floor(next() * 50_000)}`;
    sheet
      .addRow([
        at,
        '',
        `https://x.com/${user}/status/${1_900_000_000_000 + i}`,
        `Is my kettle ${i} leaking too? @benchbrand please help`,
        'Twitter',
        `@${user}`,
        Math.floor(next() * 3000),
        Math.floor(next() * 50),
        sentiments[Math.floor(next() * 3)]!,
        'Bench',
        String(1_900_000_000_000 + i),
        `User ${user}`,
        Math.floor(next() * 20_000),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function makeSlackExport(dir: string): Promise<void> {
  const next = random(7);
  mkdirSync(join(dir, 'war-room'), { recursive: true });
  const users = Array.from({ length: 200 }, (_, i) => ({
    id: `U${1000 + i}`,
    name: `responder${i}`,
    real_name: `Responder Number ${i}`,
    profile: { title: i === 0 ? 'Incident commander' : '' },
  }));
  writeFileSync(join(dir, 'users.json'), JSON.stringify(users));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify([{ id: 'C1', name: 'war-room', created: 1740787200 }]));
  const days = 10;
  const perDay = SLACK_MESSAGES / days;
  for (let day = 0; day < days; day++) {
    const base = Date.UTC(2025, 2, 1 + day) / 1000;
    const messages = Array.from({ length: perDay }, (_, i) => {
      const user = users[Math.floor(next() * users.length)]!;
      return {
        type: 'message',
        user: user.id,
        text: `Update ${day}-${i}: <@${users[Math.floor(next() * users.length)]!.id}> checked the kettle complaints, volume ${Math.floor(next() * 900)}/h`,
        ts: `${(base + (i * 86_400) / perDay).toFixed(6)}`,
      };
    });
    writeFileSync(join(dir, 'war-room', `2025-03-${pad(day + 1)}.json`), JSON.stringify(messages));
  }
}

interface Measurement {
  seconds: number;
  /** User + system CPU seconds of the child (from /usr/bin/time -v), which a loaded machine does not inflate as much as wall time. */
  cpuSeconds: number | undefined;
  rssMb: number | undefined;
  status: number | null;
  message: string;
}

const hasGnuTime = existsSync('/usr/bin/time');
const RSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("BENCH_MAXRSS_KB="+process.resourceUsage().maxRSS+"\\n"))';

async function measure(args: string[]): Promise<Measurement> {
  const nodeArgs = [join(ROOT, 'scripts/import.ts'), '--dry-run', ...args];
  const [command, commandArgs] = hasGnuTime
    ? ['/usr/bin/time', ['-v', process.execPath, ...nodeArgs]]
    : [process.execPath, ['--import', RSS_HOOK, ...nodeArgs]];
  const started = performance.now();
  const child = spawn(command, commandArgs as string[], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  const kb =
    /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? /BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1];
  const message = stderr.split('\n').find((line) => line.startsWith('Import failed')) ?? '';
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const cpuSeconds = user && system ? Number(user) + Number(system) : undefined;
  return { seconds, cpuSeconds, rssMb: kb ? Number(kb) / 1024 : undefined, status, message };
}

function report(name: string, input: string, target: { seconds: number; rssMb: number }, result: Measurement): boolean {
  const rss = result.rssMb === undefined ? 'unknown' : `${Math.round(result.rssMb)} MB`;
  const rssTarget = Number.isFinite(target.rssMb) ? ` (target ≤ ${target.rssMb} MB)` : '';
  const ok =
    result.status === 0 &&
    result.seconds <= target.seconds &&
    (result.rssMb === undefined || result.rssMb <= target.rssMb);
  console.log(`${name}: ${input}`);
  console.log(
    `  wall time ${result.seconds.toFixed(1)} s (target ≤ ${target.seconds} s)${result.cpuSeconds === undefined ? '' : `, CPU ${result.cpuSeconds.toFixed(1)} s`}, peak RSS ${rss}${rssTarget}: ${ok ? 'within target' : 'MISSED'}`,
  );
  if (result.status !== 0) console.log(`  the import failed (exit ${result.status}): ${result.message}`);
  return ok;
}

const dir = mkdtempSync(join(tmpdir(), 'firebreak-bench-'));
const formats = new Set(ADAPTERS.map((adapter) => adapter.name));
let allOk = true;
try {
  console.log(
    `Benchmark inputs in ${dir}; peak RSS via ${hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage() in the child'}.\n`,
  );
  if (formats.has('brandwatch')) {
    const csv = join(dir, 'brandwatch-1m.csv');
    await writeLines(csv, brandwatchRows());
    const size = `${CSV_ROWS.toLocaleString('en')} rows, ${Math.round(statSync(csv).size / 1048576)} MB`;
    allOk =
      report('Brandwatch CSV', size, TARGETS.brandwatch, await measure(['--brand-handle', 'benchbrand', csv])) && allOk;
  } else {
    console.log('Brandwatch CSV: skipped, no brandwatch adapter is registered yet.');
    allOk = false;
  }
  if (formats.has('xlsx')) {
    const xlsx = join(dir, 'meltwater-200k.xlsx');
    await makeXlsx(xlsx);
    const size = `${XLSX_ROWS.toLocaleString('en')} rows, ${Math.round(statSync(xlsx).size / 1048576)} MB`;
    allOk =
      report('Meltwater .xlsx', size, TARGETS.xlsx, await measure(['--brand-handle', 'benchbrand', xlsx])) && allOk;
  } else {
    console.log('Meltwater .xlsx: skipped, no xlsx adapter is registered yet.');
    allOk = false;
  }
  if (formats.has('slack')) {
    const slack = join(dir, 'slack-export');
    await makeSlackExport(slack);
    allOk =
      report(
        'Slack export',
        `${SLACK_MESSAGES.toLocaleString('en')} messages in one channel`,
        TARGETS.slack,
        await measure(['--channel', 'war-room', slack]),
      ) && allOk;
  } else {
    console.log('Slack export: skipped, no slack adapter is registered yet.');
    allOk = false;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = allOk ? 0 : 1;
