/**
 * The one error an import can end with: it names the file, the place inside it and what was
 * expected, and the CLI prints it as a single line (never a stack trace) and exits non-zero.
 */
export class ImportError extends Error {
  /** The export (or zip entry) at fault, as given on the command line. */
  readonly file: string;
  /** Where in it: "row 12", "line 3", "entry general/2024-01-02.json", "column Date". */
  readonly location: string | undefined;

  constructor(file: string, message: string, location?: string) {
    super(message);
    this.name = 'ImportError';
    this.file = file;
    this.location = location;
  }

  /** `file (row 12): message`, as printed by the CLI. */
  describe(): string {
    return `${this.file}${this.location ? ` (${this.location})` : ''}: ${this.message}`;
  }
}
