import { latinDigits } from "./digits";

/**
 * Phone numbers as one canonical string of digits with the country code, so that "012 345 678",
 * "+855 12 345 678" and "៨៥៥១២៣៤៥៦៧៨" are the same sender (opt-outs and repeats are found by a hash
 * of this form). Cambodian numbers are the default: a leading 0 is the trunk prefix for 855.
 * Returns null when what was typed cannot be a phone number.
 */
export function normalisePhone(typed: string): string | null {
  const compact = latinDigits(typed).replace(/[\s().-]/g, "");
  if (!/^\+?\d+$/.test(compact)) return null;
  let digits = compact.replace(/^\+/, "");
  if (compact.startsWith("00")) digits = compact.slice(2);
  else if (!compact.startsWith("+") && compact.startsWith("0")) digits = `855${compact.slice(1)}`;
  // Cambodian subscriber numbers have 8 or 9 digits after the trunk 0; E.164 allows 15 digits in all.
  if (digits.startsWith("855")) return /^855[1-9]\d{7,8}$/.test(digits) ? digits : null;
  return /^[1-9]\d{6,14}$/.test(digits) ? digits : null;
}

/** The number as a person would dial it in Cambodia (0 12 345 678), or in international form. */
export function formatPhone(canonical: string): string {
  if (!canonical.startsWith("855")) return `+${canonical}`;
  const local = canonical.slice(3);
  return `0${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}`;
}
