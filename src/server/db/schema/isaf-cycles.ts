import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { QuotaRules } from "../../../domain/committee-quota";
import type { AttendanceBySexAndAge, InterfaceAttendance } from "../../../domain/isaf-cycle";
import { CYCLE_STEPS } from "../../../domain/isaf-cycle";
import { changePosition, timestamps } from "./common";
import { facilities, facilityKinds } from "./facilities";
import { indicators } from "./isaf-catalogue";
import { mediaFiles } from "./media";
import { organisations } from "./organisations";
import { places } from "./places";
import { users } from "./users";

/** A social-accountability programme: who runs it, where, its quota rules and indicator catalogue. */
export const programmes = pgTable("programmes", {
  id: uuid("id").primaryKey(),
  nameKm: text("name_km").notNull(),
  nameEn: text("name_en").notNull(),
  donor: text("donor"),
  /** The NGO responsible for the programme. */
  leadOrganisationId: uuid("lead_organisation_id").references(() => organisations.id),
  startYear: integer("start_year").notNull(),
  endYear: integer("end_year").notNull(),
  quotaRules: jsonb("quota_rules").$type<QuotaRules>().notNull(),
  active: boolean("active").notNull().default(true),
  isDemo: boolean("is_demo").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id),
  ...timestamps,
});

export const programmePartners = pgTable(
  "programme_partners",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.organisationId] })],
);

export const programmeCommunes = pgTable(
  "programme_communes",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    communeCode: text("commune_code")
      .notNull()
      .references(() => places.code),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.communeCode] }),
    index("programme_communes_commune_idx").on(t.communeCode),
  ],
);

/** The programme's indicator catalogue: the indicators its meetings offer. */
export const programmeIndicators = pgTable(
  "programme_indicators",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.indicatorId] })],
);

/** One facility, one year: the ISAF cycle. Place and sector are copied from the facility for scope and rollups. */
export const cycles = pgTable(
  "cycles",
  {
    id: uuid("id").primaryKey(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    year: integer("year").notNull(),
    sectorCode: text("sector_code")
      .notNull()
      .references(() => facilityKinds.code),
    provinceCode: text("province_code").notNull(),
    districtCode: text("district_code").notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => places.code),
    /** The step the cycle is at (CYCLE_STEPS order). */
    step: text("step", { enum: CYCLE_STEPS }).notNull().default("planned"),
    /** The NGO responsible for this facility's cycle. */
    ngoOrganisationId: uuid("ngo_organisation_id").references(() => organisations.id),
    /** When the score-card meeting should happen: the cycle is late when it has not happened by then. */
    plannedMeetingOn: date("planned_meeting_on", { mode: "string" }),
    i4cBudgetSummary: text("i4c_budget_summary"),
    i4cNotes: text("i4c_notes"),
    i4cPublishedAt: timestamp("i4c_published_at", { withTimezone: true, mode: "date" }),
    committeeFormedAt: timestamp("committee_formed_at", { withTimezone: true, mode: "date" }),
    /** Whether every quota rule held when the committee was marked formed. */
    committeeQuotaMet: boolean("committee_quota_met"),
    /** A supervisor marked the committee formed although a quota rule failed: the written reason. */
    committeeOverrideReason: text("committee_override_reason"),
    committeeOverrideBy: uuid("committee_override_by").references(() => users.id),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
    ...changePosition,
  },
  (t) => [
    uniqueIndex("cycles_facility_year_uq").on(t.facilityId, t.year),
    index("cycles_commune_year_idx").on(t.communeCode, t.year),
    index("cycles_province_year_idx").on(t.provinceCode, t.year),
    index("cycles_programme_idx").on(t.programmeId, t.year),
  ],
);

export const cycleFacilitators = pgTable(
  "cycle_facilitators",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.userId] }), index("cycle_facilitators_user_idx").on(t.userId)],
);

/** When each step was completed and by whom. */
export const cycleSteps = pgTable(
  "cycle_steps",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    step: text("step", { enum: CYCLE_STEPS }).notNull(),
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    completedBy: uuid("completed_by").references(() => users.id),
    note: text("note"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.step] })],
);

