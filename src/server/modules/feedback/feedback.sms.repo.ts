import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/sql";
import { type AuditEvent, auditInsertFrom } from "../../platform/audit";
import * as sms from "../sms/sms.service";
import { countNewMessageSql } from "./feedback.facts";
import type { NewFeedback } from "./feedback.repo";

export interface SmsMessageWrite {
  inbound: sms.InboundRecord;
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
 * the dashboard counters (the rollup fact feedback.message, feedback.facts.ts). The SMS module gives
 * the SQL of its own parts (the inbound row, the opt-in, the reply: sms.service.ts); this file writes
 * the message's.
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
      ${sms.insertInboundSql(inbound, message.id)}
    ), opted_in as (
      ${sms.optInIfStoredSql(inbound.senderHash, sql`inbound`)}
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
      ${sms.insertReplySql({ ...reply, channelId: inbound.channelId, toHash: inbound.senderHash }, sql`message`)}
    ), counted as (
      ${countNewMessageSql(counted, sql`message`)}
    )
    select count(*)::int as stored from inbound`,
  );
  return Number(rows[0]?.stored ?? 0) === 1;
}
