import type { Readable } from 'node:stream';
import type { PartialIncident } from '../model/incident.ts';

/** Options every adapter may read (from the CLI flags). */
export interface AdapterOptions {
  /** --channel: the Slack war-room channel. */
  channel?: string;
  /** --brand-handle (repeatable), lowercased, without @. */
  brandHandles: string[];
  /** --map field=Column, for CSVs of other tools. */
  map: Record<string, string>;
  /** --incident: which incident to read when an incident tool's file lists several (id, number or reference). */
  incident?: string;
  /** --tz: IANA zone for timestamps that carry none (default "UTC"). */
  tz: string;
  /** --encoding: the text encoding of text exports, instead of sniffing it (a WHATWG label such as windows-1252). */
  encoding?: string | undefined;
  /** --date-order: the order of day, month and year in numeric dates (08/13/2025), instead of inferring it. */
  dateOrder?: 'dmy' | 'mdy' | 'ymd' | undefined;
  /** --sheet: the worksheet of a spreadsheet export to read (default: the first). */
  sheet?: string | undefined;
  /** Progress for large inputs: bytes or rows done, and the total when known. */
  onProgress?: (done: number, total?: number) => void;
}

/** One export as given on the command line: a file or a folder. */
export interface ExportInput {
  /** The path as typed (used in every message). */
  path: string;
  /** Absolute path. */
  absolutePath: string;
  kind: 'file' | 'directory';
  /** Size in bytes (files only; 0 for folders). */
  size: number;
  /** The first bytes of a file (up to 64 KiB), for detection; empty for folders. */
  head: Buffer;
  /** Names in a folder (top level), for detection; empty for files. */
  entries: string[];
  /** Entry names of a `.zip` file, for detection; undefined when the file is not a readable zip. */
  zipEntries: string[] | undefined;
  /** A fresh stream over the whole file. */
  open(): Readable;
}

export interface Adapter {
  /** Short id used by --format, e.g. `slack`, `brandwatch`. */
  name: string;
  /** What the format is, for --help and messages. */
  label: string;
  /** True when this input is in this adapter's format (content-based, cheap: head/entries only). */
  detect(input: ExportInput): boolean;
  /** Reads the export. Throws ImportError (file + place + expectation) on bad input. */
  read(input: ExportInput, options: AdapterOptions): Promise<PartialIncident>;
  /**
   * What the adapter detects about this input before reading it (encoding, columns, date
   * order…), as `label: value` lines for `--explain`. Optional: formats with nothing to tell
   * beyond their name leave it out. Throws ImportError like `read`.
   */
  explain?(input: ExportInput, options: AdapterOptions): Promise<ExplainLine[]>;
  /**
   * For formats whose one incident is saved as several files (an incident tool's incident and its
   * log, two API calls): reads every input this adapter claimed, together, as one export. When
   * present, `readExports` calls it once with all of them instead of `read` for each.
   */
  readTogether?(inputs: readonly ExportInput[], options: AdapterOptions): Promise<PartialIncident>;
}

/** One line of `--explain`: what was detected, and its value. */
export interface ExplainLine {
  label: string;
  value: string;
}
