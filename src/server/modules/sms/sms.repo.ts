import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { feedbackContacts, smsChannels, smsInbound, smsOptOuts, smsOutbound } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { type AuditEvent, auditInsertFrom } from "../../platform/audit";
import { countNewMessageSql } from "../feedback/feedback.facts";
import type { NewFeedback } from "../feedback/feedback.repo";

export type SmsChannelRow = typeof smsChannels.$inferSelect;
export type SmsOutboundRow = typeof smsOutbound.$inferSelect;
export type SmsInboundRow = typeof smsInbound.$inferSelect;

export async function findChannel(db: Db, id: string): Promise<SmsChannelRow | null> {
  const [row] = await db.select().from(smsChannels).where(eq(smsChannels.id, id));
  return row ?? null;
}

export async function findDefaultChannel(db: Db): Promise<SmsChannelRow | null> {
  const [row] = await db
    .select()
    .from(smsChannels)
    .where(and(eq(smsChannels.isDefault, true), eq(smsChannels.active, true)));
  return row ?? null;
}

export async function listChannels(db: Db): Promise<SmsChannelRow[]> {
  return db.select().from(smsChannels).orderBy(asc(smsChannels.id));
}

export async function insertChannel(tx: Db, row: typeof smsChannels.$inferInsert) {
  if (row.isDefault)
    await tx.update(smsChannels).set({ isDefault: false }).where(eq(smsChannels.isDefault, true));
  const [inserted] = await tx.insert(smsChannels).values(row).returning();
  return inserted!;
}

export async function updateChannel(
  tx: Db,
  id: string,
  values: Partial<typeof smsChannels.$inferInsert>,
  now: Date,
) {
  const [row] = await tx
    .update(smsChannels)
    .set({ ...values, updatedAt: now })
    .where(eq(smsChannels.id, id))
    .returning();
  return row ?? null;
}

/** Records an inbound SMS unless the gateway sent this provider id before: null for a repeat. */
export async function insertInboundUnlessSeen(tx: Db, row: typeof smsInbound.$inferInsert) {
  const [inserted] = await tx
    .insert(smsInbound)
    .values(row)
    .onConflictDoNothing({ target: [smsInbound.channelId, smsInbound.providerId] })
    .returning();
  return inserted ?? null;
}

export async function findInbound(db: Db, channelId: string, providerId: string) {
  const [row] = await db
    .select()
    .from(smsInbound)
    .where(and(eq(smsInbound.channelId, channelId), eq(smsInbound.providerId, providerId)));
  return row ?? null;
}

export async function isOptedOut(db: Db, phoneHash: string): Promise<boolean> {
  const [row] = await db
    .select({ phoneHash: smsOptOuts.phoneHash })
    .from(smsOptOuts)
    .where(eq(smsOptOuts.phoneHash, phoneHash));
  return Boolean(row);
}

export async function optOut(tx: Db, phoneHash: string) {
  await tx.insert(smsOptOuts).values({ phoneHash }).onConflictDoNothing();
}

/** Writing again is asking to be answered again: the number leaves the opt-out list. */
export async function optIn(tx: Db, phoneHash: string): Promise<boolean> {
  const removed = await tx.delete(smsOptOuts).where(eq(smsOptOuts.phoneHash, phoneHash)).returning();
  return removed.length > 0;
}

export async function insertOutbound(tx: Db, row: typeof smsOutbound.$inferInsert) {
  await tx.insert(smsOutbound).values(row);
}

/** A message's contact: the sealed number and the channel to answer through. */
export async function findContact(db: Db, feedbackMessageId: string) {
  const [row] = await db
    .select()
    .from(feedbackContacts)
    .where(eq(feedbackContacts.feedbackMessageId, feedbackMessageId));
  return row ?? null;
}

