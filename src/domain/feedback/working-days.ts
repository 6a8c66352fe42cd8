import { addBusinessDays, format, isWeekend, parseISO } from "date-fns";

/**
 * Working days for answer deadlines (issue 5): a message must be answered within so many working
 * days of its receipt (time-limits.ts). Saturdays and Sundays are skipped. Cambodian public holidays are NOT yet
 * counted: the official list changes every year by sub-decree, so it will come as reference data
 * that an administrator keeps, and this function will then take it as a parameter.
 */

/** `isoDate` (YYYY-MM-DD) moved forward by `n` working days (Monday to Friday). */
export function addWorkingDays(isoDate: string, n: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count of days: ${n}`);
  // Calendar dates (parseISO of a date is that day's midnight): no time zone can move them.
  return n === 0 ? isoDate : format(addBusinessDays(parseISO(isoDate), n), "yyyy-MM-dd");
}

/** True from Monday to Friday (`isoDate` YYYY-MM-DD). */
export function isWorkingDay(isoDate: string): boolean {
  return !isWeekend(parseISO(isoDate));
}
