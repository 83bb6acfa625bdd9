/**
 * `npm run import -- [options] <export>...`: turns one incident's exports (war-room chat,
 * incident tool, social listening, platform API, Firebreak incident JSON) into one draft
 * post-mortem page. See --help and docs/importer.md.
 */
import { resolve } from 'node:path';
import { displayPath } from '../src/lib/file-paths.ts';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { CountryCode } from 'libphonenumber-js';
import { isPhoneRegion } from '../src/lib/privacy/patterns.ts';
import { incidentExportJsonSchema } from './schemas/json-schema.ts';
import { encodingName } from '../src/importer/io/text.ts';
import { DATE_ORDERS, type DateOrder } from '../src/importer/sources/listening-csv/dates.ts';
import {
  ADAPTERS,
  explainExports,
  formatExplanations,
  ImportError,
  importExports,
  parseWindowBound,
  writeImportedPage,
  type AdapterOptions,
  type ReadProgress,
  type WindowBounds,
} from '../src/importer/index.ts';
import { WINDOW_MARGIN_HOURS } from '../src/importer/analysis/window.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, firstLine, UsageError } from './lib/cli.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_OUT = 'content/postmortems';

/** Show a progress bar only for inputs big enough to make someone wait. */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

function helpText(): string {
  const formats = ADAPTERS.map((adapter) => `  ${adapter.name.padEnd(16)} ${adapter.label}`).join('\n');
  return `Usage: npm run import -- [options] <export>...

Turns the exports of ONE incident into one draft post-mortem page
(content/postmortems/<YYYY-MM-DD>-<slug>.md, status: draft) and prints its path.
Several exports (war-room chat, incident tool, listening CSV, platform API) are
combined into one timeline. The draft has computed durations, suggested lessons
citing their evidence, and TODO markers wherever only a human can judge.

Formats (detected from the content; --format overrides):
${formats}

Options:
  --format NAME        Read every export as this format (see the list above).
  --channel NAME       Slack: the war-room channel to read (default: the only/first one).
  --incident ID        PagerDuty / incident.io: which incident to read when a list
                       response or CSV download holds several (id, number or reference).
  --brand-handle H     The brand's own account, without or with @ (repeatable).
                       Its posts count as public responses; it is never pseudonymized.
  --keep H             A handle or name that may appear unredacted (repeatable),
                       e.g. a journalist or a public figure.
  --map field=Column   For CSVs of other tools: which column holds a field
                       (repeatable), e.g. --map date=Published --map text=Message.
  --tz ZONE            IANA zone for timestamps that carry none (default: UTC),
                       also used for the dates in the page. Zone-less times are
                       noted on the page with the zone they were read in.
  --from TIME          The incident window: keep mentions and events from TIME
  --to TIME            (and up to TIME) only, e.g. --from 2026-03-13 --to
                       2026-03-14T18:00 (a bare day is the whole day; times
                       without a zone are in --tz). Default: the war-room and
                       incident-tool records plus ${WINDOW_MARGIN_HOURS} h either side, or, with
                       listening data only, the busy period around the peak.
  --date-order ORDER   dmy, mdy or ymd: the order in numeric dates such as
                       08/13/2025 (default: inferred from the whole column;
                       refused when no date in it decides).
  --encoding NAME      Text encoding of CSV exports, e.g. windows-1252 or utf-16le
                       (default: detected — BOM, UTF-16, UTF-8, else Windows-1252).
  --sheet NAME         The worksheet of an .xlsx export (default: the first).
  --explain            Print what was detected about each export (format,
                       encoding, delimiter, columns and their roles, date order,
                       time zone) and write nothing.
  --region CC          Region whose national phone forms to redact, e.g. GB for
                       07700 900123 (repeatable; default: GB and US). Numbers in
                       international form (+44…, 0049…) are redacted for every region.
  --title TEXT         Title of the post-mortem (default: from the exports).
  --slug SLUG          File-name slug (default: from the title).
  --out DIR            Folder to write to (default: ${DEFAULT_OUT}).
  --dry-run            Print the page instead of writing it.
  --force              Overwrite an existing page.
  --no-redact          Keep names, handles, e-mails and phone numbers of private
                       people. Responders are still named by role. Only for pages
                       that will never be published.
  --json-schema        Print the JSON Schema of the Firebreak incident JSON format.
  -h, --help           Show this help.

Privacy: by default e-mail addresses, phone numbers, IP addresses and every
name, handle and profile link of private individuals are replaced by stable
pseudonyms (@person-1, Person 2); card numbers, URL tokens and private share
links (Dropbox, Google Drive, Slack files) are always removed; responders
appear by incident role or as "Responder A"; the brand's handles, --keep
entries and verified or large (10,000+ followers) accounts stay.

Example: from three exports to a page
  npm run import -- \\
    --brand-handle examplebrand --channel incident-kettle --tz Europe/London \\
    --title "Kettle leak complaints go viral" \\
    slack-export.zip brandwatch-mentions.csv x-api-mentions.jsonl
  → content/postmortems/2025-03-01-kettle-leak-complaints-go-viral.md

  npm run import -- --dry-run incident.json       # preview a Firebreak incident JSON
  npm run import -- --explain mentions.csv        # see how a file will be read
  npm run import -- --format brandwatch data.txt   # force a format
  npm run import -- --map date=Published --map text=Message --map author=User other-tool.csv

Then: edit the TODOs, confirm or delete the suggested lessons, run \`npm run check\`.
Exit codes: 0 written, 1 bad export (nothing written), 2 bad command line.
Docs: docs/importer.md`;
}

