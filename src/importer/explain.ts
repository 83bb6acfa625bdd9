/**
 * `--explain`: what the importer detects about each export — its format and, where the adapter
 * can tell, the encoding, delimiter, header, columns and their roles, date order and time zone —
 * without writing anything, so a user can see why a file reads as it does. It runs the same
 * detection and layout steps as an import (registry.selectAdapter, each adapter's `explain`).
 */
import { ImportError } from './errors.ts';
import { toExportInput } from './io/inputs.ts';
import { ADAPTERS, selectAdapter } from './registry.ts';
import type { ExplainLine } from './sources/types.ts';
import { readExports, type ReadOptions } from './read.ts';

export type { ExplainLine } from './sources/types.ts';

/** What was detected about one export. */
export interface ExportExplanation {
  /** The export as named on the command line. */
  file: string;
  /** `label: value` lines, format first. */
  lines: ExplainLine[];
}

/**
 * Explains each export. An export that cannot be read gets its one-line error as its last
 * line instead of failing the others; nothing is written.
 */
export async function explainExports(paths: readonly string[], options: ReadOptions): Promise<ExportExplanation[]> {
  const { format, cwd = process.cwd(), progress: _progress, ...adapterOptions } = options;
  const explanations: ExportExplanation[] = [];
  for (const path of paths) {
    const lines: ExplainLine[] = [];
    try {
      const input = await toExportInput(path, cwd);
      const adapter = selectAdapter(input, format, ADAPTERS, Object.keys(adapterOptions.map).length > 0);
      lines.push({
        label: 'format',
        value: `${adapter.name} — ${adapter.label}${format === undefined ? ' (detected)' : ' (--format)'}`,
      });
      if (adapter.explain) lines.push(...(await adapter.explain(input, adapterOptions)));
      else lines.push({ label: 'details', value: 'nothing more to detect for this format before reading it' });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      lines.push({ label: 'cannot read', value: error.describe() });
    }
    explanations.push({ file: path, lines });
  }
  const readable = explanations.every((explanation) => explanation.lines.every((line) => line.label !== 'cannot read'));
  if (readable && paths.length > 0) explanations.push(await explainWindow(paths, options));
  return explanations;
}

/**
 * The incident window all the exports together are kept to (analysis/window.ts), and what it
 * leaves out: found by reading them as an import would, since it depends on every record.
 */
async function explainWindow(paths: readonly string[], options: ReadOptions): Promise<ExportExplanation> {
  const file = paths.length === 1 ? 'incident window' : `incident window (all ${paths.length} exports)`;
  try {
    const { progress: _progress, ...quiet } = options;
    const incident = await readExports(paths, quiet);
    const description = incident.window?.description;
    return {
      file,
      lines: [
        { label: 'window', value: description ?? 'nothing in the exports is dated' },
        ...incident.warnings
          .filter((warning) => warning !== description)
          .map((warning) => ({ label: 'warning', value: warning })),
      ],
    };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { file, lines: [{ label: 'cannot read', value: error.describe() }] };
  }
}

/** The explanations as text for a terminal: one block per export, labels aligned. */
export function formatExplanations(explanations: readonly ExportExplanation[]): string {
  return explanations
    .map(({ file, lines }) => {
      const width = Math.max(...lines.map((line) => line.label.length));
      return [file, ...lines.map((line) => `  ${`${line.label}:`.padEnd(width + 2)}${line.value}`)].join('\n');
    })
    .join('\n\n');
}
