/** NCDD codes: 2 digits province, 4 district, 6 commune, 8 village; each starts with its parent's code. */
export type PlaceLevel = "province" | "district" | "commune" | "village";

export const PLACE_LEVELS: readonly PlaceLevel[] = ["province", "district", "commune", "village"];

const LEVEL_BY_LENGTH: Record<number, PlaceLevel> = {
  2: "province",
  4: "district",
  6: "commune",
  8: "village",
};

/** True for a well-formed place code (digits, 2/4/6/8 long). */
export function isPlaceCode(code: string): boolean {
  return /^\d+$/.test(code) && code.length in LEVEL_BY_LENGTH;
}

/** The level a code denotes, or undefined when the code is malformed. */
export function levelOfCode(code: string): PlaceLevel | undefined {
  return isPlaceCode(code) ? LEVEL_BY_LENGTH[code.length] : undefined;
}

/** The codes of the place and every ancestor, from the province down: "0102" → ["01", "0102"]. */
export function lineageOf(code: string): string[] {
  const lineage: string[] = [];
  for (let length = 2; length <= code.length; length += 2) lineage.push(code.slice(0, length));
  return lineage;
}

/** True when `code` is `areaCode` itself or lies under it. */
export function isWithin(code: string, areaCode: string): boolean {
  return code.startsWith(areaCode);
}

/** True when `code` lies in at least one of the area codes. */
export function isInArea(code: string, area: { national: boolean; codes: readonly string[] }): boolean {
  return area.national || area.codes.some((areaCode) => isWithin(code, areaCode));
}
