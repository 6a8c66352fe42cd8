import { z } from "zod";
import { GROUPS } from "../domain/scorecard-result";
import { PlaceLevel } from "./places";

/**
 * The public results pages (issue 3, part 10): read by anyone without a session, under
 * /api/public/v1/. Only aggregates: no participant, no person's name, no phone number. The response
 * schemas strip any field not listed here, so nothing personal can slip through from a service.
 */

export const PublicPlace = z.object({
  code: z.string(),
  level: PlaceLevel,
  nameKm: z.string(),
  nameEn: z.string(),
});
export type PublicPlace = z.infer<typeof PublicPlace>;

export const PublicKind = z.object({ code: z.string(), nameKm: z.string(), nameEn: z.string() });

/** Counts of scores 1..5 (index 0 = score 1). */
const Distribution = z.array(z.number().int().min(0)).length(5);

export const PublicSummary = z.object({
  n: z.number().int(),
  /** The exact median (3.5 stays 3.5); null when nobody scored. */
  median: z.number().nullable(),
  mean: z.number().nullable(),
  distribution: Distribution,
});
export type PublicSummary = z.infer<typeof PublicSummary>;

/** A group's figures, listed only when the group has at least five people (smaller ones are withheld). */
export const PublicGroup = PublicSummary.extend({ group: z.enum(GROUPS) });
export type PublicGroup = z.infer<typeof PublicGroup>;

export const PublicIndicatorScores = z.object({
  indicatorId: z.string(),
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  /** The community's priority order (null when only the self-assessment scored it). */
  rank: z.number().int().nullable(),
  community: PublicSummary.extend({ groups: z.array(PublicGroup) }).nullable(),
  self: PublicSummary.nullable(),
  /** Self-assessment median minus community median; positive when the provider rates itself higher. */
  gap: z.number().nullable(),
});
export type PublicIndicatorScores = z.infer<typeof PublicIndicatorScores>;

export const PublicScoreYear = z.object({
  year: z.number().int(),
  hasCommunity: z.boolean(),
  hasSelf: z.boolean(),
  indicators: z.array(PublicIndicatorScores),
});
export type PublicScoreYear = z.infer<typeof PublicScoreYear>;

export const ActionStatus = z.enum(["planned", "in_progress", "done", "dropped"]);
export const ResponsibleParty = z.enum(["provider", "commune", "district", "citizens", "other"]);

export const PublicAction = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  responsibleParty: ResponsibleParty,
  deadline: z.string(),
  status: ActionStatus,
  indicatorCodes: z.array(z.string()),
  lastUpdateOn: z.string().nullable(),
  /** Past its deadline and neither done nor dropped. */
  overdue: z.boolean(),
});
export type PublicAction = z.infer<typeof PublicAction>;

export const ActionCounts = z.object({
  total: z.number().int(),
  planned: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  overdue: z.number().int(),
});
export type ActionCounts = z.infer<typeof ActionCounts>;

export const PublicI4cItem = z.object({
  labelKm: z.string(),
  labelEn: z.string(),
  standardValue: z.string(),
  actualValue: z.string(),
  unit: z.string().nullable(),
});

export const PublicI4c = z.object({
  year: z.number().int(),
  items: z.array(PublicI4cItem),
  budgetSummary: z.string().nullable(),
  notes: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type PublicI4c = z.infer<typeof PublicI4c>;

export const PublicFacilityInfo = z.object({
  id: z.string(),
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  kind: PublicKind,
  /** Province, district and commune, from the top down. */
  path: z.array(PublicPlace),
});

export const PublicFacility = z.object({
  facility: PublicFacilityInfo,
  /** Years with an approved score card, oldest first. */
  scores: z.array(PublicScoreYear),
  actions: z.object({ counts: ActionCounts, items: z.array(PublicAction) }),
  /** Published I4C packs, newest first. */
  i4c: z.array(PublicI4c),
});
export type PublicFacility = z.infer<typeof PublicFacility>;

/**
 * A facility's headline on the commune page: the median of the per-indicator medians of its latest
 * approved community score card (and of the self-assessment of the same year).
 */
export const PublicHeadline = z.object({
  year: z.number().int(),
  community: z.number().nullable(),
  self: z.number().nullable(),
  indicators: z.number().int(),
});
export type PublicHeadline = z.infer<typeof PublicHeadline>;

export const PublicCommuneFacility = z.object({
  id: z.string(),
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  kind: PublicKind,
  headline: PublicHeadline.nullable(),
  actions: ActionCounts,
});
export type PublicCommuneFacility = z.infer<typeof PublicCommuneFacility>;

export const PublicCommune = z.object({
  commune: PublicPlace.extend({ path: z.array(PublicPlace) }),
  facilities: z.array(PublicCommuneFacility),
});
export type PublicCommune = z.infer<typeof PublicCommune>;

/** Any text: an id that is not a UUID is simply not found (404), not a form error. */
export const PublicFacilityParams = z.object({ id: z.string().max(100) });
export const PublicCommuneParams = z.object({ code: z.string().max(20) });
