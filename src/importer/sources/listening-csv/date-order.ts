import { ImportError } from '../../errors.ts';
import { numericDateParts, type DateOrder } from './dates.ts';

/**
 * Inferring the day/month order of a date column from its values. One value decides it when a
 * number is over 12 (13/08/2025 can only be day first); the column is read in one order or
 * not at all, so values that decide differently are a refusal, as is a column where no value
 * decides (every date up to the 12th) — then only the user knows, and `--date-order` says it.
 */

/** Where a value was seen, for messages: `row 3 (line 5)`. */
export interface DatedValue {
  text: string;
  where: string;
}

export class DateOrderEvidence {
  /** First value that says day first / month first. */
  #dayFirst: DatedValue | undefined;
  #monthFirst: DatedValue | undefined;
  /** First numeric value that says neither (both numbers 12 or less). */
  #undecided: DatedValue | undefined;
  #allDotted = true;
  #numeric = 0;

  /** Looks at one date cell. */
  add(text: string, where: string): void {
    const parts = numericDateParts(text);
    if (!parts) return;
    this.#numeric++;
    if (!parts.dotted) this.#allDotted = false;
    if (parts.first > 12 && parts.second <= 12) this.#dayFirst ??= { text, where };
    else if (parts.second > 12 && parts.first <= 12) this.#monthFirst ??= { text, where };
    else this.#undecided ??= { text, where };
  }

  /** True once the column's order is known (or known to be contradictory). */
  get decided(): boolean {
    return this.#dayFirst !== undefined || this.#monthFirst !== undefined;
  }

  /** True when the only numeric dates were dotted (13.08.2025): day first by convention. */
  get sawDotted(): boolean {
    return this.#numeric > 0 && this.#allDotted && !this.decided;
  }

  /** True when numeric dates were seen that no value has decided yet. */
  get open(): boolean {
    return this.#numeric > 0 && !this.decided && !this.#allDotted;
  }

  /**
   * The order the values say, undefined when there were no numeric dates (or only dotted ones,
   * which are day first by convention). Throws ImportError when they contradict each other, or
   * when `final` and nothing decided.
   */
  order(file: string, column: string, final: boolean): DateOrder | undefined {
    const day = this.#dayFirst;
    const month = this.#monthFirst;
    if (day && month) {
      throw new ImportError(
        file,
        `column "${column}" holds ${JSON.stringify(day.text)} (${day.where}), which is day first, and ${JSON.stringify(month.text)} (${month.where}), which is month first; expected one order in the whole column — fix the rows, or pass --date-order to say which is right`,
        `${month.where}, column ${column}`,
      );
    }
    if (day) return 'dmy';
    if (month) return 'mdy';
    if (this.#numeric === 0 || this.#allDotted) return undefined;
    if (!final) return undefined;
    const example = this.#undecided!;
    throw new ImportError(
      file,
      `column "${column}" holds ${JSON.stringify(example.text)}, and no date in the column says whether the day or the month comes first; pass --date-order dmy (day first) or --date-order mdy (month first)`,
      `${example.where}, column ${column}`,
    );
  }
}
