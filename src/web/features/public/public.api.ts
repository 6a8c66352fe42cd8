import { useQuery } from "@tanstack/react-query";
import type { PublicCommune, PublicFacility } from "../../../contracts/public";
import { api } from "../../api/client";

export type {
  ActionCounts,
  PublicAction,
  PublicCommune,
  PublicCommuneFacility,
  PublicFacility,
  PublicGroup,
  PublicI4c,
  PublicIndicatorScores,
  PublicPlace,
  PublicScoreYear,
  PublicSummary,
} from "../../../contracts/public";

const BASE = "/api/public/v1";

/** The public results change rarely (the server lets caches keep them for a minute). */
const STALE = 60_000;

export function usePublicFacility(id: string) {
  return useQuery({
    queryKey: ["public", "facility", id],
    queryFn: ({ signal }) =>
      api.get<PublicFacility>(`${BASE}/facilities/${encodeURIComponent(id)}`, { signal }),
    staleTime: STALE,
  });
}

export function usePublicCommune(code: string) {
  return useQuery({
    queryKey: ["public", "commune", code],
    queryFn: ({ signal }) =>
      api.get<PublicCommune>(`${BASE}/communes/${encodeURIComponent(code)}`, { signal }),
    staleTime: STALE,
  });
}
