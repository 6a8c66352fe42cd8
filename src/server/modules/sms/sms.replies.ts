import { smsSize } from "../../../domain/feedback/sms-segments";
import type { FeedbackStatus } from "../../../domain/feedback/topics";
import { type Locale, message } from "../../platform/messages";

/**
 * What Samleng texts back, in Khmer or English, from the module's catalogue (sms.messages.ts). Every
 * Khmer letter makes an SMS UCS-2 (70 characters a segment), so replies are short: sms.replies.test.ts
 * holds each under two segments with a code in it. Codes, counts and dates are passed as text in Latin
 * digits, as a keypad types them back.
 */

/** Khmer when the sender wrote any Khmer letter, else English (many keypads cannot type Khmer). */
export function replyLocale(inbound: string): Locale {
  return /[\u1780-\u17FF]/.test(inbound) ? "km" : "en";
}

/** 2026-12-17 → 17/12: the year is this year or the next, and the day first as Cambodians write it. */
function dayMonth(isoDate: string): string {
  const [, month, day] = isoDate.split("-");
  return `${day}/${month}`;
}

/**
 * An answer longer than this is cut, with a pointer to the web page (a long SMS costs many parts):
 * by what the answer is written in, since any Khmer letter makes the whole SMS UCS-2.
 */
const ANSWER_CHARS = { ucs2: 180, gsm7: 400 } as const;

function shortAnswer(answer: string, locale: Locale): string {
  const limit = ANSWER_CHARS[smsSize(answer).encoding];
  if (answer.length <= limit) return answer;
  return answer.slice(0, limit) + message("sms_answer_more", locale);
}

export const replies = {
  received: (locale: Locale, code: string, dueOn: string) =>
    message("sms_received", locale, { code, due: dayMonth(dueOn) }),

  status: (locale: Locale, code: string, status: FeedbackStatus, dueOn: string, answer: string | null) => {
    if (status === "answered" && answer) return replies.answer(locale, code, answer);
    if (status === "escalated") return message("sms_status_escalated", locale, { code });
    if (status === "closed") return message("sms_status_closed", locale, { code });
    return message("sms_status_received", locale, { code, due: dayMonth(dueOn) });
  },

  codeUnknown: (locale: Locale) => message("sms_code_unknown", locale),

  targetUnknown: (locale: Locale, target: string) => message("sms_target_unknown", locale, { target }),

  help: (locale: Locale) => message("sms_help", locale),

  stopped: (locale: Locale) => message("sms_stopped", locale),

  answer: (locale: Locale, code: string, answer: string) =>
    message("sms_answer", locale, { code, answer: shortAnswer(answer, locale) }),

  answerReady: (locale: Locale, code: string) => message("sms_answer_ready", locale, { code }),

  /** To staff (not to a sender): messages of theirs due for an answer by the date; a few codes shown. */
  reminder: (locale: Locale, codes: readonly string[], dueOn: string) => {
    const shown = codes.slice(0, 3).join(", ") + (codes.length > 3 ? ` +${codes.length - 3}` : "");
    // The count as text: Latin digits in both languages, like the codes beside it.
    return message("sms_reminder", locale, {
      count: String(codes.length),
      due: dayMonth(dueOn),
      codes: shown,
    });
  },

  escalated: (locale: Locale, code: string) => message("sms_escalated", locale, { code }),
};
