import { describe, expect, it } from "vitest";
import { ageBandOf, CYCLE_STEPS, cambodiaToday, isLate, nextStep } from "./isaf-cycle";

describe("the ISAF cycle", () => {
  it("runs planned → I4C → score card → self-assessment → interface meeting → JAAP → follow-up → closed", () => {
    expect(CYCLE_STEPS).toEqual([
      "planned",
      "i4c",
      "scorecard",
      "self_assessment",
      "interface_meeting",
      "jaap",
      "follow_up",
      "closed",
    ]);
    expect(nextStep("planned")).toBe("i4c");
    expect(nextStep("closed")).toBeNull();
  });

  it("puts ages in bands that count children (<18) and youth (15–30) exactly", () => {
    expect([14, 15, 17, 18, 30, 31, 59, 60].map(ageBandOf)).toEqual([
      "under_15",
      "15_17",
      "15_17",
      "18_30",
      "18_30",
      "31_59",
      "31_59",
      "60_plus",
    ]);
  });

  it("calls a cycle late when its planned meeting day has passed in Cambodia and the score card is not done", () => {
    expect(isLate("planned", "2026-03-01", "2026-03-02")).toBe(true);
    expect(isLate("i4c", "2026-03-01", "2026-03-02")).toBe(true);
    expect(isLate("scorecard", "2026-03-01", "2026-03-02")).toBe(true);
    // The meeting day itself is not late yet, nor is a cycle without a date.
    expect(isLate("planned", "2026-03-02", "2026-03-02")).toBe(false);
    expect(isLate("planned", null, "2026-03-02")).toBe(false);
    // Once the community score card step is done, the cycle is never late.
    for (const step of ["self_assessment", "interface_meeting", "jaap", "follow_up", "closed"] as const)
      expect(isLate(step, "2020-01-01", "2026-03-02")).toBe(false);
  });

  it("takes today's date in Cambodia (UTC+7), not in UTC", () => {
    expect(cambodiaToday(new Date("2026-03-01T16:59:59Z"))).toBe("2026-03-01");
    expect(cambodiaToday(new Date("2026-03-01T17:00:00Z"))).toBe("2026-03-02");
    expect(cambodiaToday(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
  });
});
