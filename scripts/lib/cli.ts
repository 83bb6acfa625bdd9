/**
 * What every command-line entry point (`npm run import`, `npm run check`, `npm run new`) shares:
 * its one usage error and its exit codes. Libraries throw their own error type (the importer's
 * `ImportError`); only these scripts turn errors into exit codes.
 *
 * Exit codes, the same for every script:
 * - 0 (`EXIT_OK`): done;
 * - 1 (`EXIT_BAD_INPUT`): the input or the content is wrong (a bad export, a check that found
 *   errors, a page that already exists), and the message says where;
 * - 2 (`EXIT_USAGE`): the command line is wrong (an unknown or missing flag, a bad value);
 * - 70 (`EXIT_INTERNAL`, EX_SOFTWARE of sysexits.h): a bug in the script; please report it.
 */

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** A mistake on the command line, printed as one line (never a stack trace); exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * A `node:util` parseArgs failure (unknown option, missing value) as a usage error, with a
 * pointer to the command's --help.
 */
export function flagError(error: unknown, command: string): UsageError {
  if (error instanceof UsageError) return error;
  return new UsageError(`${firstLine(error)} (see ${command} -- --help)`);
}

/**
 * The exit code for an error that stopped a script: a usage error is the command line's fault;
 * a file that cannot be read (permissions, a folder named like a page) is bad input and the
 * message names it; anything else is a bug in the script.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  return (error as NodeJS.ErrnoException | undefined)?.code !== undefined ? EXIT_BAD_INPUT : EXIT_INTERNAL;
}
