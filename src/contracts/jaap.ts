import { z } from "zod";
import { SEXES } from "../domain/isaf-cycle";
import { OptionalText, PagingQuery, page, Timestamp, Uuid } from "./common";

/**
 * The interface meeting, the Joint Accountability Action Plan (JAAP) and the monitoring committee of
 * an ISAF cycle (issue 3, parts 6–8).
 */
export const RESPONSIBLE_PARTIES = ["provider", "commune", "district", "citizens", "other"] as const;
export const ACTION_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
/** The statuses a progress update may move an action to; dropping has its own request with a reason. */
export const UPDATE_STATUSES = ["planned", "in_progress", "done"] as const;
export const COMMITTEE_ROLES = ["chair", "deputy", "secretary", "member"] as const;
/** A supervisor's written reason to mark a committee formed although a quota rule fails. */
export const OVERRIDE_REASON_MIN = 10;

export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const IsoDate = z.iso.date();
/** A date typed in: a real calendar date in 1900–2100 (PostgreSQL refuses year 0, and such years are typos). */
const InputDate = IsoDate.refine((value) => {
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2100;
});
const Count = z.number().int().min(0).max(100_000);

export const CycleParams = z.object({ cycleId: Uuid });
export const ActionParams = z.object({ id: Uuid });
export const PhotoParams = z.object({ id: Uuid, mediaId: Uuid });
export const MemberParams = z.object({ cycleId: Uuid, memberId: Uuid });

// ---- the cycle as the JAAP pages see it -----------------------------------------------------------

export const IndicatorRef = z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() });

export const JaapCycle = z.object({
  cycle: z.object({
    id: Uuid,
    year: z.number().int(),
    sectorCode: z.string(),
    communeCode: z.string(),
    step: z.string(),
    facility: z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() }),
  }),
  /** The sector's indicators an action may be tied to, the community card's prioritised ones first. */
  indicators: z.array(IndicatorRef.extend({ prioritised: z.boolean() })),
  /** People with an account whose area covers the commune (offered as the responsible user). */
  people: z.array(z.object({ id: Uuid, displayName: z.string() })),
  can: z.object({ facilitate: z.boolean(), update: z.boolean(), override: z.boolean() }),
});

// ---- interface meeting ------------------------------------------------------------------------------

const SideAttendance = z.object({ female: Count, male: Count });
/** Attendance by side (INTERFACE_SIDES) and sex. */
export const InterfaceAttendance = z.object({
  citizens: SideAttendance,
  provider: SideAttendance,
  commune_council: SideAttendance,
  others: SideAttendance,
});

export const InterfaceMeetingInput = z.object({
  heldOn: InputDate,
  attendance: InterfaceAttendance,
  notes: OptionalText(8000),
  /** The version read; absent when recording the meeting for the first time. */
  version: z.number().int().min(1).optional(),
});
export type InterfaceMeetingInput = z.infer<typeof InterfaceMeetingInput>;

export const InterfaceMeetingView = z.object({
  cycleId: Uuid,
  meeting: z
    .object({
      heldOn: IsoDate,
      attendance: InterfaceAttendance,
      total: z.number().int(),
      notes: z.string().nullable(),
      version: z.number().int(),
      updatedAt: Timestamp,
    })
    .nullable(),
  can: z.object({ edit: z.boolean() }),
});

// ---- JAAP actions ---------------------------------------------------------------------------------

export const ActionInput = z.object({
  /** What will be done. */
  title: z.string().trim().min(1).max(500),
  indicatorIds: z.array(Uuid).min(1).max(20),
  responsibleParty: z.enum(RESPONSIBLE_PARTIES),
  /** Checked by the service, so that a missing owner gets its own clear message. */
  responsibleName: z.string().trim().max(200).nullable().optional(),
  responsibleUserId: Uuid.nullable().optional(),
  resourcesRiel: z.number().int().min(0).max(1_000_000_000_000).nullable().optional(),
  deadline: InputDate,
  /** A decision of the interface meeting (rather than an action added later). */
  fromInterfaceMeeting: z.boolean().default(false),
});
export type ActionInput = z.infer<typeof ActionInput>;
export const ActionUpdate = ActionInput.extend({ version: z.number().int().min(1) });

