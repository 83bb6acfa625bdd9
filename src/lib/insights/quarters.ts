/**
 * Calendar quarters in UTC. An incident belongs to the quarter in which it started, read in UTC:
 * `2025-03-31T23:30:00-02:00` is 1 April in UTC and so counts in Q2, the same day the incident
 * page shows.
 */
export interface Quarter {
  /** Sortable key, e.g. `2025-Q2`. */
  key: string;
  /** How a reader says it, e.g. `Q2 2025`. */
  label: string;
  year: number;
  /** 1–4. */
  quarter: number;
}

function make(year: number, quarter: number): Quarter {
  return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}`, year, quarter };
}

export function quarterOf(date: Date): Quarter {
  return make(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
}

/** Serial number of a quarter, so ranges can be walked without gaps. */
function serial(q: Quarter): number {
  return q.year * 4 + (q.quarter - 1);
}

/** Every quarter from `first` to `last`, both included, empty quarters too (a gap in the trend is real). */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let s = serial(first); s <= serial(last); s++) out.push(make(Math.floor(s / 4), (s % 4) + 1));
  return out;
}
