import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Adapter, ExportInput } from './sources/types.ts';
import { firebreakJsonAdapter } from './sources/firebreak-json/index.ts';
import {
  brand24Adapter,
  brandwatchAdapter,
  mappedCsvAdapter,
  meltwaterAdapter,
  sproutAdapter,
  talkwalkerAdapter,
  xlsxAdapter,
} from './sources/listening-csv/index.ts';
import { incidentIoAdapter } from './sources/incident-io/index.ts';
import { pagerdutyAdapter } from './sources/pagerduty/index.ts';
import { slackAdapter } from './sources/slack/index.ts';
import { teamsAdapter } from './sources/teams/index.ts';
import { xApiAdapter } from './sources/x-api/index.ts';
import { ImportError } from './errors.ts';

/**
 * Every format the importer reads. Order matters only when two detectors accept the same input:
 * the more specific format comes first.
 */
export const ADAPTERS: readonly Adapter[] = [
  firebreakJsonAdapter,
  slackAdapter,
  teamsAdapter,
  pagerdutyAdapter,
  incidentIoAdapter,
  xApiAdapter,
  brandwatchAdapter,
  meltwaterAdapter,
  talkwalkerAdapter,
  sproutAdapter,
  brand24Adapter,
  xlsxAdapter,
  // Last: any CSV with date and text columns, when nothing more specific claims it (or --format csv / --map).
  mappedCsvAdapter,
];

/** The adapter used for an unrecognised file when the user described its columns with --map. */
const MAPPED_CSV = 'csv';

/** `name (label)` for each adapter, for --help and error messages. */
export function formatList(adapters: readonly Adapter[] = ADAPTERS): string {
  return adapters.map((adapter) => adapter.name).join(', ');
}

/** True when the first bytes look like binary data rather than text in some encoding. */
export function looksBinary(head: Buffer): boolean {
  if (head.length === 0) return false;
  // UTF-16 text has a BOM (Meltwater, Excel "Unicode text"): NUL bytes are expected there.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  // Zip archives are handed to the adapter that reads them.
  if (head[0] === 0x50 && head[1] === 0x4b) return false;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 8 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  }
  return control / sample.length > 0.1;
}

/**
 * The adapter for an input: the one named by --format, or the first whose detector accepts it.
 * When none does, the message lists what the importer reads and how to force a format.
 */
export function selectAdapter(
  input: ExportInput,
  format: string | undefined,
  adapters: readonly Adapter[] = ADAPTERS,
  hasColumnMap = false,
): Adapter {
  if (format !== undefined) {
    const chosen = adapters.find((adapter) => adapter.name === format);
    if (!chosen) {
      throw new ImportError(
        input.path,
        `--format ${format} is not a format this importer reads; expected one of: ${formatList(adapters)}`,
      );
    }
    return chosen;
  }
  for (const adapter of adapters) {
    let accepted: boolean;
    try {
      accepted = adapter.detect(input);
    } catch {
      // A detector that cannot make sense of the input simply does not claim it.
      accepted = false;
    }
    if (accepted) return adapter;
  }
  const mapped = adapters.find((adapter) => adapter.name === MAPPED_CSV);
  if (hasColumnMap && mapped && input.kind === 'file' && !looksBinary(input.head)) return mapped;
  if (input.kind === 'file' && looksBinary(input.head)) {
    throw new ImportError(
      input.path,
      `looks like a binary file, not a text export; expected one of: ${formatList(adapters)}`,
      'first bytes',
    );
  }
  const nested = input.kind === 'directory' ? nestedSlackExport(input) : undefined;
  throw new ImportError(
    input.path,
    nested
      ? `not an export itself, but its folder "${nested}" looks like an unzipped Slack export: pass ${join(input.path, nested)}`
      : `not a format this importer recognises; expected one of: ${formatList(adapters)} (use --format NAME to choose one)`,
    input.kind === 'directory' ? 'folder entries' : 'first bytes',
  );
}

/** A sub-folder that holds a Slack export's `channels.json` (people often pass the folder above). */
function nestedSlackExport(input: ExportInput): string | undefined {
  return input.entries.find((entry) => existsSync(join(input.absolutePath, entry, 'channels.json')));
}
