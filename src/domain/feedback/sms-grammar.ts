import { latinDigits } from "./digits";
import { normaliseTrackingCode } from "./tracking-code";

/**
 * What an inbound SMS asks for (issue 5, "SMS in"). The grammar is meant to be learnt from a poster:
 *
 * - `STOP` (or ឈប់): no more messages to this number;
 * - a tracking code alone: the status of that message;
 * - a place or facility code, then the message: new feedback about that commune or facility
 *   ("150101 the school toilets are locked");
 * - anything else is unreadable, and the reply explains the grammar.
 *
 * Digits may be Khmer or Latin; the case of STOP, extra spaces and a leading `#` or `*` do not
 * matter. Whether the code names a real commune or facility (compared without case) is for the
 * server to say.
 */
export type SmsRequest =
  | { kind: "stop" }
  | { kind: "status"; code: string }
  | { kind: "message"; target: string; text: string }
  | { kind: "unreadable"; reason: "empty" | "no_target" | "no_text" };

const STOP_WORDS = new Set(["stop", "ឈប់", "stopall", "unsubscribe"]);
/** A commune (or other place) code, or a facility code (src/contracts/facilities.ts: [A-Za-z0-9._-]). */
const TARGET = /^[A-Za-z0-9._-]{2,40}$/;

/** The message as the sender meant it, whitespace tidied (Khmer has no spaces between words, so keep its own). */
function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function parseSms(raw: string): SmsRequest {
  const text = tidy(raw.replace(/^[#*]+/, ""));
  if (text === "") return { kind: "unreadable", reason: "empty" };
  const [first = "", ...rest] = text.split(" ");
  if (STOP_WORDS.has(first.toLowerCase())) return { kind: "stop" };
  const code = normaliseTrackingCode(text);
  if (code) return { kind: "status", code };
  const target = latinDigits(first);
  if (!TARGET.test(target) || !/\d/.test(target)) return { kind: "unreadable", reason: "no_target" };
  const message = rest.join(" ").trim();
  if (message === "") return { kind: "unreadable", reason: "no_text" };
  return { kind: "message", target, text: message };
}
