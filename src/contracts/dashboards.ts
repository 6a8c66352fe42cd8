import { z } from "zod";
import { AGE_BANDS, CYCLE_STEPS } from "../domain/isaf-cycle";
import { PlaceCode, Uuid } from "./common";

export const DASHBOARD_SECTORS = ["PS", "HC", "CA"] as const;
export const ACTION_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export const COMMITTEE_STATES = ["compliant", "override", "not_formed"] as const;
export const PROFILES = ["disability", "ethnicMinority", "idPoor"] as const;

const Year = z.coerce.number().int().min(2000).max(2100);

/**
 * The dashboard's scope: the nation (no place), a province, district or commune, or one facility;
 * a sector and a range of years. Everything is optional: the nation, every sector, every year.
 */
export const DashboardQuery = z.object({
  place: z
    .union([z.literal(""), PlaceCode.refine((code) => code.length <= 6, { message: "place_code" })])
    .optional(),
  facility: Uuid.optional(),
  sector: z.enum(DASHBOARD_SECTORS).optional(),
  yearFrom: Year.optional(),
  yearTo: Year.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardExportQuery = DashboardQuery.extend({ format: z.enum(["xlsx", "csv"]) });

const Named = z.object({ code: z.string(), nameKm: z.string(), nameEn: z.string() });

export const DashboardIndicator = z.object({
  id: Uuid,
  code: z.string(),
  sectorCode: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
});

const Distribution = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]);
/** The exact median, mean and distribution of a set of scores (src/domain/scorecard-result.ts). */
export const ScoreSummary = z.object({
  n: z.number().int(),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  distribution: Distribution,
});

export const IndicatorFigures = z.object({
  indicator: DashboardIndicator,
  community: ScoreSummary,
  self: ScoreSummary,
  /** Self median − community median (positive: the provider rates itself higher). */
  gap: z.number().nullable(),
  trend: z.array(z.object({ year: z.number().int(), community: ScoreSummary, self: ScoreSummary })),
});

export const RankedIndicator = z.object({ indicator: DashboardIndicator, count: z.number().int() });

/** The headline figures of one child area (a province of the nation, … a facility of a commune). */
export const AreaFigures = z.object({
  /** A place code, or a facility id for the facilities of a commune. */
  id: z.string(),
  kind: z.enum(["place", "facility"]),
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  /** For a facility: its sector. */
  sectorCode: z.string().nullable(),
  cycles: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
  participants: z.number().int(),
  women: z.number().int(),
  /** Mean community score (1–5), null without scores. */
  communityMean: z.number().nullable(),
  actions: z.number().int(),
  actionsDone: z.number().int(),
  overdue: z.number().int(),
  /** Done ÷ (all − dropped), 0..1; null without actions. */
  completionRate: z.number().nullable(),
  committeesFormed: z.number().int(),
  committeesCompliant: z.number().int(),
});
export type AreaFigures = z.infer<typeof AreaFigures>;

export const YearFigures = z.object({
  year: z.number().int(),
  cycles: z.number().int(),
  done: z.number().int(),
  participants: z.number().int(),
  actions: z.number().int(),
  actionsDone: z.number().int(),
  communityMean: z.number().nullable(),
});

export const Dashboard = z.object({
  scope: z.object({
    level: z.enum(["national", "province", "district", "commune", "facility"]),
    /** The place code (the facility's commune for a facility); "" for the nation. */
    place: z.string(),
    /** The place and its ancestors from the province down (empty for the nation). */
    path: z.array(Named.extend({ level: z.string() })),
    facility: Named.extend({ id: Uuid, kindCode: z.string(), communeCode: z.string() }).nullable(),
    sector: z.enum(DASHBOARD_SECTORS).nullable(),
    yearFrom: z.number().int().nullable(),
    yearTo: z.number().int().nullable(),
    /** The day late and overdue are counted on. */
    asOf: z.string(),
  }),
  hasData: z.boolean(),
  cycles: z.object({
    total: z.number().int(),
    /** Past the JAAP: follow-up or closed. */
    done: z.number().int(),
    /** Planned meeting date passed and the score card not done (still planned, I4C or score card). */
    late: z.number().int(),
    byStep: z.array(z.object({ step: z.enum(CYCLE_STEPS), count: z.number().int() })),
  }),
  scorecards: z.object({ community: z.number().int(), self: z.number().int() }),
  participants: z.object({
    total: z.number().int(),
    bySexAndAge: z.array(
      z.object({ sex: z.enum(["female", "male"]), ageBand: z.enum(AGE_BANDS), count: z.number().int() }),
    ),
    profiles: z.array(
      z.object({ profile: z.enum(PROFILES), female: z.number().int(), male: z.number().int() }),
    ),
  }),
  raised: z.array(RankedIndicator),
  prioritised: z.array(RankedIndicator),
  indicators: z.array(IndicatorFigures),
  jaap: z.object({
    total: z.number().int(),
    byStatus: z.array(z.object({ status: z.enum(ACTION_STATUSES), count: z.number().int() })),
    completionRate: z.number().nullable(),
    /** Planned or in progress with the deadline passed. */
    overdue: z.number().int(),
  }),
  committees: z.object({
    compliant: z.number().int(),
    override: z.number().int(),
    notFormed: z.number().int(),
  }),
  years: z.array(YearFigures),
  /** The child areas: provinces of the nation, districts of a province, communes of a district, facilities of a commune. */
  areas: z.array(AreaFigures),
});
export type Dashboard = z.infer<typeof Dashboard>;
