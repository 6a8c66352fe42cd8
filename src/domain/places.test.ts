import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInArea, isPlaceCode, levelOfCode, lineageOf } from "./places";

const code = fc
  .integer({ min: 1, max: 4 })
  .chain((levels) => fc.stringMatching(new RegExp(`^\\d{${levels * 2}}$`)));

describe("place codes", () => {
  it("knows the level from the length", () => {
    expect(levelOfCode("15")).toBe("province");
    expect(levelOfCode("1501")).toBe("district");
    expect(levelOfCode("150101")).toBe("commune");
    expect(levelOfCode("15010101")).toBe("village");
    expect(levelOfCode("150")).toBeUndefined();
    expect(levelOfCode("15a1")).toBeUndefined();
    expect(isPlaceCode("")).toBe(false);
  });

  it("a code's lineage starts at its province and ends at itself, each a prefix of the next", () => {
    fc.assert(
      fc.property(code, (c) => {
        const lineage = lineageOf(c);
        expect(lineage.at(-1)).toBe(c);
        expect(lineage[0]).toHaveLength(2);
        for (let i = 1; i < lineage.length; i++) expect(lineage[i].startsWith(lineage[i - 1])).toBe(true);
      }),
    );
  });

  it("a place is in an area exactly when one of the area's codes is in its lineage", () => {
    fc.assert(
      fc.property(code, fc.array(code, { maxLength: 4 }), (c, area) => {
        const expected = area.some((a) => lineageOf(c).includes(a));
        expect(isInArea(c, { national: false, codes: area })).toBe(expected);
        expect(isInArea(c, { national: true, codes: [] })).toBe(true);
      }),
    );
  });
});
