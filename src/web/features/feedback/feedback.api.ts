import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  FeedbackByCode,
  FeedbackExportBody,
  FeedbackFigures,
  FeedbackItem,
  FeedbackPage,
  SubmitFeedbackBody,
  SubmittedFeedback,
} from "../../../contracts/feedback";
import type { PlaceSummary } from "../../../contracts/places";
import { api, withQuery } from "../../api/client";

export type { FeedbackItem } from "../../../contracts/feedback";
export type Submission = z.input<typeof SubmitFeedbackBody>;
export type Submitted = z.infer<typeof SubmittedFeedback>;
export type ByCode = z.infer<typeof FeedbackByCode>;
export type Queue = "general" | "restricted";

const PUBLIC = "/api/public/v1";

/** Provinces (no parent), a province's districts, a district's communes: for the public form. */
export function usePublicPlaces(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: ["public", "places", parent ?? "country"],
    queryFn: ({ signal }) =>
      api.get<{ items: PlaceSummary[] }>(withQuery(`${PUBLIC}/places`, { parent }), { signal }),
    enabled,
    staleTime: 60 * 60_000,
  });
}

/** The facilities of a commune for a sector, for the public form. */
export function usePublicFacilities(communeCode: string | null, sectorCode: string | null) {
  return useQuery({
    queryKey: ["public", "feedback-facilities", communeCode, sectorCode],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; code: string; nameKm: string; nameEn: string }[] }>(
        withQuery(`${PUBLIC}/feedback/facilities`, { commune: communeCode, sector: sectorCode }),
        { signal },
      ),
    enabled: Boolean(communeCode && sectorCode),
    staleTime: 10 * 60_000,
  });
}

/** Whether answers can come by SMS (a gateway is set up), and the number citizens can text. */
export function useFeedbackSms() {
  return useQuery({
    queryKey: ["public", "feedback-sms"],
    queryFn: ({ signal }) =>
      api.get<{ available: boolean; sender: string | null }>(`${PUBLIC}/feedback/sms`, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The public figures of a place (the whole country when null) for a year. */
export function useFeedbackFigures(place: string | null, year: number) {
  return useQuery({
    queryKey: ["public", "feedback-figures", place, year],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof FeedbackFigures>>(withQuery(`${PUBLIC}/feedback/figures`, { place, year }), {
        signal,
      }),
    staleTime: 60_000,
  });
}

export function useSubmitFeedback() {
  return useMutation({
    mutationFn: (body: Submission) => api.post<Submitted>(`${PUBLIC}/feedback`, body),
  });
}

export function useFeedbackByCode(code: string | null) {
  return useQuery({
    queryKey: ["public", "feedback", code],
    queryFn: ({ signal }) => api.get<ByCode>(`${PUBLIC}/feedback/${encodeURIComponent(code!)}`, { signal }),
    enabled: Boolean(code),
    retry: false,
  });
}

export const feedbackKeys = {
  all: ["feedback"] as const,
  list: (queue: Queue, filter: QueueFilter) => ["feedback", "list", queue, filter] as const,
};

/** The lists staff pick from: everything, what they took, or one status. */
export type QueueFilter = "all" | "mine" | "received" | "escalated" | "answered";

export function useFeedbackList(queue: Queue, filter: QueueFilter) {
  const params = {
    queue,
    mine: filter === "mine" ? "true" : null,
    status: filter === "all" || filter === "mine" ? null : filter,
  };
  return useQuery({
    queryKey: feedbackKeys.list(queue, filter),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof FeedbackPage>>(withQuery("/api/v1/feedback", params), { signal }),
  });
}

/** Answering or moving a message between queues answers with the message; the lists are read again. */
export function useFeedbackChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: "answer" | "restrict" | "assign"; body: unknown }) =>
      api.post<FeedbackItem>(`/api/v1/feedback/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}

/** The sender's number, for staff who call back; the reason goes to the audit. Never cached. */
export function useFeedbackContact(id: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ phone: string }>(`/api/v1/feedback/${encodeURIComponent(id)}/contact`, { reason }),
  });
}

/** What an export asks for (POST /api/v1/feedback/export): one queue, filters, numbers with a reason. */
export type ExportRequest = z.input<typeof FeedbackExportBody>;

/** Downloads a queue as CSV; the server audits each export. */
export function useExportFeedback() {
  return useMutation({
    mutationFn: (body: ExportRequest) => api.postForFile("/api/v1/feedback/export", body),
  });
}
