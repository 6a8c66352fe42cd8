import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { z } from "zod";
import type { Place, PlaceList } from "../../contracts/places";
import { api, withQuery } from "./client";

// The gazetteer client lives here, under the shared components, because the place picker and the
// boundary map read it as much as the features do (docs/mechanisms/web-floors.md).

export type { Place, PlaceSummary } from "../../contracts/places";
export type PlaceLevel = Place["level"];
type PlaceListBody = z.infer<typeof PlaceList>;
/** The query of GET /api/v1/places/search (contracts PlaceSearchQuery). */
export interface SearchParams {
  q: string;
  level?: PlaceLevel;
  within?: string;
  limit?: number;
}

/** Boundary properties as the seed files carry them. */
export interface BoundaryProperties {
  name_km?: string;
  name_en?: string;
  [key: string]: unknown;
}
export type Boundaries = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

/** Gazetteer data changes rarely; keep it for the whole visit. */
const GAZETTEER_STALE = 60 * 60_000;

export const placeKeys = {
  all: ["places"] as const,
  children: (parent: string | null) => ["places", "children", parent] as const,
  one: (code: string) => ["places", "one", code] as const,
  search: (params: SearchParams) => ["places", "search", params] as const,
  geo: (level: string, within: string | null) => ["places", "geo", level, within] as const,
};

/** Provinces (no parent) or the places directly below `parent`. */
export function usePlaceChildren(parent: string | null) {
  return useQuery({
    queryKey: placeKeys.children(parent),
    queryFn: ({ signal }) =>
      api.get<PlaceListBody>(withQuery("/api/v1/places", { parent: parent ?? undefined }), { signal }),
    select: (body) => body.items,
    staleTime: GAZETTEER_STALE,
  });
}

export function usePlace(code: string | null | undefined) {
  return useQuery({
    queryKey: placeKeys.one(code ?? ""),
    queryFn: ({ signal }) => api.get<Place>(`/api/v1/places/${encodeURIComponent(code ?? "")}`, { signal }),
    enabled: Boolean(code),
    staleTime: GAZETTEER_STALE,
  });
}

/** Places whose name or code matches `q` (runs only when `q` has text). */
export function usePlaceSearch(params: SearchParams) {
  const q = params.q.trim();
  return useQuery({
    queryKey: placeKeys.search({ ...params, q }),
    queryFn: ({ signal }) =>
      api.get<PlaceListBody>(withQuery("/api/v1/places/search", { limit: 20, ...params, q }), { signal }),
    select: (body) => body.items,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: GAZETTEER_STALE,
  });
}

/** Boundary polygons of one level, only those inside `within` when given. */
export function useBoundaries(level: "province" | "district" | "commune" | null, within: string | null) {
  return useQuery({
    queryKey: placeKeys.geo(level ?? "", within),
    queryFn: ({ signal }) =>
      api.get<Boundaries>(withQuery(`/api/v1/geo/${level}`, { within: within ?? undefined }), { signal }),
    enabled: level !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The level below a place's level, or null for a village. */
export function childLevel(level: PlaceLevel): PlaceLevel | null {
  const order: PlaceLevel[] = ["province", "district", "commune", "village"];
  return order[order.indexOf(level) + 1] ?? null;
}
