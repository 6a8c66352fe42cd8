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
import type { SyncCycle } from "../../../contracts/sync";
import { resultsOf } from "../../../domain/scorecard-content";
import { ApiError, api } from "../../api/client";
import { catalogueUrl, RATING_SCALE_URL } from "../../api/reference-urls";
import i18n from "../../i18n";
import { readRecord, readRecords } from "../../offline/field-records";
import { referenceGet } from "../../offline/field-references";
import { syncSoon } from "../../offline/sync-engine";
import { contentOf, LocalRefusal } from "./card-reducer";
import type { CardRequest } from "./card-requests";
import { changeHeldCard, createHeldCard, keepIfHeld } from "./scorecards.field";

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

/** A cycle's cards: from the device when the cycle was downloaded for field work, else from the API. */
export function useCycleCards(cycleId: string) {
  return useQuery({
    queryKey: scorecardKeys.cycle(cycleId),
    queryFn: async ({ signal }) =>
      (await heldCycleCards(cycleId)) ??
      api.get<CycleCards>(`/api/v1/cycles/${encodeURIComponent(cycleId)}/scorecards`, { signal }),
  });
}

/** The fields of a card's summary (ScorecardSummary of contracts/scorecards.ts). */
const SUMMARY_FIELDS = [
  "id",
  "cycleId",
  "kind",
  "mode",
  "status",
  "heldOn",
  "participantCount",
  "priorityCount",
  "submittedAt",
  "version",
] as const;

async function heldCycleCards(cycleId: string): Promise<CycleCards | null> {
  const cycle = await readRecord<SyncCycle>("cycle", cycleId);
  if (!cycle) return null;
  const cards = (await readRecords<Scorecard>("scorecard")).filter((held) => held.cycleId === cycleId);
  const summary = (kind: Kind) => {
    const found = cards.find((held) => held.kind === kind);
    if (!found) return null;
    return Object.fromEntries(
      SUMMARY_FIELDS.map((field) => [field, found[field]]),
    ) as CycleCards["community"];
  };
  return { community: summary("community"), self: summary("self"), can: cycle.can };
}

/** Creates a card: on the device (queued) for a downloaded cycle, else through the API. */
export function useCreateCard(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { kind: Kind; mode: "individual" | "tally" }) => {
      const cycle = await readRecord<SyncCycle>("cycle", cycleId);
      if (cycle) {
        const created = await createHeldCard(cycle, body.kind, body.mode);
        syncSoon();
        return created;
      }
      return api.post<Scorecard>(`/api/v1/cycles/${encodeURIComponent(cycleId)}/scorecards`, body);
    },
    onSuccess: (created) => {
      queryClient.setQueryData(scorecardKeys.one(created.id), created);
      return queryClient.invalidateQueries({ queryKey: scorecardKeys.cycle(cycleId) });
    },
  });
}

/** A card downloaded for field work is read from the device (src/web/offline); any other from the API. */
export function useScorecard(id: string) {
  return useQuery({
    queryKey: scorecardKeys.one(id),
    queryFn: async ({ signal }) =>
      (await readRecord<Scorecard>("scorecard", id)) ?? api.get<Scorecard>(card(id), { signal }),
  });
}

/** A change the device refused before queueing it, shown by the screens like the server's answer. */
function refusalError(refusal: LocalRefusal): ApiError {
  const detail = i18n.t(`scorecards:refusal.${refusal.code}`);
  return new ApiError({
    type: "about:blank",
    title: refusal.code,
    status: 409,
    code: refusal.code,
    detail,
    errors: refusal.path ? [{ path: refusal.path, code: refusal.code, message: detail }] : [],
  });
}

/** Queues the change of a card held on the device (null when the card is not held or the change is not field work). */
async function changeOnDevice(id: string, request: CardRequest): Promise<Scorecard | null> {
  try {
    const changed = await changeHeldCard(id, request);
    if (changed) syncSoon();
    return changed;
  } catch (error) {
    throw error instanceof LocalRefusal ? refusalError(error) : error;
  }
}

/**
 * Every change of a card answers with the whole card: it replaces the cached one, and the results,
 * the cycle's summary and the review queue are read again. A card held on the device changes there
 * and reaches the server through the outbox.
 */
export function useCardChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CardRequest) => {
      const onDevice = await changeOnDevice(id, request);
      if (onDevice) return onDevice;
      const updated =
        request.method === "POST"
          ? await api.post<Scorecard>(card(id, request.path), request.body)
          : await api.put<Scorecard>(card(id, request.path), request.body);
      await keepIfHeld(updated);
      return updated;
    },
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
    queryFn: async ({ signal }) => {
      const held = await readRecord<Scorecard>("scorecard", id);
      return held ? resultsOnDevice(held) : api.get<Results>(card(id, "/results"), { signal });
    },
  });
}

/** The results of a card held on the device, by the same rules as the server's (src/domain). */
function resultsOnDevice(held: Scorecard): Results {
  return {
    id: held.id,
    kind: held.kind,
    mode: held.mode,
    status: held.status,
    participantCount: held.participantCount,
    indicators: resultsOf(held.mode, { ...contentOf(held), priorities: held.priorities }),
  };
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
      referenceGet<z.infer<typeof IndicatorList>>(catalogueUrl(sector, programmeId), signal),
    staleTime: 10 * 60_000,
  });
}

/** The five faces' labels and which languages have audio. */
export function useRatingScale() {
  return useQuery({
    queryKey: ["catalogue", "rating-scale"],
    queryFn: ({ signal }) => referenceGet<z.infer<typeof RatingScale>>(RATING_SCALE_URL, signal),
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
