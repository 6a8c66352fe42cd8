import { z } from "zod";
import { PlaceCode } from "./common";

export const PlaceLevel = z.enum(["province", "district", "commune", "village"]);

export const PlaceSummary = z.object({
  code: z.string(),
  level: PlaceLevel,
  type: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
});
export type PlaceSummary = z.infer<typeof PlaceSummary>;

export const Place = PlaceSummary.extend({
  parentCode: z.string().nullable(),
  nameUngegn: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  retired: z.boolean(),
  /** Ancestors from the province down, without the place itself. */
  path: z.array(PlaceSummary),
  childCount: z.number().int(),
});
export type Place = z.infer<typeof Place>;

export const PlaceList = z.object({ items: z.array(Place) });

export const PlaceChildrenQuery = z.object({ parent: PlaceCode.optional() });

export const PlaceSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  level: PlaceLevel.optional(),
  within: PlaceCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const PlaceParams = z.object({ code: PlaceCode });

export const GeoQuery = z.object({ within: PlaceCode.optional() });
export const GeoParams = z.object({ level: z.enum(["province", "district", "commune"]) });
