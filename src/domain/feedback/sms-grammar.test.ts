import { describe, expect, it } from "vitest";
import { parseSms } from "./sms-grammar";
import { createTrackingCode } from "./tracking-code";

describe("the SMS grammar", () => {
  it("reads a commune or facility code, then the message, in Khmer or Latin digits", () => {
    expect(parseSms("150101 បង្គន់សាលាត្រូវបានចាក់សោ")).toEqual({
      kind: "message",
      target: "150101",
      text: "បង្គន់សាលាត្រូវបានចាក់សោ",
    });
    expect(parseSms("  ១៥០១០១   the toilets   are locked ")).toEqual({
      kind: "message",
      target: "150101",
      text: "the toilets are locked",
    });
    expect(parseSms("#PS-1501-07 no teacher today")).toMatchObject({ kind: "message", target: "PS-1501-07" });
  });

  it("reads STOP in English or Khmer, in any case", () => {
    for (const text of ["STOP", "stop", " Stop please", "ឈប់"])
      expect(parseSms(text)).toEqual({ kind: "stop" });
  });

  it("reads a tracking code alone as a status question, however it is spaced", () => {
    let i = 0;
    const code = createTrackingCode(() => [4, 8, 2, 1, 0, 9, 3, 7, 5][i++]!);
    expect(parseSms(`${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`)).toEqual({
      kind: "status",
      code,
    });
  });

  it("says why it cannot read the rest", () => {
    expect(parseSms("   ")).toEqual({ kind: "unreadable", reason: "empty" });
    expect(parseSms("សួស្តី")).toEqual({ kind: "unreadable", reason: "no_target" });
    expect(parseSms("hello there")).toEqual({ kind: "unreadable", reason: "no_target" });
    expect(parseSms("150101")).toEqual({ kind: "unreadable", reason: "no_text" });
  });
});
