import { z } from "zod";
import { Name, OptionalText, PagingQuery, PlaceCode, page, Timestamp, Uuid } from "./common";
import { PlaceSummary } from "./places";

export const FacilityKind = z.object({
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  isafSector: z.boolean(),
});
export const ServiceType = z.object({
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export const FacilityReferenceData = z.object({
  kinds: z.array(FacilityKind),
  serviceTypes: z.array(ServiceType),
});

const Latitude = z.number().min(10).max(15);
const Longitude = z.number().min(102).max(108);

/** What a person enters for a facility (create and update). */
export const FacilityInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  kindCode: z.string().min(1).max(20),
  nameKm: Name,
  nameEn: Name,
  communeCode: PlaceCode,
  villageCode: PlaceCode.nullable().optional(),
  lat: Latitude.nullable().optional(),
  lng: Longitude.nullable().optional(),
  contactName: OptionalText(200),
  phone: OptionalText(40),
  email: z
    .email()
    .max(200)
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  address: OptionalText(300),
  serviceTypeCodes: z.array(z.string().min(1).max(40)).max(50).default([]),
  catchmentCodes: z.array(PlaceCode).max(500).default([]),
});
export type FacilityInput = z.infer<typeof FacilityInput>;

export const FacilityUpdate = FacilityInput.extend({ version: z.number().int().min(1) });

export const DeactivateBody = z.object({
  reason: z.string().trim().min(1).max(500),
  version: z.number().int().min(1),
});

export const Facility = z.object({
  id: Uuid,
  code: z.string(),
  kind: FacilityKind,
  nameKm: z.string(),
  nameEn: z.string(),
  /** Province › district › commune › village, from the gazetteer. */
  path: z.array(PlaceSummary),
  communeCode: z.string(),
  villageCode: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  services: z.array(ServiceType),
  catchment: z.array(PlaceSummary),
  active: z.boolean(),
  deactivatedAt: Timestamp.nullable(),
  deactivationReason: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** What the caller may do with this record. */
  can: z.object({ update: z.boolean(), deactivate: z.boolean() }),
});
export type Facility = z.infer<typeof Facility>;

export const FacilityListItem = Facility.pick({
  id: true,
  code: true,
  kind: true,
  nameKm: true,
  nameEn: true,
  path: true,
  lat: true,
  lng: true,
  active: true,
  isDemo: true,
}).extend({ serviceTypeCodes: z.array(z.string()) });
export type FacilityListItem = z.infer<typeof FacilityListItem>;

export const FacilitySort = z.enum(["name", "-name", "code", "-code", "updated", "-updated"]);

export const FacilityListQuery = PagingQuery.extend({
  place: PlaceCode.optional(),
  kind: z.string().max(20).optional(),
  serviceType: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(["active", "inactive", "all"]).default("active"),
  sort: FacilitySort.default("name"),
});

export const FacilityPage = page(FacilityListItem);

/** Points for the map: few fields, many rows. */
export const FacilityMapQuery = FacilityListQuery.omit({ limit: true, offset: true, sort: true });
export const FacilityPoint = z.object({
  id: Uuid,
  code: z.string(),
  kindCode: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  lat: z.number(),
  lng: z.number(),
});
export const FacilityMap = z.object({ points: z.array(FacilityPoint), withoutLocation: z.number().int() });

export const FacilityParams = z.object({ id: Uuid });

/** Spreadsheet import. Columns are named in the first row; see docs/facility-import.md. */
export const IMPORT_COLUMNS = [
  "code",
  "kind",
  "name_km",
  "name_en",
  "commune_code",
  "village_code",
  "lat",
  "lng",
  "contact_name",
  "phone",
  "email",
  "address",
  "services",
  "catchment",
] as const;
export const IMPORT_REQUIRED_COLUMNS = ["code", "kind", "name_km", "name_en", "commune_code"] as const;

export const ImportRowProblem = z.object({ column: z.string(), code: z.string(), message: z.string() });
export const ImportRow = z.object({
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  code: z.string(),
  nameEn: z.string(),
  /** "create" for a new code, "update" for a code already in the registry. */
  action: z.enum(["create", "update"]).nullable(),
  problems: z.array(ImportRowProblem),
});
export const ImportReport = z.object({
  id: Uuid,
  fileName: z.string(),
  status: z.enum(["validated", "committed", "discarded"]),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  importedRows: z.number().int(),
  rows: z.array(ImportRow),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportParams = z.object({ id: Uuid });
export const ImportCommitBody = z.object({ onlyValidRows: z.boolean().default(false) });

/** Home page counts: facilities by kind and province. */
export const FacilityCounts = z.object({
  total: z.number().int(),
  byKind: z.array(z.object({ kindCode: z.string(), count: z.number().int() })),
  byProvince: z.array(z.object({ province: PlaceSummary, count: z.number().int() })),
});

/**
 * The fields a facility's audit events record changes of, in the order the form shows them
 * (the server writes them; the history on the web lists them in this order).
 */
export const FACILITY_AUDITED_FIELDS = [
  "active",
  "deactivationReason",
  "code",
  "kindCode",
  "nameKm",
  "nameEn",
  "communeCode",
  "villageCode",
  "lat",
  "lng",
  "contactName",
  "phone",
  "email",
  "address",
  "serviceTypeCodes",
  "catchmentCodes",
] as const;
