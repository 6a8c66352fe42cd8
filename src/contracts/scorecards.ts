import { z } from "zod";
import { AGE_BANDS, SEXES } from "../domain/isaf-cycle";
import { GROUPS } from "../domain/scorecard-result";
import { PlaceCode, Timestamp, Uuid } from "./common";
import { PlaceSummary } from "./places";

/** Score cards (issue 3, parts 4, 5, 9, 13): the community meeting, the self-assessment, their review. */

export const ScorecardKind = z.enum(["community", "self"]);
export const ScorecardMode = z.enum(["individual", "tally"]);
export const ScorecardStatus = z.enum(["draft", "submitted", "returned", "approved"]);
export const Sex = z.enum(SEXES);
export const AgeBand = z.enum(AGE_BANDS);
const Version = z.number().int().min(1);
const Score = z.number().int().min(1).max(5);
const Count = z.number().int().min(0).max(100_000);
const LongText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

// ---- params ------------------------------------------------------------------------------------

export const CycleParams = z.object({ cycleId: Uuid });
export const ScorecardParams = z.object({ id: Uuid });
export const ParticipantParams = z.object({ id: Uuid, number: z.coerce.number().int().min(1).max(100_000) });
export const IssueParams = z.object({ id: Uuid, issueId: Uuid });
export const IndicatorParams = z.object({ id: Uuid, indicatorId: Uuid });
export const ChangeRequestParams = z.object({ id: Uuid, requestId: Uuid });

// ---- requests ----------------------------------------------------------------------------------

export const CreateScorecardBody = z.object({
  kind: ScorecardKind,
  mode: ScorecardMode.default("individual"),
});

export const MeetingDetailsBody = z.object({
  heldOn: z.iso.date().nullable(),
  villageCode: PlaceCode.nullable().optional(),
  mode: ScorecardMode,
  version: Version,
});

export const ParticipantInput = z.object({
  sex: Sex,
  age: z.number().int().min(5).max(120),
  disability: z.boolean().default(false),
  ethnicMinority: z.boolean().default(false),
  idPoor: z.boolean().default(false),
});
export type ParticipantInput = z.infer<typeof ParticipantInput>;
/** A participant corrected: their profile, and the card's version the correction was made on. */
export const UpdateParticipantBody = ParticipantInput.extend({ version: Version });
export const AddParticipantsBody = z.object({ participants: z.array(ParticipantInput).min(1).max(500) });

export const TallyRow = z.object({
  sex: Sex,
  ageBand: AgeBand,
  count: Count,
  disability: Count.default(0),
  ethnicMinority: Count.default(0),
  idPoor: Count.default(0),
});
export const TalliesBody = z.object({
  rows: z.array(TallyRow).max(AGE_BANDS.length * SEXES.length),
  version: Version,
});

/** An issue raised: an indicator of the catalogue, or the participants' own words (exactly one of the two). */
export const RaiseIssueBody = z.object({
  indicatorId: Uuid.optional(),
  /** The participants' own words: the indicator joins the catalogue as "proposed". */
  ownWords: z.object({ nameKm: z.string().trim().min(1).max(200), nameEn: LongText(200) }).optional(),
  /** Individual mode: who raised it. */
  participantNumbers: z.array(z.number().int().min(1)).max(500).optional(),
  /** Tally mode: how many raised it. */
  count: z.number().int().min(1).max(100_000).optional(),
});

export const PrioritiesBody = z.object({
  indicatorIds: z.array(Uuid).max(20),
  /** Confirms that scores already given to an indicator taken off the list may be deleted. */
  discardScores: z.boolean().default(false),
  version: Version,
});

export const PriorityNotesBody = z.object({
  strengths: LongText(2000),
  weaknesses: LongText(2000),
  suggestedActions: LongText(2000),
  version: Version,
});

export const ScoreEntry = z.object({ indicatorId: Uuid, score: Score });
export const ParticipantScoresBody = z.object({
  participantNumber: z.number().int().min(1),
  scores: z.array(ScoreEntry).min(1).max(20),
});
export const ReplaceScoresBody = z.object({ scores: z.array(ScoreEntry).max(20), version: Version });
export const ScoreTallyBody = z.object({
  counts: z.tuple([Count, Count, Count, Count, Count]),
  version: Version,
});

export const VersionBody = z.object({ version: Version });
export const ReturnBody = z.object({ version: Version, comment: z.string().trim().min(1).max(2000) });
export const ChangeRequestBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export const GrantBody = z.object({ note: LongText(2000) });
export const RefuseBody = z.object({ note: z.string().trim().min(1).max(2000) });

// ---- responses ---------------------------------------------------------------------------------

export const IndicatorRef = z.object({
  id: Uuid,
  code: z.string(),
  nameKm: z.string(),
  nameEn: z.string(),
  status: z.string(),
});
export type IndicatorRef = z.infer<typeof IndicatorRef>;

