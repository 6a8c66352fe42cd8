import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Cycle,
  CyclePage,
  CycleUpdate,
  I4cPack,
  I4cPackInput,
  I4cSessionInput,
  Indicator,
  IndicatorList,
  PlanCandidates,
  PlanInput,
  PlanResult,
  Programme,
  ProgrammeInput,
  ProgrammeList,
  RatingScale,
  StepCompletion,
} from "../../../contracts/isaf";
import { api, upload, withQuery } from "../../api/client";

export type CycleBody = z.infer<typeof Cycle>;
export type CycleListBody = z.infer<typeof CyclePage>;
export type CycleItem = CycleListBody["items"][number];
export type PackBody = z.infer<typeof I4cPack>;
export type PackInput = z.input<typeof I4cPackInput>;
export type SessionInput = z.input<typeof I4cSessionInput>;
export type SessionBody = PackBody["sessions"][number];
export type IndicatorBody = z.infer<typeof Indicator>;
export type RatingPoint = z.infer<typeof RatingScale>["items"][number];
export type ProgrammeBody = z.infer<typeof Programme>;
export type ProgrammeSummary = z.infer<typeof ProgrammeList>["items"][number];
export type ProgrammeInputBody = z.input<typeof ProgrammeInput>;
export type PlanBody = z.infer<typeof PlanCandidates>;

export interface CycleFilters {
  place?: string;
  year?: number;
  sector?: string;
  step?: string;
  programme?: string;
  late?: "1";
  mine?: "1";
  limit: number;
  offset: number;
}

/** Everything cached under "isaf" is refreshed together after a change. */
export const isafKeys = {
  all: ["isaf"] as const,
  programmes: ["isaf", "programmes"] as const,
  programme: (id: string) => ["isaf", "programme", id] as const,
  plan: (id: string, year: number) => ["isaf", "plan", id, year] as const,
  cycles: (filters: CycleFilters) => ["isaf", "cycles", filters] as const,
  cycle: (id: string) => ["isaf", "cycle", id] as const,
  i4c: (id: string) => ["isaf", "i4c", id] as const,
  indicators: ["isaf", "indicators"] as const,
  scale: ["isaf", "scale"] as const,
};

const cycleUrl = (id: string) => `/api/v1/cycles/${encodeURIComponent(id)}`;
const programmeUrl = (id: string) => `/api/v1/programmes/${encodeURIComponent(id)}`;

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: isafKeys.all });
}

export function useProgrammes() {
  return useQuery({
    queryKey: isafKeys.programmes,
    queryFn: ({ signal }) => api.get<z.infer<typeof ProgrammeList>>("/api/v1/programmes", { signal }),
    select: (body) => body.items,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: isafKeys.programme(id),
    queryFn: ({ signal }) => api.get<ProgrammeBody>(programmeUrl(id), { signal }),
  });
}

export function useSaveProgramme(id?: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ProgrammeInputBody & { version?: number }) =>
      id
        ? api.put<ProgrammeBody>(programmeUrl(id), input)
        : api.post<ProgrammeBody>("/api/v1/programmes", input),
    onSuccess: refresh,
  });
}

export function usePlan(id: string, year: number) {
  return useQuery({
    queryKey: isafKeys.plan(id, year),
    queryFn: ({ signal }) => api.get<PlanBody>(withQuery(`${programmeUrl(id)}/plan`, { year }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanCycles(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: z.input<typeof PlanInput>) =>
      api.post<z.infer<typeof PlanResult>>(`${programmeUrl(id)}/cycles`, input),
    onSuccess: refresh,
  });
}

export function useCycles(filters: CycleFilters) {
  return useQuery({
    queryKey: isafKeys.cycles(filters),
    queryFn: ({ signal }) => api.get<CycleListBody>(withQuery("/api/v1/cycles", { ...filters }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCycle(id: string) {
  return useQuery({
    queryKey: isafKeys.cycle(id),
    queryFn: ({ signal }) => api.get<CycleBody>(cycleUrl(id), { signal }),
  });
}

export function useUpdateCycle(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: z.input<typeof CycleUpdate>) => api.put<CycleBody>(cycleUrl(id), input),
    onSuccess: refresh,
  });
}

export function useCompleteStep(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: z.input<typeof StepCompletion>) =>
      api.post<CycleBody>(`${cycleUrl(id)}/steps`, input),
    onSuccess: refresh,
  });
}

export function useI4c(id: string) {
  return useQuery({
    queryKey: isafKeys.i4c(id),
    queryFn: ({ signal }) => api.get<PackBody>(`${cycleUrl(id)}/i4c`, { signal }),
  });
}

/** Every change to the pack answers with the whole pack, which replaces the cached one. */
function usePackMutation<T>(id: string, send: (input: T) => Promise<PackBody>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (pack) => {
      queryClient.setQueryData(isafKeys.i4c(id), pack);
      void queryClient.invalidateQueries({ queryKey: isafKeys.cycle(id) });
    },
  });
}

export const useSavePack = (id: string) =>
  usePackMutation(id, (input: PackInput) => api.put<PackBody>(`${cycleUrl(id)}/i4c`, input));
export const usePublishPack = (id: string) =>
  usePackMutation(id, (input: { version: number }) =>
    api.post<PackBody>(`${cycleUrl(id)}/i4c/publish`, input),
  );
export const useSaveSession = (id: string) =>
  usePackMutation(id, ({ sessionId, ...input }: SessionInput & { sessionId?: string; updatedAt?: string }) =>
    sessionId
      ? api.put<PackBody>(`${cycleUrl(id)}/i4c/sessions/${sessionId}`, input)
      : api.post<PackBody>(`${cycleUrl(id)}/i4c/sessions`, input),
  );
export const useDeleteSession = (id: string) =>
  usePackMutation(id, ({ sessionId, updatedAt }: { sessionId: string; updatedAt: string }) =>
    api.post<PackBody>(`${cycleUrl(id)}/i4c/sessions/${sessionId}/delete`, { updatedAt }),
  );

export function useIndicators() {
  return useQuery({
    queryKey: isafKeys.indicators,
    queryFn: ({ signal }) => api.get<z.infer<typeof IndicatorList>>("/api/v1/indicators", { signal }),
    select: (body) => body.items,
  });
}

export function useRatingScale() {
  return useQuery({
    queryKey: isafKeys.scale,
    queryFn: ({ signal }) => api.get<z.infer<typeof RatingScale>>("/api/v1/rating-scale", { signal }),
    select: (body) => body.items,
    staleTime: 60 * 60_000,
  });
}

export function useIndicatorChange() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, path, body }: { id?: string; path?: "status"; body: object }) =>
      id
        ? path
          ? api.post<IndicatorBody>(`/api/v1/indicators/${id}/${path}`, body)
          : api.put<IndicatorBody>(`/api/v1/indicators/${id}`, body)
        : api.post<IndicatorBody>("/api/v1/indicators", body),
    onSuccess: refresh,
  });
}

/** The audio URL of an indicator or of a scale point in a language. */
export const audioUrl = (owner: "indicator" | "rating", key: string, language: string) =>
  owner === "indicator"
    ? `/api/v1/indicators/${key}/audio/${language}`
    : `/api/v1/rating-scale/${key}/audio/${language}`;

export function uploadAudio(url: string, file: File) {
  const form = new FormData();
  form.append("file", file, file.name);
  return upload<{ language: string }>(url, form, undefined, undefined, "PUT");
}
