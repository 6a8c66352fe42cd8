import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { FacilityCounts, FacilityReferenceData } from "../../../contracts/facilities";
import { api } from "../../api/client";

export type FacilityCountsBody = z.infer<typeof FacilityCounts>;
export type FacilityReference = z.infer<typeof FacilityReferenceData>;

/** Facilities in the user's area, by kind and by province. */
export function useFacilityCounts() {
  return useQuery({
    queryKey: ["facilities", "counts"],
    queryFn: ({ signal }) => api.get<FacilityCountsBody>("/api/v1/facilities/counts", { signal }),
  });
}

/** Facility kinds and service types (the facilities feature shares this query key). */
export function useFacilityReference() {
  return useQuery({
    queryKey: ["facilities", "reference"],
    queryFn: ({ signal }) => api.get<FacilityReference>("/api/v1/facilities/reference", { signal }),
    staleTime: 60 * 60_000,
  });
}
