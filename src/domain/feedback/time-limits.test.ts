import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_LIMITS, dueDates, isOverdue, isUntaken, limitsFor, nextLevel } from "./time-limits";

const table = {
  ...DEFAULT_TIME_LIMITS,
  HC: { acknowledgeDays: 1, answerDays: 5, escalationDays: 3 },
};

describe("time limits", () => {
  it("apply child protection's limits first, then the service's, then the default", () => {
    expect(limitsFor(table, { restricted: true, sectorCode: "HC" })).toBe(table.child_protection);
    expect(limitsFor(table, { restricted: false, sectorCode: "HC" })).toBe(table.HC);
    expect(limitsFor(table, { restricted: false, sectorCode: "PS" })).toBe(table.default);
    expect(limitsFor(table, { restricted: false, sectorCode: null })).toBe(table.default);
    expect(limitsFor({}, { restricted: true, sectorCode: null })).toEqual(DEFAULT_TIME_LIMITS.default);
  });

  it("count due dates in working days from the day of receipt", () => {
    // Friday 4 December 2026: two working days is Tuesday, ten is Friday 18.
    expect(dueDates("2026-12-04", DEFAULT_TIME_LIMITS.default!)).toEqual({
      acknowledgeDueOn: "2026-12-08",
      answerDueOn: "2026-12-18",
    });
  });

  it("escalate to the district, then the province, then no higher", () => {
    expect(nextLevel(null)).toBe("district");
    expect(nextLevel("district")).toBe("province");
    expect(nextLevel("province")).toBeNull();
  });

  it("call a message overdue only while it waits for an answer, and untaken only before anyone took it", () => {
    expect(isOverdue({ status: "received", answerDueOn: "2026-12-04" }, "2026-12-05")).toBe(true);
    expect(isOverdue({ status: "escalated", answerDueOn: "2026-12-04" }, "2026-12-05")).toBe(true);
    expect(isOverdue({ status: "received", answerDueOn: "2026-12-04" }, "2026-12-04")).toBe(false);
    expect(isOverdue({ status: "answered", answerDueOn: "2026-12-04" }, "2026-12-05")).toBe(false);
    const waiting = { status: "received", acknowledgedAt: null, acknowledgeDueOn: "2026-12-04" };
    expect(isUntaken(waiting, "2026-12-05")).toBe(true);
    expect(isUntaken({ ...waiting, acknowledgedAt: new Date() }, "2026-12-05")).toBe(false);
    expect(isUntaken({ ...waiting, acknowledgeDueOn: null }, "2026-12-05")).toBe(false);
  });
});
