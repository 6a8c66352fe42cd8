import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay } from "./working-days";

describe("working days", () => {
  it("skip Saturdays and Sundays", () => {
    // 2026-03-02 is a Monday.
    expect(addWorkingDays("2026-03-02", 1)).toBe("2026-03-03");
    expect(addWorkingDays("2026-03-06", 1)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-02", 10)).toBe("2026-03-16");
    expect(addWorkingDays("2026-03-02", 0)).toBe("2026-03-02");
  });

  it("count from a weekend day to the Monday after", () => {
    expect(addWorkingDays("2026-03-07", 1)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-08", 10)).toBe("2026-03-20");
  });

  it("cross months and leap days", () => {
    expect(addWorkingDays("2028-02-25", 2)).toBe("2028-02-29");
    expect(addWorkingDays("2026-12-24", 10)).toBe("2027-01-07");
  });

  it("refuse what is not a date or a count", () => {
    expect(() => addWorkingDays("7 March", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-02", -1)).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it("is Monday to Friday", () => {
    expect(isWorkingDay("2026-12-04")).toBe(true); // Friday
    expect(isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-06")).toBe(false); // Sunday
    expect(isWorkingDay("2026-12-07")).toBe(true); // Monday
  });
});
