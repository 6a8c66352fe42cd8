import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createTrackingCode,
  formatTrackingCode,
  normaliseTrackingCode,
  TRACKING_CODE_LENGTH,
} from "./tracking-code";

const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });
const codeFrom = (values: number[]) => {
  let i = 0;
  return createTrackingCode(() => values[i++]!);
};

describe("tracking codes", () => {
  it("are ten digits whose check digit makes them valid", () => {
    fc.assert(
      fc.property(digits, (values) => {
        const code = codeFrom(values);
        expect(code).toMatch(new RegExp(`^\\d{${TRACKING_CODE_LENGTH}}$`));
        expect(code.startsWith(values.join(""))).toBe(true);
        expect(normaliseTrackingCode(code)).toBe(code);
      }),
    );
  });

  it("never accept a code with one digit mistyped", () => {
    fc.assert(
      fc.property(
        digits,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (values, at, shift) => {
          const code = codeFrom(values);
          const wrong = code.slice(0, at) + String((Number(code[at]) + shift) % 10) + code.slice(at + 1);
          expect(normaliseTrackingCode(wrong)).toBeNull();
        },
      ),
    );
  });

  it("never accept a code with two neighbouring digits swapped", () => {
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 8 }), (values, at) => {
        const code = codeFrom(values);
        fc.pre(code[at] !== code[at + 1]);
        const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
        expect(normaliseTrackingCode(swapped)).toBeNull();
      }),
    );
  });

  it("read back as typed: Khmer digits, spaces and dashes", () => {
    const code = codeFrom([4, 8, 2, 1, 0, 9, 3, 7, 5]);
    const shown = formatTrackingCode(code);
    expect(shown).toMatch(/^\d{3} \d{3} \d{4}$/);
    const khmer = shown.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
    expect(normaliseTrackingCode(khmer)).toBe(code);
    expect(normaliseTrackingCode(`${code.slice(0, 5)}-${code.slice(5)}`)).toBe(code);
    expect(normaliseTrackingCode(code.slice(1))).toBeNull();
    expect(normaliseTrackingCode(`${code}1`)).toBeNull();
    expect(normaliseTrackingCode("abcdefghij")).toBeNull();
  });

  it("refuse a random source that does not give digits", () => {
    expect(() => createTrackingCode(() => 10)).toThrow(RangeError);
    expect(() => createTrackingCode(() => 0.5)).toThrow(RangeError);
  });
});
