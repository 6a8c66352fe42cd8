/**
 * The API addresses of reference data that field work keeps on the device (offline/field-references.ts):
 * a cycle's indicator catalogue, a commune's villages, the rating scale. One place, so that the
 * screens read, and the sync downloads, the same URLs.
 */
export function catalogueUrl(sectorCode: string, programmeId: string): string {
  return `/api/v1/indicators?sector=${encodeURIComponent(sectorCode)}&status=active&programme=${encodeURIComponent(programmeId)}`;
}

export function villagesUrl(communeCode: string): string {
  return `/api/v1/places?parent=${communeCode}`;
}

export const RATING_SCALE_URL = "/api/v1/rating-scale";
