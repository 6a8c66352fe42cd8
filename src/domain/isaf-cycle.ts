import { cambodiaDate } from "./periods";

/**
 * The yearly ISAF cycle of one facility (DOMAIN.md, "The ISAF cycle"): its steps in order, and the
 * age bands attendance is counted in.
 */
export const CYCLE_STEPS = [
  "planned",
  "i4c",
  "scorecard",
  "self_assessment",
  "interface_meeting",
  "jaap",
  "follow_up",
  "closed",
] as const;

export type CycleStep = (typeof CYCLE_STEPS)[number];

export function stepIndex(step: CycleStep): number {
  return CYCLE_STEPS.indexOf(step);
}

/** The step after `step`, or null when the cycle is closed. */
export function nextStep(step: CycleStep): CycleStep | null {
  return CYCLE_STEPS[stepIndex(step) + 1] ?? null;
}

/** The steps before the community score card is done: a cycle still at one of them can be late. */
export const LATE_STEPS = ["planned", "i4c", "scorecard"] as const satisfies readonly CycleStep[];

/** Today's date in Cambodia, as YYYY-MM-DD (src/domain/periods.ts). */
export function cambodiaToday(now: Date): string {
  return cambodiaDate(now);
}

/**
 * Late: the planned meeting date (YYYY-MM-DD) is before `today` (Cambodia's date, see cambodiaToday)
 * and the cycle is still planned, at I4C or at the score card (the community score card step is not done).
 */
export function isLate(step: CycleStep, plannedMeetingOn: string | null, today: string): boolean {
  return (
    plannedMeetingOn !== null &&
    plannedMeetingOn < today &&
    (LATE_STEPS as readonly CycleStep[]).includes(step)
  );
}

/**
 * Age bands chosen so that both groups the results report can be counted from them:
 * children are under 18 (under_15 + 15_17), youth are 15–30 (15_17 + 18_30).
 */
export const AGE_BANDS = ["under_15", "15_17", "18_30", "31_59", "60_plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(age: number): AgeBand {
  if (age < 15) return "under_15";
  if (age < 18) return "15_17";
  if (age <= 30) return "18_30";
  if (age < 60) return "31_59";
  return "60_plus";
}

/** Youth as the programme counts them: 15 to 30 years old inclusive. */
export function isYouth(age: number): boolean {
  return age >= 15 && age <= 30;
}

/** A child: under 18. */
export function isChild(age: number): boolean {
  return age < 18;
}

export const SEXES = ["female", "male"] as const;
export type Sex = (typeof SEXES)[number];

/** Attendance counted by sex and age band, e.g. { female: { under_15: 3, ... }, male: { ... } }. */
export type AttendanceBySexAndAge = Record<Sex, Record<AgeBand, number>>;

export function attendanceTotal(attendance: AttendanceBySexAndAge): number {
  let total = 0;
  for (const sex of SEXES) for (const band of AGE_BANDS) total += attendance[sex][band];
  return total;
}

/** The sides at an interface meeting. */
export const INTERFACE_SIDES = ["citizens", "provider", "commune_council", "others"] as const;
export type InterfaceSide = (typeof INTERFACE_SIDES)[number];
export type InterfaceAttendance = Record<InterfaceSide, Record<Sex, number>>;