interface CliOptions {
  paths: string[];
  format?: string | undefined;
  adapter: AdapterOptions;
  keep: string[];
  title?: string | undefined;
  slug?: string | undefined;
  /** --out, or undefined for the project's content/postmortems. */
  out?: string | undefined;
  force: boolean;
  dryRun: boolean;
  explain: boolean;
  redact: boolean;
  /** --region, upper-case ISO 3166 codes. */
  phoneRegions: CountryCode[];
  /** --from/--to. */
  window: WindowBounds;
}

function isDateOrder(value: string): value is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(value);
}

function parseCommandLine(argv: string[]): CliOptions | 'help' | 'json-schema' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        channel: { type: 'string' },
        incident: { type: 'string' },
        'brand-handle': { type: 'string', multiple: true, default: [] },
        keep: { type: 'string', multiple: true, default: [] },
        map: { type: 'string', multiple: true, default: [] },
        tz: { type: 'string', default: 'UTC' },
        from: { type: 'string' },
        to: { type: 'string' },
        'date-order': { type: 'string' },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
        explain: { type: 'boolean', default: false },
        region: { type: 'string', multiple: true, default: [] },
        title: { type: 'string' },
        slug: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'no-redact': { type: 'boolean', default: false },
        'json-schema': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs explains well ("Unknown option '--x'"); keep its first sentence only.
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values['json-schema']) return 'json-schema';
  if (positionals.length === 0) throw new UsageError('no export given; expected at least one file or folder');

  const tz = values.tz;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new UsageError(`--tz ${tz} is not a time zone; expected an IANA zone such as UTC or Europe/Berlin`);
  }
  const window: WindowBounds = {};
  for (const edge of ['from', 'to'] as const) {
    const text = values[edge];
    if (text === undefined) continue;
    const at = parseWindowBound(text, tz, edge);
    if (!at) {
      throw new UsageError(
        `--${edge} ${text} is not a date; expected e.g. 2026-03-13, 2026-03-13T09:00 (in --tz) or 2026-03-13T09:00Z`,
      );
    }
    window[edge] = at;
  }
  if (window.from && window.to && window.from > window.to) {
    throw new UsageError(`--from ${values.from} is after --to ${values.to}; expected --from before --to`);
  }
  const dateOrder = values['date-order']?.trim().toLowerCase();
  if (dateOrder !== undefined && !isDateOrder(dateOrder)) {
    throw new UsageError(`--date-order ${values['date-order']} is not a date order; expected dmy, mdy or ymd`);
  }
  if (values.encoding !== undefined && !encodingName(values.encoding)) {
    throw new UsageError(
      `--encoding ${values.encoding} is not an encoding; expected a name such as utf-8, utf-16le or windows-1252`,
    );
  }
  const phoneRegions: CountryCode[] = [];
  for (const entry of values.region) {
    const code = entry.trim().toUpperCase();
    if (!isPhoneRegion(code)) {
      throw new UsageError(`--region ${entry} is not a region code; expected two letters such as GB, US or DE`);
    }
    phoneRegions.push(code);
  }
  const map: Record<string, string> = {};
  for (const entry of values.map) {
    const match = /^([A-Za-z][\w-]*)=(.+)$/.exec(entry);
    if (!match) throw new UsageError(`--map ${entry} is not field=Column; expected e.g. --map date=Published`);
    map[match[1]!] = match[2]!;
  }
  if (values.format !== undefined && !ADAPTERS.some((adapter) => adapter.name === values.format)) {
    throw new UsageError(
      `--format ${values.format} is not a format this importer reads; expected one of: ${ADAPTERS.map((a) => a.name).join(', ')}`,
    );
  }
  const handles = (list: string[]) => list.map((value) => value.trim().replace(/^@/, '').toLowerCase()).filter(Boolean);
  return {
    paths: positionals,
    format: values.format,
    adapter: {
      brandHandles: handles(values['brand-handle']),
      map,
      tz,
      ...(values.channel !== undefined && { channel: values.channel.replace(/^#/, '') }),
      ...(dateOrder !== undefined && { dateOrder }),
      ...(values.encoding !== undefined && { encoding: values.encoding }),
      ...(values.sheet !== undefined && { sheet: values.sheet }),
      ...(values.incident !== undefined && { incident: values.incident }),
    },
    keep: handles(values.keep),
    title: values.title,
    slug: values.slug,
    out: values.out,
    force: values.force,
    dryRun: values['dry-run'],
    explain: values.explain,
    redact: !values['no-redact'],
    phoneRegions,
    window,
  };
}

/** A progress bar on stderr for big inputs when a person is watching; nothing in pipes and CI. */
function progressFor(label: string, size: number): ReadProgress {
  if (!process.stderr.isTTY || size < PROGRESS_MIN_BYTES) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {doneMb}/{totalMb} MB | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(done, total) {
      const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
      if (!started) {
        bar.start(total ?? size, 0, { doneMb: mb(0), totalMb: mb(total ?? size) });
        started = true;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { doneMb: mb(done), totalMb: mb(total ?? size) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** --explain: what each export reads as, on stdout; nothing written. Exit 1 when one cannot be read. */
async function explain(options: CliOptions): Promise<number> {
  const explanations = await explainExports(options.paths, {
    ...options.adapter,
    format: options.format,
    window: options.window,
  });
  process.stdout.write(`${formatExplanations(explanations)}\n`);
  return explanations.some((e) => e.lines.some((line) => line.label === 'cannot read')) ? EXIT_BAD_INPUT : EXIT_OK;
}

async function run(options: CliOptions): Promise<void> {
  const outDir = options.out !== undefined ? resolve(process.cwd(), options.out) : resolve(PROJECT_ROOT, DEFAULT_OUT);
  const { page, incident, exports } = await importExports(options.paths, {
    ...options.adapter,
    format: options.format,
    progress: progressFor,
    title: options.title,
    slug: options.slug,
    redact: options.redact,
    keep: options.keep,
    phoneRegions: options.phoneRegions,
    window: options.window,
    displayDir: displayPath(process.cwd(), outDir) || '.',
  });
  for (const warning of incident.warnings) process.stderr.write(`Warning: ${warning}\n`);
  if (options.dryRun) {
    process.stdout.write(page.content);
    return;
  }
  const written = writeImportedPage(page, outDir, (path) => displayPath(process.cwd(), path), options.force);
  const { lessons } = page.draft.body;
  process.stderr.write(
    `Drafted from ${exports} export${exports === 1 ? '' : 's'}: ${incident.events.length} events, ${lessons.length} suggested lesson${lessons.length === 1 ? '' : 's'}. Edit the TODOs before review.\n`,
  );
  process.stdout.write(`${displayPath(process.cwd(), written)}\n`);
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseCommandLine(argv);
    if (options === 'help') {
      process.stdout.write(`${helpText()}\n`);
      return EXIT_OK;
    }
    if (options === 'json-schema') {
      process.stdout.write(`${JSON.stringify(incidentExportJsonSchema(), null, 2)}\n`);
      return EXIT_OK;
    }
    if (options.explain) return await explain(options);
    if (!options.redact)
      process.stderr.write(
        'Warning: --no-redact keeps personal data of private individuals in the page. Never publish it.\n',
      );
    await run(options);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`firebreak import: ${error.message}. Run with --help for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ImportError) {
      process.stderr.write(`Import failed: ${error.describe()}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`Import failed with an internal error (please report it): ${firstLine(error)}\n`);
    if (process.env['FIREBREAK_DEBUG']) console.error(error);
    return EXIT_INTERNAL;
  }
}

process.exitCode = await main(process.argv.slice(2));
