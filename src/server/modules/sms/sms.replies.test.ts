import { describe, expect, it } from "vitest";
import { smsSize } from "../../../domain/feedback/sms-segments";
import { replies, replyLocale } from "./sms.replies";

const code = "4827105936";
const due = "2026-12-17";

describe("SMS replies", () => {
  it("answers in Khmer when the sender wrote Khmer, else in English", () => {
    expect(replyLocale("150101 បង្គន់ចាក់សោ")).toBe("km");
    expect(replyLocale("150101 toilets locked")).toBe("en");
    expect(replyLocale("4827105936")).toBe("en");
  });

  it("keeps every short reply within two SMS in Khmer and one in English", () => {
    const texts = (locale: "km" | "en") => [
      replies.received(locale, code, due),
      replies.status(locale, code, "received", due, null),
      replies.status(locale, code, "escalated", due, null),
      replies.status(locale, code, "closed", due, null),
      replies.codeUnknown(locale),
      replies.targetUnknown(locale, "KPC-PS-0042"),
      replies.help(locale),
      replies.stopped(locale),
      replies.escalated(locale, code),
      replies.answerReady(locale, code),
      replies.reminder(locale, [code, code, code, code, code], due),
    ];
    for (const text of texts("km")) expect(smsSize(text).segments, text).toBeLessThanOrEqual(2);
    for (const text of texts("en")) expect(smsSize(text), text).toEqual({ encoding: "gsm7", segments: 1 });
  });

  it("gives the answer itself, cut with a pointer to the web when it is long", () => {
    expect(replies.answer("en", code, "The toilets are open again.")).toBe(
      `Answer ${code}: The toilets are open again.`,
    );
    const long = replies.answer("km", code, "ក".repeat(500));
    expect(long).toContain("អានបន្តលើគេហទំព័រ");
    expect(smsSize(long).segments).toBeLessThanOrEqual(4);
    // A Khmer answer to someone who wrote in Latin letters is cut as Khmer: it is UCS-2 all the same.
    expect(smsSize(replies.answer("en", code, "ក".repeat(500))).segments).toBeLessThanOrEqual(4);
  });
});
