import type { Place, PlaceSummary } from "../../../contracts/places";
import { lineageOf } from "../../../domain/places";
import type { PlaceRow, PlaceRowWithCount } from "./places.repo";

export function presentSummary(row: PlaceRow): PlaceSummary {
  return { code: row.code, level: row.level, type: row.type, nameKm: row.nameKm, nameEn: row.nameEn };
}

/** A place with its path (province › district › commune), ancestors looked up in `ancestors`. */
export function presentPlace(row: PlaceRowWithCount, ancestors: Map<string, PlaceRow>): Place {
  const path = lineageOf(row.code)
    .slice(0, -1)
    .map((code) => ancestors.get(code))
    .filter((ancestor): ancestor is PlaceRow => ancestor !== undefined)
    .map(presentSummary);
  return {
    ...presentSummary(row),
    parentCode: row.parentCode,
    nameUngegn: row.nameUngegn,
    lat: row.lat,
    lng: row.lng,
    retired: row.retiredAt !== null,
    path,
    childCount: row.childCount,
  };
}
