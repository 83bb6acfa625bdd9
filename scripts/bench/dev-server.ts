import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { sampleMemory, stopGroup, type MemoryPeak } from './measure.ts';

/** The contributor's loop, measured: how long `astro dev` takes, and how long an edit takes to show. */
export interface DevFigures {
  /** From start until Astro prints "ready". */
  readySeconds: number;
  /** From start until the post-mortem's page is first served (the first request compiles it); undefined if it never was. */
  firstPageSeconds: number | undefined;
  /** From the moment the edited file is written until the page served over HTTP shows the edit. */
  editSeconds: number | undefined;
  /**
   * From start until the server says the work it does in the background is done (Firebreak's
   * content check, which starts after the first page), when asked to wait for it; undefined if
   * it never said so. The memory peak includes that work.
   */
  settledSeconds?: number | undefined;
  peak: MemoryPeak;
}

/** Longest wait for any one step; past it the figure is reported as missing, not guessed. */
const STEP_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 100;

async function get(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function poll(url: string, until: (html: string) => boolean, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const html = await get(url);
    if (html !== undefined && until(html)) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}

/**
 * Starts `astro dev` in `root` on `port` (its own process group, so it can be stopped with all it
 * started), waits until it is ready and serves `pagePath`, then appends a sentence with a unique
 * word to the Markdown body of `editFile` and polls the page until that word is on it.
 */
export async function measureDev(options: {
  root: string;
  /** The Node arguments that start the dev server: Firebreak's `npm run dev` entry (scripts/dev.ts), or Astro's bin and `dev`. */
  command: readonly string[];
  env: NodeJS.ProcessEnv;
  port: number;
  pagePath: string;
  editFile: string;
  /** A line the server logs when its background work is done: the measure waits for it (or for 10 minutes). */
  settled?: RegExp;
}): Promise<DevFigures> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  // --ignore-lock: a contributor's own dev server in the same folder is neither stopped nor
  // refused, and Astro runs in the foreground even where it would background itself for an agent.
  // The content cache is the one the build just left: the daily case of an unchanged library.
  const child = spawn(
    process.execPath,
    [...options.command, '--ignore-lock', '--host', '127.0.0.1', '--port', String(options.port)],
    {
      cwd: options.root,
      env: { ...options.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const sampler = sampleMemory(child.pid!);
  let output = '';
  let settledSeconds: number | undefined;
  try {
    const readySeconds = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('astro dev was not ready after 10 minutes')), STEP_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-6000);
        if (settledSeconds === undefined && options.settled?.test(output)) settledSeconds = since();
        if (/ready in/i.test(output)) {
          clearTimeout(timer);
          resolve(since());
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('close', (code) => reject(new Error(`astro dev ended (exit ${code}):\n${output}`)));
    });
    const url = `http://127.0.0.1:${options.port}${options.pagePath}`;
    // A page that is never served is a missing figure (bare Astro's dev server has taken more than
    // ten minutes at 10,000 entries on a loaded machine), not the end of the whole benchmark.
    if (!(await poll(url, () => true, Date.now() + STEP_TIMEOUT_MS))) {
      return { readySeconds, firstPageSeconds: undefined, editSeconds: undefined, peak: sampler.stop() };
    }
    const firstPageSeconds = since();

    const marker = `Benchmarkedit${Date.now().toString(36)}`;
    const saved = performance.now();
    appendFileSync(options.editFile, `\nA benchmark edit: ${marker}.\n`);
    const shown = await poll(url, (html) => html.includes(marker), Date.now() + 120_000);
    const editSeconds = shown ? (performance.now() - saved) / 1000 : undefined;
    if (options.settled) {
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      while (settledSeconds === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return { readySeconds, firstPageSeconds, editSeconds, settledSeconds, peak: sampler.stop() };
  } finally {
    sampler.stop();
    await stopGroup(child);
  }
}
