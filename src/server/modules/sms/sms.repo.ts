import { and, asc, eq, inArray, isNotNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { smsChannels, smsInbound, smsOptOuts, smsOutbound } from "../../db/schema";

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

/** The channels among `ids` that can send (active, with a send URL). */
export async function sendingChannelIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: smsChannels.id })
    .from(smsChannels)
    .where(
      and(
        inArray(smsChannels.id, [...new Set(ids)]),
        eq(smsChannels.active, true),
        isNotNull(smsChannels.sendUrl),
      ),
    );
  return new Set(rows.map((row) => row.id));
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

/**
 * The SMS parts of the webhook's one-statement store (feedback.sms.repo.ts storeSmsMessage): SQL for
 * common table expressions the statement names `inbound`, `opted_in` and the reply, so that each
 * module's SQL names only its own tables.
 */
export interface InboundRecord {
  id: string;
  channelId: string;
  providerId: string | null;
  senderHash: string;
  sentAt: Date | null;
}

/** Records the inbound SMS unless this provider id came before; returns its id (`inbound`). */
export function insertInboundSql(inbound: InboundRecord, feedbackMessageId: string): SQL {
  return sql`insert into sms_inbound (id, channel_id, provider_id, sender_hash, kind, feedback_message_id, sent_at)
      values (${inbound.id}, ${inbound.channelId}, ${inbound.providerId}, ${inbound.senderHash}, 'message',
              ${feedbackMessageId}, ${inbound.sentAt})
      on conflict (channel_id, provider_id) do nothing
      returning id`;
}

/** Takes the sender off the opt-out list when `inbound` stored a row (writing again is asking to be answered). */
export function optInIfStoredSql(senderHash: string, inbound: SQL): SQL {
  return sql`delete from sms_opt_outs
      where phone_hash = ${senderHash} and exists (select 1 from ${inbound})
      returning phone_hash`;
}

/** Queues the reply for each row of `to` (which has an `id`: the message answered). */
export function insertReplySql(
  reply: { id: string; channelId: string; toSealed: string; toHash: string; text: string },
  to: SQL,
): SQL {
  return sql`insert into sms_outbound (id, channel_id, to_sealed, to_hash, text, purpose, feedback_message_id)
      select ${reply.id}, ${reply.channelId}, ${reply.toSealed}, ${reply.toHash}, ${reply.text}, 'reply', id
      from ${to}`;
}