/** The sealed numbers of many messages (those that left one), by message id. */
export async function findSealedPhones(db: Db, feedbackMessageIds: readonly string[]) {
  if (feedbackMessageIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: feedbackContacts.feedbackMessageId, sealed: feedbackContacts.phoneSealed })
    .from(feedbackContacts)
    .where(inArray(feedbackContacts.feedbackMessageId, [...feedbackMessageIds]));
  return new Map(rows.map((row) => [row.id, row.sealed]));
}

/**
 * How long a claimed SMS may stay `sending` before a crashed sender's claim is taken back: the
 * `sms.deliver` job's expiry (sms.sender.ts), after which pg-boss runs the job again.
 */
const STALE_CLAIM_MS = 60_000;

/**
 * Claims one message for an attempt (attempts + 1, status `sending`) when it waits for one, or when
 * a sender that died mid-send left it claimed; null otherwise (sent, reported, skipped, or held by
 * another sender). One UPDATE, so two processes never both claim it.
 */
export async function claimForSending(db: Db, id: string, now: Date): Promise<SmsOutboundRow | null> {
  const [row] = await db
    .update(smsOutbound)
    .set({ status: "sending", attempts: sql`${smsOutbound.attempts} + 1`, updatedAt: now })
    .where(
      and(
        eq(smsOutbound.id, id),
        or(
          eq(smsOutbound.status, "queued"),
          and(
            eq(smsOutbound.status, "sending"),
            lte(smsOutbound.updatedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
          ),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Due messages that no job holds: never tried (new, or back from a paused channel), or waiting for
 * a retry long past its time (its job was lost). A message between pg-boss's retries is its job's.
 */
export async function dueWithoutJob(db: Db, now: Date, lostAfterMs: number, limit: number) {
  const rows = await db
    .select({ id: smsOutbound.id })
    .from(smsOutbound)
    .where(
      and(
        eq(smsOutbound.status, "queued"),
        lte(smsOutbound.nextAttemptAt, now),
        or(
          eq(smsOutbound.attempts, 0),
          lte(smsOutbound.nextAttemptAt, new Date(now.getTime() - lostAfterMs)),
        ),
      ),
    )
    .orderBy(asc(smsOutbound.nextAttemptAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Moves an outbound SMS on, only from the states given (and, for the sender, only its own claim: the
 * attempt it made). Null when the row had moved on meanwhile: a delivery report that came first, or
 * a claim taken back; what is there stays.
 */
export async function settleOutbound(
  db: Db,
  id: string,
  values: Partial<typeof smsOutbound.$inferInsert>,
  from: { statuses: SmsOutboundRow["status"][]; attempts?: number },
  now: Date,
): Promise<SmsOutboundRow | null> {
  const [row] = await db
    .update(smsOutbound)
    .set({ ...values, updatedAt: now })
    .where(
      and(
        eq(smsOutbound.id, id),
        inArray(smsOutbound.status, from.statuses),
        from.attempts === undefined ? undefined : eq(smsOutbound.attempts, from.attempts),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findOutbound(db: Db, channelId: string, id: string) {
  const [row] = await db
    .select()
    .from(smsOutbound)
    .where(and(eq(smsOutbound.id, id), eq(smsOutbound.channelId, channelId)));
  return row ?? null;
}

/** Counts of outbound SMS by status for one channel (the channel list shows them). */
export async function outboundCounts(db: Db) {
  return db
    .select({ channelId: smsOutbound.channelId, status: smsOutbound.status, n: sql<number>`count(*)::int` })
    .from(smsOutbound)
    .groupBy(smsOutbound.channelId, smsOutbound.status);
}

export interface SmsMessageWrite {
  inbound: {
    id: string;
    channelId: string;
    providerId: string | null;
    senderHash: string;
    sentAt: Date | null;
  };
  message: NewFeedback & { id: string; trackingCode: string; createdAt: Date };
  contact: { phoneSealed: string; locale: "km" | "en" };
  receivedAudit: AuditEvent;
  ip: string | null;
  reply: { id: string; toSealed: string; text: string };
}

/** True when PostgreSQL refused a tracking code that another message holds (draw another). */
export function isTrackingCodeTaken(error: unknown): boolean {
  const pg =
    (error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } }) ?? {};
  const cause = pg.code ? pg : (pg.cause ?? {});
  return cause.code === "23505" && cause.constraint === "feedback_messages_tracking_code_uq";
}

/**
 * An SMS that carries a new message, stored in ONE statement (the webhook's hot path: one round trip
 * instead of nine, issue 5's 1,000 messages a second): the inbound row unless this provider id came
 * before, and only then the opt-in, the message, the sealed contact, the audit events, the reply and
 * the dashboard counters (the rollup fact feedback.message, feedback.facts.ts).
 * One statement is atomic: all of it is stored or none. A tracking code already taken fails the
 * whole statement (isTrackingCodeTaken) and the caller draws again. Returns false for a repeat.
 */
export async function storeSmsMessage(db: Db, write: SmsMessageWrite): Promise<boolean> {
  const { inbound, message, contact, reply } = write;
  const audited = write.receivedAudit;
  // A citizen's SMS: no signed-in actor, the gateway's address.
  const system = { actor: null, ip: write.ip };
  // The message as the feedback counters see it: received, under its year, place, service, topic.
  const counted = {
    ...message,
    sectorCode: message.sectorCode ?? null,
    restrictedOnArrival: message.restricted ?? false,
    createdAt: message.createdAt,
    answeredAt: null,
    escalatedAt: null,
  };
  const rows = await queryRows<{ stored: number }>(
    db,
    sql`
    with inbound as (
      insert into sms_inbound (id, channel_id, provider_id, sender_hash, kind, feedback_message_id, sent_at)
      values (${inbound.id}, ${inbound.channelId}, ${inbound.providerId}, ${inbound.senderHash}, 'message',
              ${message.id}, ${inbound.sentAt})
      on conflict (channel_id, provider_id) do nothing
      returning id
    ), opted_in as (
      delete from sms_opt_outs
      where phone_hash = ${inbound.senderHash} and exists (select 1 from inbound)
      returning phone_hash
    ), message as (
      insert into feedback_messages (id, tracking_code, channel, commune_code, sector_code, facility_id, topic, text,
        sender_flagged_harm, restricted, restricted_on_arrival, restricted_because, answer_due_on, acknowledge_due_on,
        created_at, updated_at)
      select ${message.id}, ${message.trackingCode}, ${message.channel}, ${message.communeCode}, ${message.sectorCode},
        ${message.facilityId}::uuid, ${message.topic}, ${message.text}, ${message.senderFlaggedHarm}, ${message.restricted},
        ${message.restricted},
        ${JSON.stringify(message.restrictedBecause)}::jsonb, ${message.answerDueOn}::date,
        ${message.acknowledgeDueOn ?? null}::date, ${message.createdAt},
        ${message.createdAt}
      where exists (select 1 from inbound)
      returning id
    ), contact as (
      insert into feedback_contacts (feedback_message_id, channel_id, phone_sealed, phone_hash, locale)
      select id, ${inbound.channelId}, ${contact.phoneSealed}, ${inbound.senderHash}, ${contact.locale} from message
    ), audited as (
      ${auditInsertFrom(system, audited, sql`message`)}
    ), audited_opt_in as (
      ${auditInsertFrom(system, { action: "sms.opted_in", entityType: "sms_inbound", entityId: inbound.id }, sql`opted_in`)}
    ), reply as (
      insert into sms_outbound (id, channel_id, to_sealed, to_hash, text, purpose, feedback_message_id)
      select ${reply.id}, ${inbound.channelId}, ${reply.toSealed}, ${inbound.senderHash}, ${reply.text}, 'reply', id
      from message
    ), counted as (
      ${countNewMessageSql(counted, sql`message`)}
    )
    select count(*)::int as stored from inbound`,
  );
  return Number(rows[0]?.stored ?? 0) === 1;
}
