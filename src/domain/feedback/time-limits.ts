import { addWorkingDays } from "./working-days";

/**
 * Time limits for answering citizens (issue 5, part 6), in working days: take the message (assign
 * it or answer) within `acknowledgeDays`, answer within `answerDays`; past the answer's due date the
 * message goes one level up (commune → district → province), and each level gets `escalationDays`.
 */
export interface TimeLimits {
  acknowledgeDays: number;
  answerDays: number;
  escalationDays: number;
}

/** Scopes: `default`, a service (PS, HC, CA), and `child_protection` for the restricted queue. */
export type LimitScope = "default" | "PS" | "HC" | "CA" | "child_protection";
export const LIMIT_SCOPES: readonly LimitScope[] = ["default", "PS", "HC", "CA", "child_protection"];

/** The limits a new installation starts with: a report of harm to a child is answered fastest. */
export const DEFAULT_TIME_LIMITS: Partial<Record<LimitScope, TimeLimits>> = {
  default: { acknowledgeDays: 2, answerDays: 10, escalationDays: 5 },
  child_protection: { acknowledgeDays: 1, answerDays: 3, escalationDays: 2 },
};

const FALLBACK: TimeLimits = DEFAULT_TIME_LIMITS.default!;

/** The limits that apply to a message: child protection first, then its service, then the default. */
export function limitsFor(
  table: Partial<Record<string, TimeLimits>>,
  message: { restricted: boolean; sectorCode: string | null },
): TimeLimits {
  if (message.restricted && table.child_protection) return table.child_protection;
  return (message.sectorCode && table[message.sectorCode]) || table.default || FALLBACK;
}

/** The due dates of a message received on `receivedOn` (Cambodia's date). */
export function dueDates(receivedOn: string, limits: TimeLimits) {
  return {
    acknowledgeDueOn: addWorkingDays(receivedOn, limits.acknowledgeDays),
    answerDueOn: addWorkingDays(receivedOn, limits.answerDays),
  };
}

export type EscalationLevel = "district" | "province";

/** Where an unanswered message goes next: the district, then the province, then nowhere higher. */
export function nextLevel(current: EscalationLevel | null): EscalationLevel | null {
  if (current === null) return "district";
  return current === "district" ? "province" : null;
}

/** Waiting for an answer past its due date (Cambodia's dates, YYYY-MM-DD). */
export function isOverdue(message: { status: string; answerDueOn: string }, today: string): boolean {
  return (message.status === "received" || message.status === "escalated") && today > message.answerDueOn;
}

/** Nobody has taken it, and its time to be taken has passed. */
export function isUntaken(
  message: { status: string; acknowledgedAt: unknown; acknowledgeDueOn: string | null },
  today: string,
): boolean {
  return (
    message.status === "received" &&
    message.acknowledgedAt === null &&
    message.acknowledgeDueOn !== null &&
    today > message.acknowledgeDueOn
  );
}
