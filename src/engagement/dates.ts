/**
 * Calendar dates as plain `YYYY-MM-DD` strings, computed in UTC so no time zone or clock ever
 * changes a result. Pure.
 */
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD (2027-02-30 is not). */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const toMs = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date part of an ISO 8601 time (the injected clock's "now"). */
export const dateOf = (iso: string): string => iso.slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** Adds calendar months; a day past the end of the target month becomes its last day (Jan 31 + 1 = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** The first day of the month on or after `date` (a window starting mid-month is rounded up). */
export function monthStartOnOrAfter(date: string): string {
  return date.endsWith('-01') ? date : `${addMonths(date, 1).slice(0, 7)}-01`;
}

/** The window that starts on `start` and lasts `months` calendar months: its last day. */
export function windowEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** Lengths of ISO 8601 duration units in days; months and years are averaged (30 and 365 days). */
const UNIT_DAYS: Record<string, number> = { Y: 365, M: 30, W: 7, D: 1 };
const DURATION = /^P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Days in an ISO 8601 date duration (P30D, P13M, P1Y), or undefined when it is not one. */
export function durationDays(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, y, mo, w, d] = m;
  return (
    Number(y ?? 0) * UNIT_DAYS.Y! +
    Number(mo ?? 0) * UNIT_DAYS.M! +
    Number(w ?? 0) * UNIT_DAYS.W! +
    Number(d ?? 0) * UNIT_DAYS.D!
  );
}

export const maxDate = (dates: readonly string[]): string | undefined =>
  dates.length === 0 ? undefined : dates.reduce((a, b) => (b > a ? b : a));
