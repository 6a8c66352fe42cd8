import { sql } from "drizzle-orm";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { feedbackRollup } from "../../db/schema";
import type { FeedbackRow } from "./feedback.repo";
import * as repo from "./feedback.repo";

/**
 * Keeps the feedback counters (feedback_rollup) current in the transaction of every change to a
 * message: what the message counts for is a pure function of its row (`countsOf`), so a change adds
 * after − before. One general mechanism for the intake, answers, moves between queues and escalations.
 */
export const SHARDS = 64;
/**
 * The row a write goes to: one per database connection (its backend's process id), so that two
 * writers at the same moment — necessarily on two connections — rarely share a row's lock, and a
 * key has no more rows than connections that ever wrote it.
 */
export const SHARD_OF_CONNECTION = sql`(pg_backend_pid() % ${sql.raw(String(SHARDS))})`;

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

const DAY_MS = 86_400_000;

/** Calendar days between two moments, by Cambodia's dates. */
function daysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(cambodiaToday(to)) - Date.parse(cambodiaToday(from))) / DAY_MS);
}

/** Where a message counts, and what for. */
export function countsOf(message: Counted): { key: RollupKey; counts: RollupCounts } {
  const answered = message.answeredAt !== null;
  return {
    key: {
      year: Number(cambodiaToday(message.createdAt).slice(0, 4)),
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
        answered && message.escalatedAt === null && cambodiaToday(message.answeredAt!) <= message.answerDueOn
          ? 1
          : 0,
      answerDaysTotal: answered ? daysBetween(message.createdAt, message.answeredAt!) : 0,
      escalated: message.escalatedAt !== null ? 1 : 0,
    },
  };
}

const keyText = (key: RollupKey) => JSON.stringify(key);

/** after − before, per key; keys whose every count is unchanged are left out. */
export function rollupDelta(before: Counted | null, after: Counted | null) {
  const deltas = new Map<string, { key: RollupKey; counts: RollupCounts }>();
  const add = (message: Counted | null, sign: 1 | -1) => {
    if (!message) return;
    const { key, counts } = countsOf(message);
    const entry = deltas.get(keyText(key)) ?? {
      key,
      counts: { received: 0, answered: 0, answeredOnTime: 0, answerDaysTotal: 0, escalated: 0 },
    };
    for (const name of Object.keys(counts) as (keyof RollupCounts)[])
      entry.counts[name] += sign * counts[name];
    deltas.set(keyText(key), entry);
  };
  add(before, -1);
  add(after, 1);
  return [...deltas.values()].filter((delta) => Object.values(delta.counts).some((n) => n !== 0));
}

/** Adds the change of one message to the counters, in the caller's transaction. */
export async function trackFeedback(tx: Db, before: Counted | null, after: Counted | null): Promise<void> {
  for (const { key, counts } of rollupDelta(before, after)) {
    await tx
      .insert(feedbackRollup)
      .values({ ...key, shard: SHARD_OF_CONNECTION, ...counts })
      .onConflictDoUpdate({
        target: [
          feedbackRollup.year,
          feedbackRollup.communeCode,
          feedbackRollup.sectorCode,
          feedbackRollup.topic,
          feedbackRollup.restricted,
          feedbackRollup.shard,
        ],
        set: {
          received: sql`${feedbackRollup.received} + excluded.received`,
          answered: sql`${feedbackRollup.answered} + excluded.answered`,
          answeredOnTime: sql`${feedbackRollup.answeredOnTime} + excluded.answered_on_time`,
          answerDaysTotal: sql`${feedbackRollup.answerDaysTotal} + excluded.answer_days_total`,
          escalated: sql`${feedbackRollup.escalated} + excluded.escalated`,
        },
      });
  }
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
