import type { FacilityInput } from "../../../contracts/facilities";
import { inArea } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { FieldError } from "../../platform/errors";
import { LEVEL_NAMES } from "../../platform/platform.messages";
import type { PlaceRow } from "../places/places.service";

/** What reference checks need, loaded once (a whole import file is checked against one copy). */
export interface ReferenceSets {
  kindCodes: Set<string>;
  activeServiceTypeCodes: Set<string>;
  places: Map<string, Pick<PlaceRow, "code" | "level" | "retiredAt">>;
}

/**
 * Checks that the codes a facility refers to exist and fit together: a known kind, a commune, a village
 * in that commune, known active service types, known catchment places, GPS given as a pair, and the
 * commune inside the actor's area. Returns every problem, not just the first.
 */
export function checkReferences(input: FacilityInput, refs: ReferenceSets, actor: Actor): FieldError[] {
  const errors: FieldError[] = [];
  if (!refs.kindCodes.has(input.kindCode)) {
    errors.push({ path: "kindCode", code: "unknown_facility_kind", params: { code: input.kindCode } });
  }
  const commune = refs.places.get(input.communeCode);
  if (!commune)
    errors.push({ path: "communeCode", code: "unknown_place", params: { code: input.communeCode } });
  else if (commune.level !== "commune") {
    errors.push({
      path: "communeCode",
      code: "place_wrong_level",
      params: { code: input.communeCode, level: LEVEL_NAMES.commune },
    });
  } else if (!inArea(actor, input.communeCode)) {
    errors.push({ path: "communeCode", code: "place_out_of_area", params: { code: input.communeCode } });
  }
  if (input.villageCode) {
    const village = refs.places.get(input.villageCode);
    if (!village)
      errors.push({ path: "villageCode", code: "unknown_place", params: { code: input.villageCode } });
    else if (village.level !== "village") {
      errors.push({
        path: "villageCode",
        code: "place_wrong_level",
        params: { code: input.villageCode, level: LEVEL_NAMES.village },
      });
    } else if (!input.villageCode.startsWith(input.communeCode)) {
      errors.push({
        path: "villageCode",
        code: "village_not_in_commune",
        params: { code: input.villageCode },
      });
    }
  }
  const hasLat = input.lat !== null && input.lat !== undefined;
  const hasLng = input.lng !== null && input.lng !== undefined;
  if (hasLat !== hasLng) errors.push({ path: hasLat ? "lng" : "lat", code: "invalid_coordinates" });
  input.serviceTypeCodes.forEach((code, index) => {
    if (!refs.activeServiceTypeCodes.has(code)) {
      errors.push({ path: `serviceTypeCodes.${index}`, code: "unknown_service_type", params: { code } });
    }
  });
  input.catchmentCodes.forEach((code, index) => {
    if (!refs.places.has(code))
      errors.push({ path: `catchmentCodes.${index}`, code: "unknown_place", params: { code } });
  });
  return errors;
}