const Person = z.object({ id: Uuid, displayName: z.string() }).nullable();

export const Participant = z.object({
  number: z.number().int(),
  sex: Sex,
  age: z.number().int(),
  disability: z.boolean(),
  ethnicMinority: z.boolean(),
  idPoor: z.boolean(),
});

export const Issue = z.object({
  id: Uuid,
  indicator: IndicatorRef,
  participantNumber: z.number().int().nullable(),
  count: z.number().int(),
});

export const Priority = z.object({
  indicator: IndicatorRef,
  rank: z.number().int(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  suggestedActions: z.string().nullable(),
  /** Registered participants who scored it, or the number of tallied scores. */
  scoredBy: z.number().int(),
});

export const ChangeRequest = z.object({
  id: Uuid,
  reason: z.string(),
  status: z.enum(["pending", "granted", "refused"]),
  requestedBy: Person,
  requestedAt: Timestamp,
  decidedBy: Person,
  decidedAt: Timestamp.nullable(),
  decisionNote: z.string().nullable(),
});

export const CycleRef = z.object({
  id: Uuid,
  year: z.number().int(),
  sectorCode: z.string(),
  communeCode: z.string(),
  programme: z.object({ id: Uuid, nameKm: z.string(), nameEn: z.string() }),
  facility: z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() }),
  /** Province › district › commune. */
  path: z.array(PlaceSummary),
});

export const MissingItem = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const ScorecardSummary = z.object({
  id: Uuid,
  cycleId: Uuid,
  kind: ScorecardKind,
  mode: ScorecardMode,
  status: ScorecardStatus,
  heldOn: z.string().nullable(),
  participantCount: z.number().int(),
  priorityCount: z.number().int(),
  submittedAt: Timestamp.nullable(),
  version: z.number().int(),
});

/**
 * The card. Who each participant is (their profile, the tallies' profile counts) and what each one
 * scored go only to those who record or review the card; for everyone else `participants`, `tallies`
 * and `scores` are null and issues carry no participant number: they read the results instead
 * (GET /api/v1/scorecards/:id/results, which withholds small groups).
 */
export const Scorecard = ScorecardSummary.extend({
  cycle: CycleRef,
  village: PlaceSummary.nullable(),
  participants: z.array(Participant).nullable(),
  tallies: z
    .array(
      z.object({
        sex: Sex,
        ageBand: AgeBand,
        count: z.number().int(),
        disability: z.number().int(),
        ethnicMinority: z.number().int(),
        idPoor: z.number().int(),
      }),
    )
    .nullable(),
  issues: z.array(Issue),
  priorities: z.array(Priority),
  scores: z
    .array(z.object({ participantNumber: z.number().int(), indicatorId: Uuid, score: z.number().int() }))
    .nullable(),
  scoreTallies: z.array(z.object({ indicatorId: Uuid, counts: z.array(z.number().int()) })),
  submittedBy: Person,
  reviewedAt: Timestamp.nullable(),
  reviewedBy: Person,
  reviewComment: z.string().nullable(),
  changeRequests: z.array(ChangeRequest),
  /** What still stops the card from being submitted, in the caller's language. */
  missing: z.array(MissingItem),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    requestChange: z.boolean(),
    decideChange: z.boolean(),
  }),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const CycleScorecards = z.object({
  community: ScorecardSummary.nullable(),
  self: ScorecardSummary.nullable(),
  can: z.object({ createCommunity: z.boolean(), createSelf: z.boolean() }),
});

const Distribution = z.array(z.number().int());
export const GroupSummary = z.object({
  n: z.number().int(),
  tooSmall: z.boolean(),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  distribution: Distribution.nullable(),
});
export const IndicatorResult = z.object({
  n: z.number().int(),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  distribution: Distribution,
  groups: z.record(z.enum(GROUPS), GroupSummary).nullable(),
});

export const ScorecardResults = z.object({
  id: Uuid,
  kind: ScorecardKind,
  mode: ScorecardMode,
  status: ScorecardStatus,
  participantCount: z.number().int(),
  indicators: z.array(z.object({ indicator: IndicatorRef, rank: z.number().int(), result: IndicatorResult })),
});

export const Comparison = z.object({
  community: ScorecardSummary.nullable(),
  self: ScorecardSummary.nullable(),
  indicators: z.array(
    z.object({
      indicator: IndicatorRef,
      rank: z.number().int(),
      community: IndicatorResult.nullable(),
      self: IndicatorResult.nullable(),
      medianGap: z.number().nullable(),
    }),
  ),
});

export const ReviewQueue = z.object({
  submitted: z.array(ScorecardSummary.extend({ cycle: CycleRef, submittedBy: Person })),
  changeRequests: z.array(ChangeRequest.extend({ scorecard: ScorecardSummary.extend({ cycle: CycleRef }) })),
});
