import { FACILITY_AUDITED_FIELDS, type FacilityInput } from "../../../contracts/facilities";
import { khmerSearchKey, latinSearchKey } from "../../../domain/search-key";
import type { FacilityRow } from "./facilities.repo";

/** How a facility input becomes table columns and audit values: one place for create, update and import. */

/** The fields a change is audited by. */
export const AUDITED_FIELDS = FACILITY_AUDITED_FIELDS;

export type Auditable = Record<(typeof AUDITED_FIELDS)[number], unknown>;

/** The text the registry's free-text filter matches: code, Latin name and Khmer name, normalised. */
export function facilitySearchText(input: Pick<FacilityInput, "code" | "nameEn" | "nameKm">): string {
  return `${latinSearchKey(input.code)} ${latinSearchKey(input.nameEn)} ${khmerSearchKey(input.nameKm)}`;
}

/** Province, district and commune codes, derived from the commune code. */
export function placeColumns(input: Pick<FacilityInput, "communeCode" | "villageCode">) {
  return {
    provinceCode: input.communeCode.slice(0, 2),
    districtCode: input.communeCode.slice(0, 4),
    communeCode: input.communeCode,
    villageCode: input.villageCode ?? null,
  };
}

/** The table columns a facility input sets. */
export function columnsOf(input: FacilityInput) {
  return {
    code: input.code,
    kindCode: input.kindCode,
    nameKm: input.nameKm,
    nameEn: input.nameEn,
    ...placeColumns(input),
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    contactName: input.contactName ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
    searchText: facilitySearchText(input),
  };
}

export function auditable(
  input: FacilityInput | FacilityRow,
  services: string[],
  catchment: string[],
): Auditable {
  const row = input as Partial<FacilityRow> & FacilityInput;
  return {
    code: row.code,
    kindCode: row.kindCode,
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    communeCode: row.communeCode,
    villageCode: row.villageCode ?? null,
    lat: row.lat ?? null,
    lng: row.lng ?? null,
    contactName: row.contactName ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    address: row.address ?? null,
    serviceTypeCodes: [...services].sort(),
    catchmentCodes: [...catchment].sort(),
    active: row.active ?? true,
    deactivationReason: row.deactivationReason ?? null,
  };
}
