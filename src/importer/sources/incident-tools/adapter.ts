import { readJsonFile } from '../../io/json.ts';
import { headText } from '../../io/text.ts';
import type { PartialIncident } from '../../model/incident.ts';
import { zonelessTimesNote } from '../../time-zone.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../types.ts';
import { chooseIncident, type FileIncidents } from './select.ts';

/**
 * The frame the incident-tool adapters (PagerDuty, incident.io) share. A tool's incident comes
 * as one JSON document or several (the incident, its log, its notes: each a file) or as a row of
 * the web app's incidents CSV; every file the adapter claimed is read, then the tool's own code
 * builds the incident from all of them. Each tool only says how its files look and read.
 */

/** Two moments closer than this are the same moment told twice (a named timestamp and a log entry or update). */
export const SAME_MOMENT_MS = 60_000;

/** Every file the adapter claimed, read, and the incident chosen out of them. */
export interface IncidentToolRead<I extends { id: string }, F extends FileIncidents<I>> {
  files: F[];
  chosen: ReturnType<typeof chooseIncident<I>>;
  /** Every input, as given. */
  paths: string[];
}

/**
 * What one tool says about its files. `I` is one of its incidents, `F` what one file holds
 * (its incidents and whatever else: a log, updates, notes), in the tool's own terms.
 */
export interface IncidentToolFormat<I extends { id: string }, F extends FileIncidents<I>> {
  /** The adapter's `--format` id. */
  name: string;
  /** What the format is, for --help and messages. */
  label: string;
  /** The tool as messages name it ("PagerDuty"). */
  tool: string;
  /** Whether a file is the tool's incidents CSV (by its header). */
  looksLikeCsv(input: ExportInput): boolean;
  /** Whether a JSON document, by its first characters (leading white space trimmed), is the tool's. */
  looksLikeJson(head: string): boolean;
  /** One incidents CSV, and whether any of its times carried no zone (read in `tz`). */
  readCsv(input: ExportInput, tz: string): Promise<{ file: F; zoneless: boolean }>;
  /** One parsed JSON document. */
  readJson(path: string, document: unknown): F;
  /** The names a user may type for an incident (`--incident`), and its label in the list of choices. */
  describe(incident: I): { aliases: string[]; label: string };
  /** The incident out of every file read. */
  build(read: IncidentToolRead<I, F>): PartialIncident;
}

/** The adapter of an incident tool: detection, and reading one file or several as one export. */
export function incidentToolAdapter<I extends { id: string }, F extends FileIncidents<I>>(
  format: IncidentToolFormat<I, F>,
): Adapter {
  const readTogether = async (inputs: readonly ExportInput[], options: AdapterOptions): Promise<PartialIncident> => {
    const files: F[] = [];
    const zoneless: string[] = [];
    for (const input of inputs) {
      if (format.looksLikeCsv(input)) {
        const csv = await format.readCsv(input, options.tz);
        if (csv.zoneless) zoneless.push(input.path);
        files.push(csv.file);
      } else {
        files.push(format.readJson(input.path, await readJsonFile(input, options.onProgress)));
      }
    }
    const paths = inputs.map((input) => input.path);
    const chosen = chooseIncident(files, paths, options.incident, format.tool, format.describe);
    const incident = format.build({ files, chosen, paths });
    // CSV times without a zone are the one wall-clock rule's: the merge weighs them against absolute ones.
    const note = zonelessTimesNote(zoneless, options.tz);
    return note ? { ...incident, timeZoneNote: note } : incident;
  };
  return {
    name: format.name,
    label: format.label,
    detect(input) {
      if (input.kind !== 'file') return false;
      if (format.looksLikeCsv(input)) return true;
      const head = headText(input.head).trimStart();
      return (head.startsWith('{') || head.startsWith('[')) && format.looksLikeJson(head);
    },
    read: (input, options) => readTogether([input], options),
    readTogether,
  };
}
