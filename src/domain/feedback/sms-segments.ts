/**
 * How many SMS a text takes (issue 5: "Khmer messages are UCS-2, 70 characters a segment"). A text
 * in the GSM 7-bit alphabet fits 160 characters in one SMS and 153 per part when split; any other
 * character (every Khmer letter) makes the whole text UCS-2: 70, then 67 per part, counted in UTF-16
 * code units. Replies are kept short by testing their templates against this count.
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Characters of the extension table: each takes two septets (an escape, then the character). */
const GSM_EXTENDED = "^{}\\[~]|€\f";

export interface SmsSize {
  encoding: "gsm7" | "ucs2";
  segments: number;
}

export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENDED.includes(char)) septets += 2;
    else {
      const units = text.length;
      return { encoding: "ucs2", segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: "gsm7", segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
