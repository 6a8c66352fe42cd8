/**
 * Khmer digits (០–៩, U+17E0–U+17E9) as Latin ones: people type either, on a phone keypad or a
 * Khmer keyboard, and read either aloud.
 */
export function latinDigits(text: string): string {
  return text.replace(/[\u17E0-\u17E9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0));
}
