import { smsSize } from "../../../domain/feedback/sms-segments";
import type { FeedbackStatus } from "../../../domain/feedback/topics";
import type { Locale } from "../../platform/messages";

/**
 * What Samleng texts back, in Khmer or English. Every Khmer letter makes an SMS UCS-2 (70 characters
 * a segment), so replies are short: sms.replies.test.ts holds each under two segments with a code in
 * it. Codes and dates are in Latin digits, as a keypad types them back.
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
  const more = locale === "km" ? "… (អានបន្តលើគេហទំព័រ)" : "… (read the rest on the web)";
  return answer.slice(0, limit) + more;
}

export const replies = {
  received: (locale: Locale, code: string, dueOn: string) =>
    locale === "km"
      ? `អរគុណ។ លេខកូដ ${code}។ ចម្លើយមុន ${dayMonth(dueOn)}។ ផ្ញើលេខកូដដើម្បីតាមដាន។`
      : `Thank you. Your code is ${code}. Answer due by ${dayMonth(dueOn)}. Text the code to check.`,

  status: (locale: Locale, code: string, status: FeedbackStatus, dueOn: string, answer: string | null) => {
    if (status === "answered" && answer)
      return locale === "km"
        ? `ចម្លើយ ${code}៖ ${shortAnswer(answer, locale)}`
        : `Answer ${code}: ${shortAnswer(answer, locale)}`;
    if (status === "escalated")
      return locale === "km" ? `${code}៖ ហួសពេល បានបញ្ជូនទៅថ្នាក់លើ។` : `${code}: late, sent to the office above.`;
    if (status === "closed") return locale === "km" ? `${code}៖ បានបិទ។` : `${code}: closed.`;
    return locale === "km"
      ? `${code}៖ បានទទួល។ ចម្លើយមុន ${dayMonth(dueOn)}។`
      : `${code}: received. Answer due by ${dayMonth(dueOn)}.`;
  },

  codeUnknown: (locale: Locale) =>
    locale === "km"
      ? "គ្មានសារមានលេខកូដនេះទេ។ ពិនិត្យលេខ ១០ខ្ទង់។"
      : "No message has this code. Check its 10 digits.",

  targetUnknown: (locale: Locale, target: string) =>
    locale === "km"
      ? `គ្មានឃុំ ឬសាលាមានលេខកូដ ${target} ទេ។ ពិនិត្យហើយផ្ញើម្តងទៀត។`
      : `No commune or facility has code ${target}. Check it and send again.`,

  help: (locale: Locale) =>
    locale === "km"
      ? "សរសេរលេខកូដឃុំ ឬសាលា ដកឃ្លា រួចសារ។ ឧ. 150101 បង្គន់ចាក់សោ"
      : "Write the commune or facility code, a space, then your message. Example: 150101 toilets locked",

  stopped: (locale: Locale) =>
    locale === "km"
      ? "អ្នកនឹងលែងទទួលសារពីយើង។ សរសេរមកវិញពេលណាក៏បាន។"
      : "You will get no more SMS from us. Write again any time.",

  answer: (locale: Locale, code: string, answer: string) =>
    locale === "km"
      ? `ចម្លើយ ${code}៖ ${shortAnswer(answer, locale)}`
      : `Answer ${code}: ${shortAnswer(answer, locale)}`,

  answerReady: (locale: Locale, code: string) =>
    locale === "km"
      ? `មានចម្លើយសម្រាប់ ${code}។ ផ្ញើលេខកូដ ឬមើលលើគេហទំព័រ។`
      : `An answer to ${code} is ready. Text the code or read it on the web.`,

  /** To staff (not to a sender): messages of theirs due for an answer by the date; a few codes shown. */
  reminder: (locale: Locale, codes: readonly string[], dueOn: string) => {
    const shown = codes.slice(0, 3).join(", ") + (codes.length > 3 ? ` +${codes.length - 3}` : "");
    return locale === "km"
      ? `សំឡេង៖ សារ ${codes.length} រង់ចាំចម្លើយរបស់អ្នកមុន ${dayMonth(dueOn)}៖ ${shown}`
      : `Samleng: ${codes.length} message(s) wait for your answer by ${dayMonth(dueOn)}: ${shown}`;
  },

  escalated: (locale: Locale, code: string) =>
    locale === "km"
      ? `${code}៖ មិនទាន់មានចម្លើយ បានបញ្ជូនទៅថ្នាក់លើ។`
      : `${code}: not answered in time, sent to the office above.`,
};