export const ProgressInput = z.object({
  note: z.string().trim().min(1).max(4000),
  status: z.enum(UPDATE_STATUSES),
  /** Photos uploaded first with POST /api/v1/jaap/actions/:id/photos. */
  photoIds: z.array(Uuid).max(10).default([]),
  version: z.number().int().min(1),
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const DropInput = z.object({
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1),
});

export const StoredPhoto = z.object({
  id: Uuid,
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
});

const Person = z.object({ id: Uuid, displayName: z.string() });

export const Action = z.object({
  id: Uuid,
  cycleId: Uuid,
  title: z.string(),
  indicators: z.array(IndicatorRef),
  responsibleParty: z.enum(RESPONSIBLE_PARTIES),
  responsibleName: z.string(),
  responsibleUser: Person.nullable(),
  resourcesRiel: z.number().nullable(),
  deadline: IsoDate,
  status: z.enum(ACTION_STATUSES),
  dropReason: z.string().nullable(),
  fromInterfaceMeeting: z.boolean(),
  /** Open (planned or in progress) with its deadline before today. */
  overdue: z.boolean(),
  lastUpdateOn: IsoDate.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: z.object({ edit: z.boolean(), update: z.boolean() }),
});
export type Action = z.infer<typeof Action>;

export const ProgressUpdate = z.object({
  id: Uuid,
  note: z.string(),
  statusAfter: z.enum(ACTION_STATUSES),
  photoIds: z.array(Uuid),
  by: Person.nullable(),
  createdAt: Timestamp,
});

export const ActionDetail = Action.extend({
  updates: z.array(ProgressUpdate),
  facility: z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() }),
  year: z.number().int(),
});
export type ActionDetail = z.infer<typeof ActionDetail>;

export const CycleActions = z.object({ items: z.array(Action) });

export const ActionListQuery = PagingQuery.extend({
  place: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/)
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sector: z.string().min(1).max(20).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: z.enum(["1", "0"]).optional(),
  mine: z.enum(["1", "0"]).optional(),
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;

export const ActionListItem = Action.omit({ can: true }).extend({
  year: z.number().int(),
  sectorCode: z.string(),
  communeCode: z.string(),
  facility: z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() }),
});
export const ActionPage = page(ActionListItem);

// ---- monitoring committee -------------------------------------------------------------------------

export const MemberInput = z.object({
  name: z.string().trim().min(1).max(200),
  sex: z.enum(SEXES),
  age: z.number().int().min(10).max(120),
  ethnicMinority: z.boolean().default(false),
  role: z.enum(COMMITTEE_ROLES),
});
export type MemberInput = z.infer<typeof MemberInput>;
/** The member as read (its last change), so that two people editing one member do not overwrite each other. */
export const MemberUpdate = MemberInput.extend({ updatedAt: Timestamp });
export const MemberRemove = z.object({ updatedAt: Timestamp });

export const FormInput = z.object({
  /** Only for a supervisor marking a committee formed although a quota rule fails. */
  overrideReason: z.string().trim().max(2000).optional(),
});
export const UnformInput = z.object({ confirm: z.literal(true) });

export const QuotaCheck = z.object({
  rule: z.enum(["women_share", "youth", "ethnic_minority"]),
  actual: z.number(),
  required: z.number(),
  passed: z.boolean(),
  applies: z.boolean(),
});

export const Committee = z.object({
  cycleId: Uuid,
  members: z.array(
    MemberInput.extend({ id: Uuid, ethnicMinority: z.boolean(), youth: z.boolean(), updatedAt: Timestamp }),
  ),
  quota: z.object({
    checks: z.array(QuotaCheck),
    compliant: z.boolean(),
    communeHasMinorityParticipants: z.boolean(),
  }),
  formed: z
    .object({
      at: Timestamp,
      quotaMet: z.boolean(),
      overrideReason: z.string().nullable(),
      overrideBy: Person.nullable(),
    })
    .nullable(),
  can: z.object({ edit: z.boolean(), form: z.boolean(), override: z.boolean() }),
});
export type Committee = z.infer<typeof Committee>;
