import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPhone, normalisePhone } from "./phone";
import { smsSize } from "./sms-segments";

describe("normalisePhone", () => {
  it("reads a Cambodian number however it is written", () => {
    for (const typed of ["012 345 678", "+855 12 345 678", "0085512345678", "(012) 345-678", "០១២៣៤៥៦៧៨"])
      expect(normalisePhone(typed)).toBe("85512345678");
    expect(normalisePhone("097 1234 567")).toBe("855971234567");
  });

  it("keeps other countries' numbers in international form", () => {
    expect(normalisePhone("+66 81 234 5678")).toBe("66812345678");
  });

  it("refuses what cannot be a number", () => {
    for (const typed of ["", "hello", "12", "+855 0 12 345", "0123", "+1234567890123456", "012-345-678x"])
      expect(normalisePhone(typed)).toBeNull();
  });

  it("formats the canonical form back for a person to dial, and reads its own output", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), (subscriber) => {
        const canonical = `855${subscriber}`;
        expect(normalisePhone(formatPhone(canonical))).toBe(canonical);
      }),
    );
    expect(formatPhone("85512345678")).toBe("012 345 678");
    expect(formatPhone("66812345678")).toBe("+66812345678");
  });
});

describe("smsSize", () => {
  it("counts plain Latin text in 7-bit segments of 160, then 153", () => {
    expect(smsSize("a".repeat(160))).toEqual({ encoding: "gsm7", segments: 1 });
    expect(smsSize("a".repeat(161))).toEqual({ encoding: "gsm7", segments: 2 });
    expect(smsSize("€".repeat(80))).toEqual({ encoding: "gsm7", segments: 1 });
    expect(smsSize("€".repeat(81))).toEqual({ encoding: "gsm7", segments: 2 });
  });

  it("counts any Khmer text as UCS-2: 70, then 67 per part", () => {
    expect(smsSize("ក".repeat(70))).toEqual({ encoding: "ucs2", segments: 1 });
    expect(smsSize(`a${"ក".repeat(70)}`)).toEqual({ encoding: "ucs2", segments: 2 });
    expect(smsSize("ក".repeat(134))).toEqual({ encoding: "ucs2", segments: 2 });
    expect(smsSize("ក".repeat(135))).toEqual({ encoding: "ucs2", segments: 3 });
  });
});
