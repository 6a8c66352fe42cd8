import { z } from "zod";
import { CYCLE_STEPS } from "../domain/isaf-cycle";
import { Name, OptionalText, PlaceCode, page, Timestamp, Uuid } from "./common";
import { PlaceSummary } from "./places";

/** ISAF programmes, cycles, I4C and the indicator catalogue (issue 3, parts 1–3). */

export const ISAF_SECTORS = ["PS", "HC", "CA"] as const;
export const Sector = z.enum(ISAF_SECTORS);
export const INDICATOR_STATUSES = ["active", "proposed", "duplicate", "retired"] as const;
export const IndicatorStatus = z.enum(INDICATOR_STATUSES);
/** Khmer, English and the ISAF-II minority languages (Bunong, Tampuan, Kreung, Kavet, Jarai). */
export const AUDIO_LANGUAGES = ["km", "en", "bn", "tp", "kr", "kv", "jr"] as const;
export const AudioLanguage = z.enum(AUDIO_LANGUAGES);
export const CycleStep = z.enum(CYCLE_STEPS);
const Version = z.number().int().min(1);
const Year = z.number().int().min(2000).max(2100);
const IsoDate = z.iso.date();
const Ref = z.object({ id: Uuid, nameKm: z.string(), nameEn: z.string() });

// ---- the indicator catalogue ------------------------------------------------------------------

export const IndicatorQuery = z.object({
  sector: Sector.optional(),
  status: IndicatorStatus.optional(),
  programme: Uuid.optional(),
});

export const Indicator = z.object({
  id: Uuid,
  code: z.string(),
  sectorCode: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  nameEnIsTranslation: z.boolean(),
  source: z.enum(["isaf2", "meeting", "programme"]),
  status: IndicatorStatus,
  duplicateOfId: Uuid.nullable(),
  /** The indicator this one repeats (for status "duplicate"). */
  duplicateOf: z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() }).nullable(),
  sourceNote: z.string().nullable(),
  audioLanguages: z.array(z.string()),
  version: z.number().int(),
});
export const IndicatorList = z.object({ items: z.array(Indicator) });

export const IndicatorCreate = z.object({
  sectorCode: Sector,
  nameKm: Name,
  nameEn: Name,
  nameEnIsTranslation: z.boolean().default(false),
  sourceNote: OptionalText(500),
});
export const IndicatorUpdate = z.object({
  nameKm: Name,
  nameEn: Name,
  nameEnIsTranslation: z.boolean(),
  sourceNote: OptionalText(500),
  version: Version,
});
/** Accept a proposed indicator (active), retire it, or mark it a duplicate of another. */
export const IndicatorStatusChange = z.object({
  status: z.enum(["active", "retired", "duplicate"]),
  duplicateOfId: Uuid.nullable().optional(),
  version: Version,
});
export const IndicatorParams = z.object({ id: Uuid });
export const IndicatorAudioParams = z.object({ id: Uuid, language: AudioLanguage });

export const RatingPoint = z.object({
  value: z.number().int(),
  code: z.string(),
  labelKm: z.string(),
  labelEn: z.string(),
  audioLanguages: z.array(z.string()),
});
export const RatingScale = z.object({ items: z.array(RatingPoint) });
export const RatingAudioParams = z.object({
  value: z.coerce.number().int().min(1).max(5),
  language: AudioLanguage,
});

export const AudioStored = z.object({
  language: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
});

// ---- programmes ---------------------------------------------------------------------------------

export const QuotaRules = z.object({
  /** Share of women, 0..1 (the screens show it as a percentage). */
  minWomenShare: z.number().min(0).max(1),
  minYouth: z.number().int().min(0).max(50),
  minEthnicMinorityWherePresent: z.number().int().min(0).max(50),
});

