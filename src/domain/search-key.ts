/**
 * Search keys: the same normalisation on the stored name and on the typed query, so that
 * "Batdambang", "bătdâmbâng" and "BATDAMBANG" meet, and Khmer text typed with or without
 * zero-width spaces matches.
 */

/** Lower case, no accents, single spaces, letters and digits only. */
export function latinSearchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Khmer: NFC, zero-width characters removed, single spaces. */
export function khmerSearchKey(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the text contains Khmer script (U+1780–U+17FF, U+19E0–U+19FF). */
export function hasKhmer(text: string): boolean {
  return /[\u1780-\u17FF\u19E0-\u19FF]/.test(text);
}
