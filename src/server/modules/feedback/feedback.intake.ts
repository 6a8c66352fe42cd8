import { randomInt } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { harmTerms } from "../../../domain/feedback/safeguarding";
import { dueDates, limitsFor, type TimeLimits } from "../../../domain/feedback/time-limits";
import { createTrackingCode } from "../../../domain/feedback/tracking-code";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { feedbackContacts } from "../../db/schema";
import { type AuditEvent, type AuditWho, audit, type Sensitivity } from "../../platform/audit";
import type { ContactCipher } from "../../platform/contact-cipher";
import { trackFeedback } from "./feedback.facts";
import { currentLimits } from "./feedback.limits";
import * as repo from "./feedback.repo";

/**
 * Storing a new message, whichever way it came (the web form, an SMS, a facilitator): a tracking
 * code, the child-protection route, the due date, the sender's number sealed, and the audit, all in
 * the caller's transaction, so that the code is never given for a message that was not kept.
 */
export interface NewMessage {
  /** Drawn by the caller when it must name the message before storing it (an inbound SMS). */
  id?: string;
  /**
   * A code already given to the sender (a facilitator's phone drew it offline): kept, unless another
   * message holds it; then a new one is drawn and the audit says the given code was taken.
   */
  trackingCode?: string;
  channel: "web" | "sms" | "facilitator";
  communeCode: string;
  sectorCode: "PS" | "HC" | "CA" | null;
  facilityId: string | null;
  topic: string;
  text: string;
  senderFlaggedHarm: boolean;
  /** A number to answer by SMS (canonical digits) and the channel to answer through. */
  contact?: { channelId: string; phone: string; locale: "km" | "en"; cipher: ContactCipher } | null;
}

/** Codes drawn before giving up: with a billion codes a second collision in a row means a fault. */
export const CODE_ATTEMPTS = 5;

/**
 * The row of a new message, with a fresh tracking code (draw again after a collision) and its due
 * dates under the current time limits (feedback.limits.ts).
 */
export function prepareMessage(
  input: NewMessage,
  now: Date,
  limits: Partial<Record<string, TimeLimits>>,
): repo.NewFeedback & { id: string; trackingCode: string } {
  const because = [...(input.senderFlaggedHarm ? ["sender"] : []), ...harmTerms(input.text)];
  const restricted = because.length > 0;
  return {
    id: input.id ?? uuidv7(),
    trackingCode: input.trackingCode ?? createTrackingCode(() => randomInt(10)),
    channel: input.channel,
    communeCode: input.communeCode,
    sectorCode: input.sectorCode,
    facilityId: input.facilityId,
    topic: input.topic,
    text: input.text,
    senderFlaggedHarm: input.senderFlaggedHarm,
    restricted,
    restrictedOnArrival: restricted,
    restrictedBecause: because,
    ...dueDates(cambodiaToday(now), limitsFor(limits, { restricted, sectorCode: input.sectorCode })),
    createdAt: now,
    updatedAt: now,
  };
}

/** The audit class of a message's events: a report of harm to a child is child protection's. */
export function sensitivityOf(message: { restricted?: boolean | null }): Sensitivity {
  return message.restricted ? "child_protection" : "general";
}

/**
 * The audit of a received message. Never the text, the words found, the queue nor the number: the
 * audit log is read by administrators, who are not child-protection staff, and a report's existence
 * is child protection's to know. Whether a way to answer was given is kept (never which). A report
 * of harm's events are child protection's (sensitivityOf): the area's administrators do not see them.
 */
export function receivedAudit(row: repo.NewFeedback & { id: string }, contactGiven: boolean): AuditEvent {
  return {
    action: "feedback.received",
    entityType: "feedback_message",
    entityId: row.id,
    placeCode: row.communeCode,
    sensitivity: sensitivityOf(row),
    changes: {
      channel: { from: null, to: row.channel },
      topic: { from: null, to: row.topic },
      sectorCode: { from: null, to: row.sectorCode ?? null },
      facilityId: { from: null, to: row.facilityId ?? null },
      contactGiven: { from: null, to: contactGiven },
    },
  };
}

export async function storeMessage(tx: Db, who: AuditWho, input: NewMessage, now: Date) {
  const limits = await currentLimits(tx);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    // A code given beforehand is tried first; taken, the next attempts draw their own.
    const given = attempt === 0 ? input.trackingCode : undefined;
    const row = await repo.insertUnlessCodeTaken(
      tx,
      prepareMessage({ ...input, trackingCode: given }, now, limits),
    );
    if (!row) continue;
    const contact = input.contact;
    if (contact)
      await tx.insert(feedbackContacts).values({
        feedbackMessageId: row.id,
        channelId: contact.channelId,
        phoneSealed: contact.cipher.seal(contact.phone),
        phoneHash: contact.cipher.hash(contact.phone),
        locale: contact.locale,
      });
    const event = receivedAudit(row, Boolean(contact));
    if (input.trackingCode && row.trackingCode !== input.trackingCode)
      event.changes = { ...event.changes, givenCodeTaken: { from: null, to: true } };
    await audit(tx, who, event);
    await trackFeedback(tx, null, row);
    return row;
  }
  throw new Error(`no free tracking code after ${CODE_ATTEMPTS} attempts`);
}
