import { tz } from "@date-fns/tz";
import { differenceInCalendarDays, format, getMonth, getQuarter, getYear, parseISO } from "date-fns";

/**
 * Cambodia's calendar: the date, month, quarter and year of a moment in Asia/Phnom_Penh. Rollups,
 * due dates and "today" all count by these, so that a message sent at 23:30 in Phnom Penh on
 * 31 December counts in that year, not the next (UTC would say otherwise until 07:00).
 *
 * Dates and zones go through date-fns and @date-fns/tz (the IANA zone), not hand-written offsets
 * or arithmetic. Dates are carried as ISO strings (YYYY-MM-DD), which sort and compare as dates.
 */
export const CAMBODIA_TIME_ZONE = "Asia/Phnom_Penh";

const inCambodia = tz(CAMBODIA_TIME_ZONE);

/** The calendar date in Cambodia at `at`, as YYYY-MM-DD. */
export function cambodiaDate(at: Date): string {
  return format(at, "yyyy-MM-dd", { in: inCambodia });
}

/** The periods a moment counts in: calendar year, quarter (1–4) and month (1–12), in Cambodia. */
export interface Period {
  year: number;
  quarter: number;
  month: number;
}

/** The periods of a date (YYYY-MM-DD) or of a moment (by its date in Cambodia). */
export function periodOf(at: Date | string): Period {
  // A date string is a calendar date already; a moment is read on Cambodia's calendar.
  const day = typeof at === "string" ? parseISO(at) : inCambodia(at);
  return { year: getYear(day), quarter: getQuarter(day), month: getMonth(day) + 1 };
}

export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/** The months (1–12) of a quarter (1–4). */
export function monthsOfQuarter(quarter: number): number[] {
  return [quarter * 3 - 2, quarter * 3 - 1, quarter * 3];
}

/** Whole calendar days from one date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetweenDates(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Calendar days between two moments, by their dates in Cambodia. */
export function cambodiaDaysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(to, from, { in: inCambodia });
}
