/**
 * Reading: each path → `io/` (what the file is) → `registry` (which format) →
 * `sources/<format>/` (one partial incident per export, or per group of files an adapter reads
 * together) → `merge` (each kept to the incident window, then one incident).
 */
import { ImportError } from './errors.ts';
import { toExportInput } from './io/inputs.ts';
import { mergeIncidents, type MergedIncident } from './merge.ts';
import { ADAPTERS, selectAdapter } from './registry.ts';
import type { Adapter, AdapterOptions, ExportInput } from './sources/types.ts';
import type { PartialIncident } from './model/incident.ts';
import type { WindowBounds } from './analysis/window.ts';

/** Progress on one export while it is read: a callback, and what to do when it is done. */
export interface ReadProgress {
  onProgress?: AdapterOptions['onProgress'];
  stop(): void;
}

/** How to read the exports (the CLI's --format, --channel, --brand-handle, --map, --tz). */
export interface ReadOptions extends Omit<AdapterOptions, 'onProgress'> {
  /** Read every export as this format (an adapter name) instead of detecting it. */
  format?: string | undefined;
  /** Relative paths are resolved against this folder (default: the working directory). */
  cwd?: string;
  /** Called for each export before it is read; may show a progress bar. */
  progress?: (label: string, size: number) => ReadProgress;
  /** --from/--to: the incident window, instead of the one found from the evidence. */
  window?: WindowBounds | undefined;
}

/**
 * Reads each export with its adapter and merges them into one incident. Throws `ImportError`
 * naming the file (and the place in it) for anything it cannot read.
 */
export async function readExports(paths: readonly string[], options: ReadOptions): Promise<MergedIncident> {
  const { format, cwd = process.cwd(), progress, window, ...adapterOptions } = options;
  const chosen: { input: ExportInput; adapter: Adapter }[] = [];
  for (const path of paths) {
    const input = await toExportInput(path, cwd);
    chosen.push({ input, adapter: selectAdapter(input, format, ADAPTERS, Object.keys(adapterOptions.map).length > 0) });
  }
  const partials = [];
  const readTogether = new Set<Adapter>();
  for (const { input, adapter } of chosen) {
    if (adapter.readTogether) {
      // Every file of a format read together goes in at the place of its first file.
      if (readTogether.has(adapter)) continue;
      readTogether.add(adapter);
      const inputs = chosen.filter((each) => each.adapter === adapter).map((each) => each.input);
      partials.push(
        await readWith(adapter, inputs, adapterOptions, progress, (watched) => adapter.readTogether!(inputs, watched)),
      );
    } else {
      partials.push(
        await readWith(adapter, [input], adapterOptions, progress, (watched) => adapter.read(input, watched)),
      );
    }
  }
  return mergeIncidents(partials, { window });
}

/** Runs one adapter's read with progress, turning anything but an ImportError into one naming the file. */
async function readWith(
  adapter: Adapter,
  inputs: readonly ExportInput[],
  options: AdapterOptions,
  progress: ReadOptions['progress'],
  run: (options: AdapterOptions) => Promise<PartialIncident>,
): Promise<PartialIncident> {
  const paths = inputs.map((input) => input.path).join(', ');
  const watch = progress?.(
    `${adapter.name} ${paths}`,
    inputs.reduce((sum, input) => sum + input.size, 0),
  );
  try {
    return await run({ ...options, ...(watch?.onProgress && { onProgress: watch.onProgress }) });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(paths, `could not be read as ${adapter.label}: ${message.split('\n')[0]}`);
  } finally {
    watch?.stop();
  }
}
