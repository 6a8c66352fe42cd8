import { z } from "zod";
import { Name, PlaceCode, Timestamp, Uuid } from "./common";

export const OrganisationKind = z.enum([
  "ministry",
  "provincial_office",
  "district_office",
  "commune_council",
  "ngo",
  "other",
]);

export const OrganisationInput = z.object({
  nameKm: Name,
  nameEn: Name,
  kind: OrganisationKind,
  placeCode: PlaceCode.nullable().optional(),
  active: z.boolean().default(true),
});

export const Organisation = z.object({
  id: Uuid,
  nameKm: z.string(),
  nameEn: z.string(),
  kind: OrganisationKind,
  placeCode: z.string().nullable(),
  placeNameKm: z.string().nullable(),
  placeNameEn: z.string().nullable(),
  active: z.boolean(),
  isDemo: z.boolean(),
  userCount: z.number().int(),
  createdAt: Timestamp,
});
export const OrganisationList = z.object({ items: z.array(Organisation) });
export const OrganisationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: OrganisationKind.optional(),
});
export const OrganisationParams = z.object({ id: Uuid });
