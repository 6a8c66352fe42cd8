import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AGE_BANDS } from "../../../domain/isaf-cycle";
import { changePosition, timestamps } from "./common";
import { indicators } from "./isaf-catalogue";
import { cycles } from "./isaf-cycles";
import { users } from "./users";

/**
 * A score card: the community's (the meeting) or the provider's self-assessment, one of each per
 * cycle. "individual" mode scores each registered participant; "tally" mode, for meetings too large,
 * keeps counts per score value.
 */
export const scorecards = pgTable(
  "scorecards",
  {
    id: uuid("id").primaryKey(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id),
    kind: text("kind", { enum: ["community", "self"] }).notNull(),
    mode: text("mode", { enum: ["individual", "tally"] })
      .notNull()
      .default("individual"),
    status: text("status", { enum: ["draft", "submitted", "returned", "approved"] })
      .notNull()
      .default("draft"),
    heldOn: date("held_on", { mode: "string" }),
    villageCode: text("village_code"),
    facilitatorId: uuid("facilitator_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewComment: text("review_comment"),
    version: integer("version").notNull().default(1),
    /**
     * Field key → HLC stamp of the write that set it (e.g. "heldOn", "notes.<indicatorId>.strengths"),
     * so that a draft edited on two devices merges per field by last write (scorecards.stamps.ts).
     */
    fieldStamps: jsonb("field_stamps").$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
    ...changePosition,
  },
  (t) => [
    uniqueIndex("scorecards_cycle_kind_uq").on(t.cycleId, t.kind),
    index("scorecards_status_idx").on(t.status),
  ],
);

/** A registered participant, numbered within the card; no names are kept. */
export const scorecardParticipants = pgTable(
  "scorecard_participants",
  {
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    sex: text("sex", { enum: ["female", "male"] }).notNull(),
    age: integer("age").notNull(),
    disability: boolean("disability").notNull().default(false),
    ethnicMinority: boolean("ethnic_minority").notNull().default(false),
    idPoor: boolean("id_poor").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.number] }),
    check("scorecard_participants_age_ck", sql`${t.age} between 5 and 120`),
  ],
);

/** Anonymous participants counted by sex and age band, with how many of them have each profile. */
export const scorecardParticipantTallies = pgTable(
  "scorecard_participant_tallies",
  {
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    sex: text("sex", { enum: ["female", "male"] }).notNull(),
    ageBand: text("age_band", { enum: AGE_BANDS }).notNull(),
    count: integer("count").notNull(),
    disability: integer("disability").notNull().default(0),
    ethnicMinority: integer("ethnic_minority").notNull().default(0),
    idPoor: integer("id_poor").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.sex, t.ageBand] }),
    check(
      "scorecard_participant_tallies_ck",
      sql`${t.count} >= 0 and ${t.disability} between 0 and ${t.count} and ${t.ethnicMinority} between 0 and ${t.count} and ${t.idPoor} between 0 and ${t.count}`,
    ),
  ],
);

/** An issue raised in the meeting, as an indicator, with the participant who raised it (null in tally mode). */
export const scorecardIssues = pgTable(
  "scorecard_issues",
  {
    id: uuid("id").primaryKey(),
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    participantNumber: integer("participant_number"),
    /** How many raised it (1 for a registered participant). */
    count: integer("count").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("scorecard_issues_card_idx").on(t.scorecardId, t.indicatorId),
    uniqueIndex("scorecard_issues_raiser_uq")
      .on(t.scorecardId, t.indicatorId, t.participantNumber)
      .where(sql`${t.participantNumber} is not null`),
    foreignKey({
      name: "scorecard_issues_participant_fk",
      columns: [t.scorecardId, t.participantNumber],
      foreignColumns: [scorecardParticipants.scorecardId, scorecardParticipants.number],
    }).onDelete("cascade"),
  ],
);

/** The indicators the meeting chose to score, in order, with what it said about each. */
export const scorecardPriorities = pgTable(
  "scorecard_priorities",
  {
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    rank: integer("rank").notNull(),
    strengths: text("strengths"),
    weaknesses: text("weaknesses"),
    suggestedActions: text("suggested_actions"),
  },
  (t) => [primaryKey({ columns: [t.scorecardId, t.indicatorId] })],
);

/** One participant's score for one prioritised indicator. The foreign keys refuse scores for indicators not chosen. */
export const scorecardScores = pgTable(
  "scorecard_scores",
  {
    scorecardId: uuid("scorecard_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    participantNumber: integer("participant_number").notNull(),
    score: smallint("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.indicatorId, t.participantNumber] }),
    check("scorecard_scores_score_ck", sql`${t.score} between 1 and 5`),
    foreignKey({
      name: "scorecard_scores_priority_fk",
      columns: [t.scorecardId, t.indicatorId],
      foreignColumns: [scorecardPriorities.scorecardId, scorecardPriorities.indicatorId],
    }).onDelete("cascade"),
    foreignKey({
      name: "scorecard_scores_participant_fk",
      columns: [t.scorecardId, t.participantNumber],
      foreignColumns: [scorecardParticipants.scorecardId, scorecardParticipants.number],
    }).onDelete("cascade"),
  ],
);

/** Tally mode: how many gave each score value to a prioritised indicator. */
export const scorecardScoreTallies = pgTable(
  "scorecard_score_tallies",
  {
    scorecardId: uuid("scorecard_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    score: smallint("score").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.indicatorId, t.score] }),
    check("scorecard_score_tallies_ck", sql`${t.score} between 1 and 5 and ${t.count} >= 0`),
    foreignKey({
      name: "scorecard_score_tallies_priority_fk",
      columns: [t.scorecardId, t.indicatorId],
      foreignColumns: [scorecardPriorities.scorecardId, scorecardPriorities.indicatorId],
    }).onDelete("cascade"),
  ],
);

/** A correction to an approved score card, asked for with a reason and granted or refused by a reviewer. */
export const scorecardChangeRequests = pgTable(
  "scorecard_change_requests",
  {
    id: uuid("id").primaryKey(),
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["pending", "granted", "refused"] })
      .notNull()
      .default("pending"),
    requestedBy: uuid("requested_by").references(() => users.id),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decisionNote: text("decision_note"),
    ...timestamps,
  },
  (t) => [index("scorecard_change_requests_card_idx").on(t.scorecardId)],
);

/**
 * Dashboard counters, kept current in the same transaction as the facts they count. One row per
 * scope (national "KH", province, district, commune code, or a facility id), sector, year, metric
 * and dimension key; every counter is additive, so a fact adds its contribution and takes it back.
 */
export const isafRollup = pgTable(
  "isaf_rollup",
  {
    scope: text("scope").notNull(),
    /** 0 national, 1 province, 2 district, 3 commune, 4 facility. */
    scopeLevel: smallint("scope_level").notNull(),
    parentScope: text("parent_scope"),
    sectorCode: text("sector_code").notNull(),
    year: integer("year").notNull(),
    metric: text("metric").notNull(),
    /** The dimension values joined by "|" (e.g. "female|15_17"), or "" for a plain count. */
    dims: text("dims").notNull().default(""),
    value: bigint("value", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.sectorCode, t.year, t.metric, t.dims] }),
    index("isaf_rollup_parent_idx").on(t.parentScope, t.year, t.metric),
  ],
);
