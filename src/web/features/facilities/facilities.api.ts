import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AuditPage } from "../../../contracts/audit";
import type {
  Facility,
  FacilityInput,
  FacilityMap,
  FacilityPage,
  FacilityReferenceData,
  FacilitySort,
  ImportReport,
} from "../../../contracts/facilities";
import { api, upload, withQuery } from "../../api/client";

export type { Facility, FacilityInput, FacilityListItem, ImportReport } from "../../../contracts/facilities";
export type FacilityReference = z.infer<typeof FacilityReferenceData>;
export type FacilityKind = FacilityReference["kinds"][number];
export type ServiceType = FacilityReference["serviceTypes"][number];
export type FacilityPageBody = z.infer<typeof FacilityPage>;
export type FacilityMapBody = z.infer<typeof FacilityMap>;
export type FacilityPoint = FacilityMapBody["points"][number];
export type HistoryPage = z.infer<typeof AuditPage>;
export type HistoryEvent = HistoryPage["items"][number];
export type SortKey = z.infer<typeof FacilitySort>;
export type StatusFilter = "active" | "inactive" | "all";

/** The filters shared by the list and the map (GET /facilities and /facilities/map). */
export interface FacilityFilters {
  place?: string;
  kind?: string;
  serviceType?: string;
  q?: string;
  status: StatusFilter;
}

export interface FacilityListParams extends FacilityFilters {
  sort: SortKey;
  limit: number;
  offset: number;
}

/** Everything cached under "facilities" is invalidated together after a change (the home counts too). */
export const facilityKeys = {
  all: ["facilities"] as const,
  /** Shared with the home page (features/home/home.api.ts). */
  reference: ["facilities", "reference"] as const,
  list: (params: FacilityListParams) => ["facilities", "list", params] as const,
  map: (filters: FacilityFilters) => ["facilities", "map", filters] as const,
  one: (id: string) => ["facilities", "one", id] as const,
  history: (id: string, limit: number) => ["facilities", "history", id, limit] as const,
};

const BASE = "/api/v1/facilities";
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** Facility kinds and service types; they change rarely. */
export function useFacilityReference() {
  return useQuery({
    queryKey: facilityKeys.reference,
    queryFn: ({ signal }) => api.get<FacilityReference>(`${BASE}/reference`, { signal }),
    staleTime: 60 * 60_000,
  });
}

export function useFacilityList(params: FacilityListParams) {
  return useQuery({
    queryKey: facilityKeys.list(params),
    queryFn: ({ signal }) => api.get<FacilityPageBody>(withQuery(BASE, { ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFacilityMap(filters: FacilityFilters) {
  return useQuery({
    queryKey: facilityKeys.map(filters),
    queryFn: ({ signal }) => api.get<FacilityMapBody>(withQuery(`${BASE}/map`, { ...filters }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFacility(id: string) {
  return useQuery({
    queryKey: facilityKeys.one(id),
    queryFn: ({ signal }) => api.get<Facility>(one(id), { signal }),
  });
}

/** The facility's change history, newest first; `limit` grows as the person asks for more. */
export function useFacilityHistory(id: string, limit: number) {
  return useQuery({
    queryKey: facilityKeys.history(id, limit),
    queryFn: ({ signal }) =>
      api.get<HistoryPage>(withQuery(`${one(id)}/history`, { limit, offset: 0 }), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** After any change: refresh lists, map, counts and history, and keep the saved record without a refetch. */
function useAfterSave() {
  const queryClient = useQueryClient();
  return (facility: Facility) => {
    queryClient.setQueryData(facilityKeys.one(facility.id), facility);
    void queryClient.invalidateQueries({
      queryKey: facilityKeys.all,
      predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === facility.id),
    });
  };
}

export function useCreateFacility() {
  const afterSave = useAfterSave();
  return useMutation({
    mutationFn: (input: FacilityInput) => api.post<Facility>(BASE, input),
    onSuccess: afterSave,
  });
}

export function useUpdateFacility(id: string) {
  const afterSave = useAfterSave();
  return useMutation({
    mutationFn: (input: FacilityInput & { version: number }) => api.put<Facility>(one(id), input),
    onSuccess: afterSave,
  });
}

export function useDeactivateFacility(id: string) {
  const afterSave = useAfterSave();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) =>
      api.post<Facility>(`${one(id)}/deactivate`, body),
    onSuccess: afterSave,
  });
}

export function useReactivateFacility(id: string) {
  const afterSave = useAfterSave();
  return useMutation({
    mutationFn: (body: { version: number }) => api.post<Facility>(`${one(id)}/reactivate`, body),
    onSuccess: afterSave,
  });
}

/** Step 1 of an import: send the file; the server checks every row and writes nothing yet. */
export function uploadImport(file: File, onProgress: (fraction: number) => void, signal: AbortSignal) {
  const form = new FormData();
  form.append("file", file, file.name);
  return upload<ImportReport>(`${BASE}/imports`, form, onProgress, signal);
}

/** Step 2: write the checked rows (all of them, or only the good ones). */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, onlyValidRows }: { id: string; onlyValidRows: boolean }) =>
      api.post<ImportReport>(`${BASE}/imports/${encodeURIComponent(id)}/commit`, { onlyValidRows }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: facilityKeys.all }),
  });
}
