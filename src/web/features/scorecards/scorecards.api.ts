import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { IndicatorList, RatingScale } from "../../../contracts/isaf";
import type {
  Comparison,
  CycleScorecards,
  IndicatorResult,
  ReviewQueue,
  Scorecard,
  ScorecardResults,
} from "../../../contracts/scorecards";
import { api, withQuery } from "../../api/client";

export type { Scorecard } from "../../../contracts/scorecards";
export type CycleCards = z.infer<typeof CycleScorecards>;
export type Results = z.infer<typeof ScorecardResults>;
export type Result = z.infer<typeof IndicatorResult>;
export type ComparisonBody = z.infer<typeof Comparison>;
export type Reviews = z.infer<typeof ReviewQueue>;
export type CatalogueIndicator = z.infer<typeof IndicatorList>["items"][number];
export type RatingPoint = z.infer<typeof RatingScale>["items"][number];
/**
 * A card as those who record or review it read it: with the participants, the tallies and each
 * score. Everyone else gets them as null and reads the results.
 */
export type RecordedCard = Scorecard & {
  participants: NonNullable<Scorecard["participants"]>;
  tallies: NonNullable<Scorecard["tallies"]>;
  scores: NonNullable<Scorecard["scores"]>;
};
export function hasRecords(card: Scorecard): card is RecordedCard {
  return card.participants !== null && card.tallies !== null && card.scores !== null;
}
export type Participant = RecordedCard["participants"][number];
export type Priority = Scorecard["priorities"][number];
export type Kind = "community" | "self";

export const scorecardKeys = {
  all: ["scorecards"] as const,
  cycle: (cycleId: string) => ["scorecards", "cycle", cycleId] as const,
  one: (id: string) => ["scorecards", "one", id] as const,
  results: (id: string) => ["scorecards", "results", id] as const,
  comparison: (cycleId: string) => ["scorecards", "comparison", cycleId] as const,
  reviews: ["scorecards", "reviews"] as const,
};

const card = (id: string, path = "") => `/api/v1/scorecards/${encodeURIComponent(id)}${path}`;

export function useCycleCards(cycleId: string) {
  return useQuery({
    queryKey: scorecardKeys.cycle(cycleId),
    queryFn: ({ signal }) =>
      api.get<CycleCards>(`/api/v1/cycles/${encodeURIComponent(cycleId)}/scorecards`, { signal }),
  });
}

export function useCreateCard(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: Kind; mode: "individual" | "tally" }) =>
      api.post<Scorecard>(`/api/v1/cycles/${encodeURIComponent(cycleId)}/scorecards`, body),
    onSuccess: (created) => {
      queryClient.setQueryData(scorecardKeys.one(created.id), created);
      return queryClient.invalidateQueries({ queryKey: scorecardKeys.cycle(cycleId) });
    },
  });
}

export function useScorecard(id: string) {
  return useQuery({
    queryKey: scorecardKeys.one(id),
    queryFn: ({ signal }) => api.get<Scorecard>(card(id), { signal }),
  });
}

/**
 * Every change of a card answers with the whole card: it replaces the cached one, and the results,
 * the cycle's summary and the review queue are read again.
 */
export function useCardChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: "POST" | "PUT"; path: string; body?: unknown }) =>
      method === "POST"
        ? api.post<Scorecard>(card(id, path), body)
        : api.put<Scorecard>(card(id, path), body),
    onSuccess: (updated) => {
      queryClient.setQueryData(scorecardKeys.one(id), updated);
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.results(id) });
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.cycle(updated.cycleId) });
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.comparison(updated.cycleId) });
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.reviews });
    },
  });
}

export function useResults(id: string) {
  return useQuery({
    queryKey: scorecardKeys.results(id),
    queryFn: ({ signal }) => api.get<Results>(card(id, "/results"), { signal }),
  });
}

export function useComparison(cycleId: string) {
  return useQuery({
    queryKey: scorecardKeys.comparison(cycleId),
    queryFn: ({ signal }) =>
      api.get<ComparisonBody>(`/api/v1/cycles/${encodeURIComponent(cycleId)}/scorecards/comparison`, {
        signal,
      }),
  });
}

export function useReviews() {
  return useQuery({
    queryKey: scorecardKeys.reviews,
    queryFn: ({ signal }) => api.get<Reviews>("/api/v1/scorecards/reviews", { signal }),
  });
}

/** The sector's active indicators in the programme's catalogue (helper ISAF's API). */
export function useCatalogue(sector: string, programmeId: string) {
  return useQuery({
    queryKey: ["catalogue", "indicators", sector, programmeId, "active"],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof IndicatorList>>(
        withQuery("/api/v1/indicators", { sector, status: "active", programme: programmeId }),
        { signal },
      ),
    staleTime: 10 * 60_000,
  });
}

/** The five faces' labels and which languages have audio. */
export function useRatingScale() {
  return useQuery({
    queryKey: ["catalogue", "rating-scale"],
    queryFn: ({ signal }) => api.get<z.infer<typeof RatingScale>>("/api/v1/rating-scale", { signal }),
    staleTime: 60 * 60_000,
  });
}

/** The audio language to play: the interface's language when recorded, else Khmer, else any. */
export function audioLanguage(languages: readonly string[], preferred: string): string | null {
  if (languages.includes(preferred)) return preferred;
  if (languages.includes("km")) return "km";
  return languages[0] ?? null;
}

let playing: HTMLAudioElement | null = null;

/** Plays a recording (one at a time). */
export function playAudio(url: string): void {
  playing?.pause();
  playing = new Audio(url);
  void playing.play().catch(() => {
    // The browser refused to play (no sound device, or a blocked autoplay): the label is on screen anyway.
  });
}
