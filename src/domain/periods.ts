/**
 * Cambodia's calendar: the date, month, quarter and year of a moment in Asia/Phnom_Penh. Rollups,
 * due dates and "today" all count by these, so that a message sent at 23:30 in Phnom Penh on
 * 31 December counts in that year, not the next (UTC would say otherwise until 07:00).
 *
 * The time-zone conversion is the platform's (Intl with the IANA zone), not hand-written offsets.
 * Dates are carried as ISO strings (YYYY-MM-DD), which sort and compare as dates.
 */
export const CAMBODIA_TIME_ZONE = "Asia/Phnom_Penh";

// en-CA formats as YYYY-MM-DD; one formatter, made once (creating one costs far more than using it).
const DATE_IN_CAMBODIA = new Intl.DateTimeFormat("en-CA", {
  timeZone: CAMBODIA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Cambodia at `at`, as YYYY-MM-DD. */
export function cambodiaDate(at: Date): string {
  return DATE_IN_CAMBODIA.format(at);
}

/** The periods a moment counts in: calendar year, quarter (1–4) and month (1–12), in Cambodia. */
export interface Period {
  year: number;
  quarter: number;
  month: number;
}

/** The periods of a date (YYYY-MM-DD) or of a moment (by its date in Cambodia). */
export function periodOf(at: Date | string): Period {
  const date = typeof at === "string" ? at : cambodiaDate(at);
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), quarter: quarterOfMonth(month), month };
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
  // Both dates at UTC midnight: whole days apart, whatever the host's zone.
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Calendar days between two moments, by their dates in Cambodia. */
export function cambodiaDaysBetween(from: Date, to: Date): number {
  return daysBetweenDates(cambodiaDate(from), cambodiaDate(to));
}
