/**
 * How the playbook writes a number with its unit. One spelling for every page, so that
 * "60 minutes" on one page and "1 hour" on another can never look like two different rules.
 */

/** A duration given in minutes: "15 minutes", "1 hour", "2 hours", "90 minutes". */
export function duration(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** A multiple of the normal rate: "20×". */
export function multiple(times: number): string {
  return `${times}×`;
}

/** A count of days: "30 days", "5 working days". */
export function days(count: number, kind: 'days' | 'working days' = 'days'): string {
  return count === 1 ? `1 ${kind.replace(/s$/, '')}` : `${count} ${kind}`;
}
