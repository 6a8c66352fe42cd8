import { describe, expect, it } from "vitest";
import { classesOf, NO_DATA, SHADES } from "./area-figures";

/** The map's classes (issue 13, part 8): counts in whole numbers that do not overlap. */
describe("classesOf", () => {
  it("splits counts into whole-number classes, lowest to highest", () => {
    const scale = classesOf([0, 3, 8, 9, null], "count")!;
    expect(scale.lows).toEqual([0, 2, 4, 6, 8]);
    expect(scale.bounds).toEqual([1, 3, 5, 7, 9]);
    expect(scale.shadeOf(0)).toBe(SHADES[0]);
    expect(scale.shadeOf(3)).toBe(SHADES[1]);
    expect(scale.shadeOf(9)).toBe(SHADES[4]);
    expect(scale.shadeOf(null)).toBe(NO_DATA);
  });

  it("makes no more classes than there are whole numbers, and one when all are equal", () => {
    expect(classesOf([1, 2, 3], "count")).toMatchObject({ lows: [1, 2, 3], bounds: [1, 2, 3] });
    expect(classesOf([4, 4], "count")).toMatchObject({ lows: [4], bounds: [4] });
  });

  it("puts every count in a class whose legend holds it, for any spread", () => {
    for (let max = 1; max <= 40; max++) {
      const values = Array.from({ length: max + 1 }, (_, i) => i);
      const scale = classesOf(values, "count")!;
      for (const [index, bound] of scale.bounds.entries()) {
        expect(Number.isInteger(bound) && Number.isInteger(scale.lows[index])).toBe(true);
        expect(scale.lows[index]!).toBeLessThanOrEqual(bound);
        if (index > 0) expect(scale.lows[index]).toBe(scale.bounds[index - 1]! + 1);
      }
      for (const value of values) {
        const index = SHADES.indexOf(scale.shadeOf(value));
        expect(value >= scale.lows[index]! && value <= scale.bounds[index]!, `${value} of 0–${max}`).toBe(
          true,
        );
      }
    }
  });

  it("keeps equal-width classes for shares", () => {
    const scale = classesOf([0, 0.5, 1], "share")!;
    expect(scale.bounds.map((bound) => Math.round(bound * 10) / 10)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(scale.lows[0]).toBe(0);
  });
});
