import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database";
import { facilities, feedbackContacts, feedbackMessages, places, smsChannels, users } from "../../db/schema";
import type { Actor } from "../../platform/actor";
import { feedbackPolicy } from "./feedback.policy";

export type FeedbackRow = typeof feedbackMessages.$inferSelect;
export type NewFeedback = typeof feedbackMessages.$inferInsert;

/** A message with what staff see beside it: its commune, its facility, who answered. */
export interface FeedbackListRow {
  message: FeedbackRow;
  commune: {
    code: string;
    level: "province" | "district" | "commune" | "village";
    type: string;
    nameKm: string;
    nameEn: string;
  };
  facility: { id: string; code: string; nameKm: string; nameEn: string } | null;
  answeredByName: string | null;
  assignedToName: string | null;
  /** The sender left a number (never the number itself). */
  contactGiven: boolean;
  /** …and its channel can send: an answer goes to her by SMS. */
  answerBySms: boolean;
}

const assignees = alias(users, "assignees");

/** A message with its joined names; unscoped: a builder, every caller adds scope(actor). */
function joined(db: Db) {
  return db
    .select({
      message: feedbackMessages,
      commune: {
        code: places.code,
        level: places.level,
        type: places.type,
        nameKm: places.nameKm,
        nameEn: places.nameEn,
      },
      facility: {
        id: facilities.id,
        code: facilities.code,
        nameKm: facilities.nameKm,
        nameEn: facilities.nameEn,
      },
      answeredByName: users.displayName,
      assignedToName: assignees.displayName,
      contactGiven: sql<boolean>`${feedbackContacts.feedbackMessageId} is not null`,
      answerBySms: sql<boolean>`coalesce(${smsChannels.active} and ${smsChannels.sendUrl} is not null, false)`,
    })
    .from(feedbackMessages)
    .innerJoin(places, eq(places.code, feedbackMessages.communeCode))
    .leftJoin(facilities, eq(facilities.id, feedbackMessages.facilityId))
    .leftJoin(users, eq(users.id, feedbackMessages.answeredBy))
    .leftJoin(assignees, eq(assignees.id, feedbackMessages.assignedTo))
    .leftJoin(feedbackContacts, eq(feedbackContacts.feedbackMessageId, feedbackMessages.id))
    .leftJoin(smsChannels, eq(smsChannels.id, feedbackContacts.channelId));
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
export async function findInScope(db: Db, actor: Actor, id: string): Promise<FeedbackListRow | null> {
  const [row] = await joined(db).where(and(eq(feedbackMessages.id, id), scope(actor)));
  return (row as FeedbackListRow | undefined) ?? null;
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
): Promise<{ rows: FeedbackListRow[]; total: number }> {
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
  return { rows: rows as FeedbackListRow[], total: count?.n ?? 0 };
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
): Promise<FeedbackListRow[]> {
  const receivedOn = sql`(${feedbackMessages.createdAt} at time zone 'Asia/Phnom_Penh')::date`;
  const where: SQL[] = [scope(actor), eq(feedbackMessages.restricted, filters.restricted)];
  if (filters.status) where.push(eq(feedbackMessages.status, filters.status));
  if (filters.from) where.push(sql`${receivedOn} >= ${filters.from}::date`);
  if (filters.to) where.push(sql`${receivedOn} <= ${filters.to}::date`);
  const rows = await joined(db)
    .where(and(...where))
    .orderBy(feedbackMessages.createdAt, feedbackMessages.id)
    .limit(filters.limit);
  return rows as FeedbackListRow[];
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
