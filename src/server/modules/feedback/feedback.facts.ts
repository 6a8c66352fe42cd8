import { type SQL, sql } from "drizzle-orm";
import { cambodiaDate, cambodiaDaysBetween, periodOf } from "../../../domain/periods";
import type { Db } from "../../db/database";
import { cambodiaDateSql, cambodiaMonthSql, cambodiaYearSql } from "../../platform/rollups/periods";
import { type Counts, defineFact, defineRollup } from "../../platform/rollups/rollup";
import * as rollups from "../../platform/rollups/rollups.engine";
import type { FeedbackRow } from "./feedback.repo";
import * as repo from "./feedback.repo";

/**
 * The feedback counters (feedback_rollup) behind the dashboards and public figures, kept by the
 * rollup engine in the transaction of every change to a message: what a message counts for is a
 * pure function of its row (`countsOf`), so a change adds after − before. One general mechanism for
 * the intake, answers, moves between queues and escalations.
 *
 * Counted per commune (readers sum an area by code prefix), year and month (a quarter is three months) and sharded by connection: the SMS
 * intake writes one row per message, and a burst about one commune does not queue on one lock.
 */
export const FEEDBACK_ROLLUP = defineRollup({
  table: "feedback_rollup",
  place: "commune",
  dimensions: { year: "int", month: "smallint", sector_code: "text", topic: "text", restricted: "boolean" },
  measures: {
    received: "int",
    answered: "int",
    answered_on_time: "int",
    answer_days_total: "int",
    escalated: "int",
  },
  sharded: true,
});

type Counted = Pick<
  FeedbackRow,
  | "createdAt"
  | "communeCode"
  | "sectorCode"
  | "topic"
  | "restrictedOnArrival"
  | "answeredAt"
  | "answerDueOn"
  | "escalatedAt"
>;

export interface RollupKey {
  year: number;
  month: number;
  communeCode: string;
  sectorCode: string;
  topic: string;
  restricted: boolean;
}
export interface RollupCounts {
  received: number;
  answered: number;
  answeredOnTime: number;
  answerDaysTotal: number;
  escalated: number;
}

/** Where a message counts, and what for. */
export function countsOf(message: Counted): { key: RollupKey; counts: RollupCounts } {
  const answered = message.answeredAt !== null;
  // The year and month it was received, in Cambodia.
  const received = periodOf(message.createdAt);
  return {
    key: {
      year: received.year,
      month: received.month,
      communeCode: message.communeCode,
      sectorCode: message.sectorCode ?? "",
      topic: message.topic,
      // The queue it arrived in: a later move into child protection must not show in public counts.
      restricted: message.restrictedOnArrival,
    },
    counts: {
      received: 1,
      answered: answered ? 1 : 0,
      answeredOnTime:
        answered && message.escalatedAt === null && cambodiaDate(message.answeredAt!) <= message.answerDueOn
          ? 1
          : 0,
      answerDaysTotal: answered ? cambodiaDaysBetween(message.createdAt, message.answeredAt!) : 0,
      escalated: message.escalatedAt !== null ? 1 : 0,
    },
  };
}

/** countsOf() as the rollup table's columns. */
function columnsOf({ key, counts }: { key: RollupKey; counts: RollupCounts }): Counts {
  return {
    commune_code: key.communeCode,
    year: key.year,
    month: key.month,
    sector_code: key.sectorCode,
    topic: key.topic,
    restricted: key.restricted,
    received: counts.received,
    answered: counts.answered,
    answered_on_time: counts.answeredOnTime,
    answer_days_total: counts.answerDaysTotal,
    escalated: counts.escalated,
  };
}

function fromColumns(row: Counts): { key: RollupKey; counts: RollupCounts } {
  return {
    key: {
      year: Number(row.year),
      month: Number(row.month),
      communeCode: String(row.commune_code),
      sectorCode: String(row.sector_code),
      topic: String(row.topic),
      restricted: Boolean(row.restricted),
    },
    counts: {
      received: Number(row.received),
      answered: Number(row.answered),
      answeredOnTime: Number(row.answered_on_time),
      answerDaysTotal: Number(row.answer_days_total),
      escalated: Number(row.escalated),
    },
  };
}

/**
 * The same counts as countsOf(), in SQL over the messages `m` that match `filter`.
 * unscoped: the system's counters of every message (a rebuild, a migration), never shown per message.
 */
function messageCounters(filter: SQL): SQL {
  const received = cambodiaDateSql(sql`m.created_at`);
  const answered = cambodiaDateSql(sql`m.answered_at`);
  return sql`
    select m.commune_code, ${cambodiaYearSql(sql`m.created_at`)}, ${cambodiaMonthSql(sql`m.created_at`)}, coalesce(m.sector_code, ''), m.topic,
      m.restricted_on_arrival,
      1,
      (m.answered_at is not null)::int,
      (m.answered_at is not null and m.escalated_at is null and ${answered} <= m.answer_due_on)::int,
      coalesce(${answered} - ${received}, 0),
      (m.escalated_at is not null)::int
    from feedback_messages m where ${filter}`;
}

/** A citizen's message: received, answered (on time, in how many days) and escalated. */
export const FEEDBACK_MESSAGE_FACT = defineFact<Counted>({
  name: "feedback.message",
  rollup: FEEDBACK_ROLLUP,
  counters: (id) => messageCounters(id === null ? sql`true` : sql`m.id = ${id}`),
  countsOf: (message) => columnsOf(countsOf(message)),
});

/**
 * The INSERT that counts a new message inside a caller's single statement (the SMS webhook's), once
 * per row of `from` (the CTE that stored it).
 */
export function countNewMessageSql(message: Counted, from: SQL): SQL {
  return rollups.countNewSql(FEEDBACK_MESSAGE_FACT, columnsOf(countsOf(message)), from);
}

/** after − before, per key; keys whose every count is unchanged are left out. */
export function rollupDelta(before: Counted | null, after: Counted | null) {
  const counts = (message: Counted | null) => (message ? [columnsOf(countsOf(message))] : []);
  return rollups.difference(FEEDBACK_ROLLUP, counts(before), counts(after)).map(fromColumns);
}

/** Adds the change of one message to the counters, in the caller's transaction. */
export function trackFeedback(tx: Db, before: Counted | null, after: Counted | null): Promise<void> {
  return rollups.trackRows(tx, FEEDBACK_MESSAGE_FACT, before, after);
}

/**
 * Every change to a message goes through here: the optimistic update, then its counters. Null when
 * the version has moved on (nothing changed, nothing counted).
 */
export async function updateCounted(
  tx: Db,
  before: FeedbackRow,
  version: number,
  values: Partial<repo.NewFeedback>,
  now: Date,
): Promise<FeedbackRow | null> {
  // The counters and the caller's checks were made on `before`: a version other than its own would
  // update a row that has moved on since.
  if (version !== before.version) return null;
  const updated = await repo.update(tx, before.id, version, values, now);
  if (updated) await trackFeedback(tx, before, updated);
  return updated;
}
