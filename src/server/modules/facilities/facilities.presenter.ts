import type { Facility, FacilityListItem } from "../../../contracts/facilities";
import type { PlaceRow } from "../places/places.service";
import { presentSummary } from "../places/places.service";
import type { FacilityKindRow, FacilityRow, ServiceTypeRow } from "./facilities.repo";

export interface Lookups {
  kinds: Map<string, FacilityKindRow>;
  serviceTypes: Map<string, ServiceTypeRow>;
  places: Map<string, PlaceRow>;
}

function presentKind(kind: FacilityKindRow | undefined, code: string) {
  return kind
    ? { code: kind.code, nameKm: kind.nameKm, nameEn: kind.nameEn, isafSector: kind.isafSector }
    : { code, nameKm: code, nameEn: code, isafSector: false };
}

function pathOf(row: FacilityRow, places: Map<string, PlaceRow>) {
  return [row.provinceCode, row.districtCode, row.communeCode, row.villageCode]
    .map((code) => (code ? places.get(code) : undefined))
    .filter((place): place is PlaceRow => place !== undefined)
    .map(presentSummary);
}

export function presentListItem(
  row: FacilityRow,
  serviceTypeCodes: string[],
  lookups: Lookups,
): FacilityListItem {
  return {
    id: row.id,
    code: row.code,
    kind: presentKind(lookups.kinds.get(row.kindCode), row.kindCode),
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    path: pathOf(row, lookups.places),
    lat: row.lat,
    lng: row.lng,
    active: row.active,
    isDemo: row.isDemo,
    serviceTypeCodes,
  };
}

export function presentFacility(
  row: FacilityRow,
  serviceTypeCodes: string[],
  catchmentCodes: string[],
  lookups: Lookups,
  can: { update: boolean; deactivate: boolean },
): Facility {
  return {
    id: row.id,
    code: row.code,
    kind: presentKind(lookups.kinds.get(row.kindCode), row.kindCode),
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    path: pathOf(row, lookups.places),
    communeCode: row.communeCode,
    villageCode: row.villageCode,
    lat: row.lat,
    lng: row.lng,
    contactName: row.contactName,
    phone: row.phone,
    email: row.email,
    address: row.address,
    services: serviceTypeCodes
      .map((code) => lookups.serviceTypes.get(code))
      .filter((type): type is ServiceTypeRow => type !== undefined)
      .map((type) => ({ code: type.code, nameKm: type.nameKm, nameEn: type.nameEn, active: type.active })),
    catchment: catchmentCodes
      .map((code) => lookups.places.get(code))
      .filter((place): place is PlaceRow => place !== undefined)
      .map(presentSummary),
    active: row.active,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    deactivationReason: row.deactivationReason,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}
