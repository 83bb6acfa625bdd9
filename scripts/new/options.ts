import { parseArgs } from 'node:util';
import { postmortemFields } from '../../src/schema/postmortem.ts';
import { SEVERITIES } from '../../src/schema/severity.ts';
import { CRISIS_TYPES, PLATFORMS, type CrisisType, type Platform } from '../../src/schema/taxonomy.ts';
import { isValidSlug, SLUG_MAX } from '../../src/schema/slug.ts';
import { flagError, UsageError } from '../lib/cli.ts';

export const USAGE = `Usage: npm run new -- --title "Promo code leaked on X" [options]

Creates content/postmortems/<date>-<slug>.md: a draft post-mortem with every field and section
in place, each with a hint of what belongs there. On a terminal, it asks for what you leave out.

Options:
  --title TEXT       the incident in a few words (5 to 120 characters)        required
  --date YYYY-MM-DD  the day it started                                       default: today
  --severity 1-4     peak severity: 1 critical, 2 high, 3 elevated, 4 watch   default: 3
  --type TYPE        crisis type: ${CRISIS_TYPES.join(', ')}
                                                                              default: other
  --platform NAME    where it played out; repeat for several, the first is where it started:
                     ${PLATFORMS.join(', ')}
                                                                              default: other
  --slug SLUG        the file name part after the date                        default: from the title
  --dir DIR          folder to write into                                     default: content/postmortems
  --help             show this text`;

/** The flags as given; each may be missing (then asked for on a terminal, or defaulted). */
export interface NewFlags {
  title?: string;
  date?: string;
  severity?: number;
  crisisType?: CrisisType;
  platforms?: Platform[];
  slug?: string;
  dir?: string;
  help: boolean;
}

export function parseFlags(argv: readonly string[]): NewFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        title: { type: 'string' },
        date: { type: 'string' },
        severity: { type: 'string' },
        type: { type: 'string' },
        platform: { type: 'string', multiple: true },
        slug: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // parseArgs explains unknown or incomplete options well; keep its first sentence.
    throw flagError(error, 'npm run new');
  }
  const flags: NewFlags = { help: values.help ?? false };
  if (values.title !== undefined) flags.title = checkTitle(values.title, '--title');
  if (values.date !== undefined) flags.date = checkDate(values.date, '--date');
  if (values.severity !== undefined) flags.severity = checkSeverity(values.severity);
  if (values.type !== undefined) flags.crisisType = checkCrisisType(values.type);
  if (values.platform !== undefined) flags.platforms = values.platform.flatMap((p) => p.split(',')).map(checkPlatform);
  if (values.slug !== undefined) flags.slug = checkSlug(values.slug);
  if (values.dir !== undefined) flags.dir = values.dir;
  return flags;
}

/** Returns an error message for a bad title, using the schema's own rule, or undefined. */
export function titleProblem(title: string): string | undefined {
  const result = postmortemFields.shape.title.safeParse(title);
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function checkTitle(title: string, where: string): string {
  const problem = titleProblem(title);
  if (problem) throw new UsageError(`${where}: ${problem} (got ${JSON.stringify(title)})`);
  return title.trim();
}

/** Returns an error message for a date that is not a real YYYY-MM-DD day, or undefined. */
export function dateProblem(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return 'expected a date as YYYY-MM-DD, e.g. 2026-03-14';
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date)
    return `${date} is not a day of the calendar`;
  return undefined;
}

function checkDate(date: string, where: string): string {
  const problem = dateProblem(date);
  if (problem) throw new UsageError(`${where}: ${problem}`);
  return date;
}

function checkSeverity(value: string): number {
  const severity = Number(value);
  if (!SEVERITIES.includes(severity as (typeof SEVERITIES)[number])) {
    throw new UsageError(`--severity: expected 1 (critical), 2 (high), 3 (elevated) or 4 (watch), got "${value}"`);
  }
  return severity;
}

function checkCrisisType(value: string): CrisisType {
  if (!(CRISIS_TYPES as readonly string[]).includes(value)) {
    throw new UsageError(`--type: expected one of ${CRISIS_TYPES.join(', ')}; got "${value}"`);
  }
  return value as CrisisType;
}

function checkPlatform(value: string): Platform {
  const name = value.trim();
  if (!(PLATFORMS as readonly string[]).includes(name)) {
    throw new UsageError(`--platform: expected one of ${PLATFORMS.join(', ')}; got "${value}"`);
  }
  return name as Platform;
}

function checkSlug(slug: string): string {
  if (!isValidSlug(slug)) {
    throw new UsageError(
      `--slug: expected lowercase letters, digits and single dashes, at most ${SLUG_MAX} characters (e.g. promo-code-leak); got "${slug}"`,
    );
  }
  return slug;
}