/** Information for Citizens: one line of the pack, standard against actual. */
export const i4cItems = pgTable(
  "i4c_items",
  {
    id: uuid("id").primaryKey(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    labelKm: text("label_km").notNull(),
    labelEn: text("label_en").notNull(),
    standardValue: text("standard_value").notNull(),
    actualValue: text("actual_value").notNull(),
    unit: text("unit"),
    ...timestamps,
  },
  (t) => [index("i4c_items_cycle_idx").on(t.cycleId, t.position)],
);

/** An I4C dissemination session with attendance by sex and age band. */
export const i4cSessions = pgTable(
  "i4c_sessions",
  {
    id: uuid("id").primaryKey(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    villageCode: text("village_code").references(() => places.code),
    attendance: jsonb("attendance").$type<AttendanceBySexAndAge>().notNull(),
    notes: text("notes"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("i4c_sessions_cycle_idx").on(t.cycleId)],
);

/**
 * Photos of a dissemination session (taken in the field, often of people's faces): read only by
 * those who may read the cycle's I4C pack, never on the public page. A photo belongs to one session.
 */
export const i4cSessionPhotos = pgTable(
  "i4c_session_photos",
  {
    mediaId: uuid("media_id")
      .primaryKey()
      .references(() => mediaFiles.id),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => i4cSessions.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("i4c_session_photos_session_idx").on(t.sessionId)],
);

/** The interface meeting: citizens, provider and commune council agree the JAAP. */
export const interfaceMeetings = pgTable("interface_meetings", {
  cycleId: uuid("cycle_id")
    .primaryKey()
    .references(() => cycles.id, { onDelete: "cascade" }),
  heldOn: date("held_on", { mode: "string" }).notNull(),
  attendance: jsonb("attendance").$type<InterfaceAttendance>().notNull(),
  notes: text("notes"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** JAAP monitoring committee members. */
export const committeeMembers = pgTable(
  "committee_members",
  {
    id: uuid("id").primaryKey(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sex: text("sex", { enum: ["female", "male"] }).notNull(),
    age: integer("age").notNull(),
    ethnicMinority: boolean("ethnic_minority").notNull().default(false),
    role: text("role", { enum: ["chair", "deputy", "secretary", "member"] }).notNull(),
    ...timestamps,
  },
  (t) => [index("committee_members_cycle_idx").on(t.cycleId)],
);

/** A Joint Accountability Action Plan action. */
export const jaapActions = pgTable(
  "jaap_actions",
  {
    id: uuid("id").primaryKey(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    communeCode: text("commune_code").notNull(),
    title: text("title").notNull(),
    responsibleParty: text("responsible_party", {
      enum: ["provider", "commune", "district", "citizens", "other"],
    }).notNull(),
    responsibleName: text("responsible_name").notNull(),
    /** The user who updates the action, when the responsible person has an account. */
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    resourcesRiel: bigint("resources_riel", { mode: "number" }),
    deadline: date("deadline", { mode: "string" }).notNull(),
    status: text("status", { enum: ["planned", "in_progress", "done", "dropped"] })
      .notNull()
      .default("planned"),
    dropReason: text("drop_reason"),
    /** Agreed at the interface meeting (rather than added later). */
    fromInterfaceMeeting: boolean("from_interface_meeting").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index("jaap_actions_cycle_idx").on(t.cycleId),
    index("jaap_actions_commune_idx").on(t.communeCode, t.deadline),
    index("jaap_actions_responsible_idx").on(t.responsibleUserId),
  ],
);

export const jaapActionIndicators = pgTable(
  "jaap_action_indicators",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => jaapActions.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.indicatorId] })],
);

/** Progress on an action: a note, the status it moved to, evidence photos (media ids). */
export const jaapUpdates = pgTable(
  "jaap_updates",
  {
    id: uuid("id").primaryKey(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => jaapActions.id),
    note: text("note").notNull(),
    statusAfter: text("status_after", { enum: ["planned", "in_progress", "done", "dropped"] }).notNull(),
    photoIds: uuid("photo_ids").array().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("jaap_updates_action_idx").on(t.actionId)],
);
