import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { feedbackContacts, feedbackMessages } from "../../db/schema";
import type { Actor } from "../../platform/actor";
import { feedbackPolicy } from "./feedback.policy";

export type FeedbackRow = typeof feedbackMessages.$inferSelect;
export type NewFeedback = typeof feedbackMessages.$inferInsert;

/**
 * A message with its sender's contact channel, as read here; feedback.names.ts adds what other modules
 * hold (the commune's and facility's names, the staff's names, whether the channel can send).
 */
export interface MessageWithContact {
  message: FeedbackRow;
  /** The channel the sender wrote on, when she left a number; null otherwise. */
  contactChannelId: string | null;
}

/** A message with its contact; unscoped: a builder, every caller adds scope(actor). */
function joined(db: Db) {
  return db
    .select({ message: feedbackMessages, contactChannelId: feedbackContacts.channelId })
    .from(feedbackMessages)
    .leftJoin(feedbackContacts, eq(feedbackContacts.feedbackMessageId, feedbackMessages.id));
}

/**
 * Inserts a message unless its tracking code is taken; null on such a collision, so that the caller
 * draws another code in the same transaction (a failed INSERT would abort it on PostgreSQL).
 */
export async function insertUnlessCodeTaken(tx: Db, row: NewFeedback): Promise<FeedbackRow | null> {
  const [inserted] = await tx
    .insert(feedbackMessages)
    .values(row)
    .onConflictDoNothing({ target: feedbackMessages.trackingCode })
    .returning();
  return inserted ?? null;
}

/**
 * A message by id. unscoped: for the caller that made it (a retried field command), which holds its id.
 */
export async function findById(db: Db, id: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(feedbackMessages).where(eq(feedbackMessages.id, id));
  return row ?? null;
}

/** For the public lookup by code. unscoped: the code is the key; only what the sender may read. */
export async function findByTrackingCode(db: Db, trackingCode: string) {
  const [row] = await db
    .select({
      trackingCode: feedbackMessages.trackingCode,
      status: feedbackMessages.status,
      createdAt: feedbackMessages.createdAt,
      answerDueOn: feedbackMessages.answerDueOn,
      answeredAt: feedbackMessages.answeredAt,
      answerText: feedbackMessages.answerText,
    })
    .from(feedbackMessages)
    .where(eq(feedbackMessages.trackingCode, trackingCode));
  return row ?? null;
}

/** The messages that exist for the actor (feedback:see in feedback.policy.ts); anything else is 404. */
function scope(actor: Actor): SQL {
  return feedbackPolicy["feedback:see"].where(actor);
}

/** One message in the actor's area (the queue is the service's to check), or null. */
export async function findInScope(db: Db, actor: Actor, id: string): Promise<MessageWithContact | null> {
  const [row] = await joined(db).where(and(eq(feedbackMessages.id, id), scope(actor)));
  return row ?? null;
}

export interface QueueFilters {
  restricted: boolean;
  status?: FeedbackRow["status"];
  /** Only messages taken by this user. */
  assignedTo?: string;
  limit: number;
  offset: number;
}

/** One queue of the actor's area, newest first. */
export async function listQueue(
  db: Db,
  actor: Actor,
  filters: QueueFilters,
): Promise<{ rows: MessageWithContact[]; total: number }> {
  const where: SQL[] = [scope(actor), eq(feedbackMessages.restricted, filters.restricted)];
  if (filters.status) where.push(eq(feedbackMessages.status, filters.status));
  if (filters.assignedTo) where.push(eq(feedbackMessages.assignedTo, filters.assignedTo));
  const condition = and(...where)!;
  const [rows, [count]] = await Promise.all([
    joined(db)
      .where(condition)
      .orderBy(desc(feedbackMessages.createdAt), desc(feedbackMessages.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(feedbackMessages).where(condition),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export interface ExportFilters {
  restricted: boolean;
  status?: FeedbackRow["status"];
  /** Received on or after / on or before these Cambodia dates. */
  from?: string;
  to?: string;
  /** Rows to fetch at most: one more than may be exported, to tell that there are too many. */
  limit: number;
}

/** A queue's messages for an export, oldest first, with what staff see beside each. */
export async function listForExport(
  db: Db,
  actor: Actor,
  filters: ExportFilters,
): Promise<MessageWithContact[]> {
  const receivedOn = sql`(${feedbackMessages.createdAt} at time zone 'Asia/Phnom_Penh')::date`;
  const where: SQL[] = [scope(actor), eq(feedbackMessages.restricted, filters.restricted)];
  if (filters.status) where.push(eq(feedbackMessages.status, filters.status));
  if (filters.from) where.push(sql`${receivedOn} >= ${filters.from}::date`);
  if (filters.to) where.push(sql`${receivedOn} <= ${filters.to}::date`);
  return joined(db)
    .where(and(...where))
    .orderBy(feedbackMessages.createdAt, feedbackMessages.id)
    .limit(filters.limit);
}

/** Optimistic update: null when the version has moved on. */
export async function update(
  tx: Db,
  id: string,
  version: number,
  values: Partial<NewFeedback>,
  now: Date,
): Promise<FeedbackRow | null> {
  const [row] = await tx
    .update(feedbackMessages)
    .set({ ...values, version: sql`${feedbackMessages.version} + 1`, updatedAt: now })
    .where(and(eq(feedbackMessages.id, id), eq(feedbackMessages.version, version)))
    .returning();
  return row ?? null;
}