export const ProgrammeInput = z.object({
  nameKm: Name,
  nameEn: Name,
  donor: OptionalText(200),
  leadOrganisationId: Uuid.nullable().optional(),
  partnerOrganisationIds: z.array(Uuid).max(50).default([]),
  startYear: Year,
  endYear: Year,
  communeCodes: z.array(PlaceCode).min(1).max(2000),
  quotaRules: QuotaRules.optional(),
  /** The programme's indicator catalogue; by default every active PS, HC and CA indicator. */
  indicatorIds: z.array(Uuid).max(500).optional(),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;
export const ProgrammeUpdate = ProgrammeInput.extend({ version: Version });
export const ProgrammeParams = z.object({ id: Uuid });

export const ProgrammeSummary = z.object({
  id: Uuid,
  nameKm: z.string(),
  nameEn: z.string(),
  donor: z.string().nullable(),
  leadOrganisation: Ref.nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  communeCount: z.number().int(),
  cycleCount: z.number().int(),
  active: z.boolean(),
});
export const ProgrammeList = z.object({ items: z.array(ProgrammeSummary) });

export const Programme = ProgrammeSummary.extend({
  partners: z.array(Ref),
  communes: z.array(PlaceSummary.extend({ path: z.array(PlaceSummary) })),
  quotaRules: QuotaRules,
  indicatorIds: z.array(Uuid),
  version: z.number().int(),
  canManage: z.boolean(),
});

export const PlanQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const PlanCandidates = z.object({
  year: z.number().int(),
  facilities: z.array(
    z.object({
      id: Uuid,
      code: z.string(),
      nameKm: z.string(),
      nameEn: z.string(),
      kindCode: z.string(),
      commune: PlaceSummary,
      /** The cycle this facility already has that year (in any programme), if any. */
      existingCycle: z.object({ id: Uuid, programmeId: Uuid, step: CycleStep }).nullable(),
    }),
  ),
  facilitators: z.array(z.object({ id: Uuid, displayName: z.string(), communeCodes: z.array(z.string()) })),
});
export const PlanInput = z.object({
  year: Year,
  facilityIds: z.array(Uuid).min(1).max(500),
  plannedMeetingOn: IsoDate.nullable().optional(),
  ngoOrganisationId: Uuid.nullable().optional(),
  facilitatorIds: z.array(Uuid).max(20).default([]),
});
export const PlanResult = z.object({ created: z.array(z.object({ id: Uuid, facilityId: Uuid })) });

// ---- cycles -------------------------------------------------------------------------------------

const Person = z.object({ id: Uuid, displayName: z.string() });

export const CycleListQuery = z.object({
  place: PlaceCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sector: Sector.optional(),
  step: CycleStep.optional(),
  programme: Uuid.optional(),
  late: z.enum(["1", "0"]).optional(),
  mine: z.enum(["1", "0"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const CycleListItem = z.object({
  id: Uuid,
  year: z.number().int(),
  step: CycleStep,
  sectorCode: z.string(),
  programme: Ref,
  facility: z.object({
    id: Uuid,
    code: z.string(),
    nameKm: z.string(),
    nameEn: z.string(),
    kindCode: z.string(),
  }),
  communeCode: z.string(),
  commune: PlaceSummary.nullable(),
  plannedMeetingOn: z.string().nullable(),
  late: z.boolean(),
  facilitators: z.array(Person),
});
export const CyclePage = page(CycleListItem);

export const Cycle = z.object({
  id: Uuid,
  year: z.number().int(),
  step: CycleStep,
  programme: Ref,
  facility: z.object({
    id: Uuid,
    code: z.string(),
    nameKm: z.string(),
    nameEn: z.string(),
    kindCode: z.string(),
    communeCode: z.string(),
    path: z.array(z.object({ code: z.string(), nameKm: z.string(), nameEn: z.string() })),
  }),
  sectorCode: z.string(),
  communeCode: z.string(),
  ngoOrganisation: Ref.nullable(),
  facilitators: z.array(Person),
  plannedMeetingOn: z.string().nullable(),
  late: z.boolean(),
  i4cPublishedAt: Timestamp.nullable(),
  steps: z.array(
    z.object({
      step: CycleStep,
      completedOn: z.string().nullable(),
      completedBy: Person.nullable(),
      note: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
/** The same parameter name as the score-card and JAAP routes under /cycles/:cycleId. */
export const CycleParams = z.object({ cycleId: Uuid });

export const CycleUpdate = z.object({
  plannedMeetingOn: IsoDate.nullable(),
  ngoOrganisationId: Uuid.nullable(),
  facilitatorIds: z.array(Uuid).max(20),
  version: Version,
});

export const StepCompletion = z.object({
  /** The step being completed: must be the cycle's current step. */
  step: CycleStep,
  completedOn: IsoDate,
  note: OptionalText(1000),
  version: Version,
});

// ---- I4C ----------------------------------------------------------------------------------------

export const I4cItem = z.object({
  labelKm: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().max(200).default(""),
  standardValue: z.string().trim().min(1).max(60),
  actualValue: z.string().trim().min(1).max(60),
  unit: OptionalText(40),
});
export const I4cPackInput = z.object({
  items: z.array(I4cItem).max(40),
  budgetSummary: OptionalText(4000),
  notes: OptionalText(4000),
  version: Version,
});

const Band = z.number().int().min(0).max(100_000);
/** Counts by age band (AGE_BANDS of src/domain/isaf-cycle.ts), per sex (SEXES). */
const BandCounts = z.object({ under_15: Band, "15_17": Band, "18_30": Band, "31_59": Band, "60_plus": Band });
export const Attendance = z.object({ female: BandCounts, male: BandCounts });

export const I4cSessionInput = z.object({
  heldOn: IsoDate,
  villageCode: PlaceCode.nullable().optional(),
  attendance: Attendance,
  notes: OptionalText(2000),
});
export const I4cSessionUpdate = I4cSessionInput.extend({
  /** The session as last read (updated_at): a stale edit is refused. */
  updatedAt: Timestamp,
});
export const I4cSessionParams = z.object({ cycleId: Uuid, sessionId: Uuid });
export const I4cSessionDelete = z.object({ updatedAt: Timestamp });

export const I4cPhotoParams = z.object({ cycleId: Uuid, sessionId: Uuid, mediaId: Uuid });

/** A photo of a session, read at GET …/i4c/sessions/:sessionId/photos/:id (never on public pages). */
export const I4cSessionPhoto = z.object({ id: Uuid, contentType: z.string(), byteSize: z.number().int() });

export const I4cSession = z.object({
  id: Uuid,
  heldOn: z.string(),
  village: PlaceSummary.nullable(),
  attendance: Attendance,
  total: z.number().int(),
  notes: z.string().nullable(),
  updatedAt: Timestamp,
  /** In the order they were attached. */
  photos: z.array(I4cSessionPhoto),
});

export const I4cPack = z.object({
  cycleId: Uuid,
  items: z.array(
    z.object({
      id: Uuid,
      position: z.number().int(),
      labelKm: z.string(),
      labelEn: z.string(),
      standardValue: z.string(),
      actualValue: z.string(),
      unit: z.string().nullable(),
    }),
  ),
  budgetSummary: z.string().nullable(),
  notes: z.string().nullable(),
  publishedAt: Timestamp.nullable(),
  sessions: z.array(I4cSession),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export const PublishBody = z.object({ version: Version });
