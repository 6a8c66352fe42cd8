import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { facilities } from "./facilities";
import { places } from "./places";
import { users } from "./users";

/**
 * Citizen feedback and complaints (issue 5). A message is written without signing in and is read
 * back by its tracking code; staff of its commune's area answer it. Messages that suggest harm to a
 * child are `restricted`: only child-protection staff of the area see them.
 *
 * The sender's number, when she gave one, lives in `feedback_contacts` (encrypted, src/server/db/schema/sms.ts),
 * so that this table never holds a phone number.
 */
export const feedbackMessages = pgTable(
  "feedback_messages",
  {
    id: uuid("id").primaryKey(),
    /** Ten digits with a Damm check digit (src/domain/feedback/tracking-code.ts), stored unformatted. */
    trackingCode: text("tracking_code").notNull().unique("feedback_messages_tracking_code_uq"),
    channel: text("channel", { enum: ["web", "sms", "facilitator"] }).notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => places.code),
    sectorCode: text("sector_code", { enum: ["PS", "HC", "CA"] }),
    facilityId: uuid("facility_id").references(() => facilities.id),
    topic: text("topic").notNull(),
    text: text("text").notNull(),
    /** The sender ticked "someone is hurting a child". */
    senderFlaggedHarm: boolean("sender_flagged_harm").notNull().default(false),
    /** In the child-protection queue instead of the general one. */
    restricted: boolean("restricted").notNull().default(false),
    /**
     * The queue it arrived in. The public figures count a message under this one, so that a later move
     * into child protection does not show as a drop in a commune's public counts.
     */
    restrictedOnArrival: boolean("restricted_on_arrival").notNull().default(false),
    /** Why: "sender", the harm terms found in the text, and/or "staff". */
    restrictedBecause: jsonb("restricted_because").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    status: text("status", { enum: ["received", "answered", "escalated", "closed"] })
      .notNull()
      .default("received"),
    answerText: text("answer_text"),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
    answeredBy: uuid("answered_by").references(() => users.id),
    /** Cambodia's date by which an answer is due (feedback_time_limits; moved on at each escalation). */
    answerDueOn: date("answer_due_on", { mode: "string" }).notNull(),
    /** By when someone should take it (assign it to themselves or answer); null before time limits. */
    acknowledgeDueOn: date("acknowledge_due_on", { mode: "string" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true, mode: "date" }),
    /** The person who took it. */
    assignedTo: uuid("assigned_to").references(() => users.id),
    /** When the escalation job sent it one level up, and to which level (district, then province). */
    escalatedAt: timestamp("escalated_at", { withTimezone: true, mode: "date" }),
    escalatedToLevel: text("escalated_to_level", { enum: ["district", "province"] }),
    /** The answer due date staff were last reminded of (feedback.reminders.ts): once per due date. */
    remindedForDueOn: date("reminded_for_due_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // The staff queues: one commune (or all under a prefix), one queue, one status, newest first.
    index("feedback_messages_queue_idx").on(t.communeCode, t.restricted, t.status, t.createdAt),
    // The escalation job: unanswered messages by due date.
    index("feedback_messages_due_idx").on(t.status, t.answerDueOn),
  ],
);

/**
 * How long offices have (issue 5, part 6), in working days, per kind of message: `default`, a
 * service (`PS`, `HC`, `CA`), or `child_protection` for the restricted queue. Administrators change
 * them (`npm run samleng -- feedback-limits`); a message keeps the limits it was received under.
 */
export const feedbackTimeLimits = pgTable("feedback_time_limits", {
  scope: text("scope").primaryKey(),
  acknowledgeDays: integer("acknowledge_days").notNull(),
  answerDays: integer("answer_days").notNull(),
  /** The days the level above gets after an escalation, before the next one. */
  escalationDays: integer("escalation_days").notNull(),
  ...timestamps,
});

/**
 * Feedback counters for the dashboards and public figures (issue 5, part 8), kept current in the same
 * transaction as each message's change (the rollup fact in feedback.facts.ts), as the ISAF dashboards are. Each message
 * counts under the year and month it was received, its commune, its service, its topic and its queue. Each
 * database connection writes its own row of a key (`shard`), so that a burst of SMS about one commune
 * does not queue on one row's lock; readers add the shards up.
 */
export const feedbackRollup = pgTable(
  "feedback_rollup",
  {
    year: integer("year").notNull(),
    /** 1–12, in Cambodia (a quarter is three months); 0 only on rows written before months were kept. */
    month: smallint("month").notNull().default(0),
    communeCode: text("commune_code").notNull(),
    /** PS, HC, CA, or "" for something else. */
    sectorCode: text("sector_code").notNull(),
    topic: text("topic").notNull(),
    restricted: boolean("restricted").notNull(),
    shard: integer("shard").notNull(),
    received: integer("received").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    /** Answered by the first due date, without an escalation. */
    answeredOnTime: integer("answered_on_time").notNull().default(0),
    /** Days from receipt to the answer, summed over answered messages (the mean is this ÷ answered). */
    answerDaysTotal: integer("answer_days_total").notNull().default(0),
    escalated: integer("escalated").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.month, t.communeCode, t.sectorCode, t.topic, t.restricted, t.shard] }),
  ],
);
