import { latinDigits } from "./digits";

/**
 * The tracking code a sender gets for a message (issue 5): ten digits, shown as "482 109 3755".
 *
 * - Digits only: a child types them on any phone keypad and reads them aloud in Khmer or English
 *   without letters that sound or look alike.
 * - Nine random digits from a cryptographic source (the caller's), so codes cannot be guessed: one in
 *   a billion per try, and lookups are rate-limited.
 * - A tenth check digit (Damm's algorithm) catches every single mistyped digit and every swap of two
 *   neighbouring digits, so a typo says "check the code" instead of showing someone else's message.
 */

const RANDOM_DIGITS = 9;
export const TRACKING_CODE_LENGTH = RANDOM_DIGITS + 1;

/** Damm's totally anti-symmetric quasigroup of order 10. */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The Damm check digit of a string of digits: appending it makes dammInterim(...) 0. */
export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = DAMM[interim]![Number(digit)]!;
  return interim;
}

/**
 * A new code. `randomDigit` must return a uniformly random integer 0–9 from a cryptographic source
 * (the server passes node:crypto's randomInt); the domain stays free of I/O.
 */
export function createTrackingCode(randomDigit: () => number): string {
  let digits = "";
  for (let i = 0; i < RANDOM_DIGITS; i++) {
    const digit = randomDigit();
    if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new RangeError(`not a digit: ${digit}`);
    digits += String(digit);
  }
  return digits + String(dammCheckDigit(digits));
}

/**
 * The code as typed (Khmer or Latin digits, spaces, dashes, dots) in its stored form, or null when it
 * is not ten digits or its check digit is wrong.
 */
export function normaliseTrackingCode(input: string): string | null {
  const digits = latinDigits(input).replace(/[\s\-.·]/g, "");
  if (!new RegExp(`^\\d{${TRACKING_CODE_LENGTH}}$`).test(digits)) return null;
  return dammCheckDigit(digits) === 0 ? digits : null;
}

/** "4821093755" → "482 109 3755": groups a person can read aloud and copy. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`;
}
