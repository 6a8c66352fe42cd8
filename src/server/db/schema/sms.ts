import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { feedbackMessages } from "./feedback";

/**
 * SMS (issue 5, parts 2 and 7). A channel is one gateway: messages come in on its webhook, signed by
 * its secret, and go out through its templated HTTP request. Phone numbers never sit in clear text:
 * `*_sealed` columns hold AES-GCM ciphertext (src/server/platform/contact-cipher.ts), and `*_hash`
 * columns a keyed hash, so that the same number can be found (opt-outs, repeats) without decrypting.
 */
export const smsChannels = pgTable(
  "sms_channels",
  {
    /** Lower-case letters, digits and dashes: it is part of the webhook's address. */
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The short code or number citizens text, as printed on posters. */
    sender: text("sender").notNull(),
    /** SHA-256 of the webhook secret, hex; the secret itself is shown once, when it is made. */
    secretHash: text("secret_hash").notNull(),
    /** The gateway's send URL template ({{to}}, {{text}}, {{from}}, {{id}}); null: no sending. */
    sendUrl: text("send_url"),
    sendMethod: text("send_method", { enum: ["GET", "POST"] })
      .notNull()
      .default("POST"),
    sendContentType: text("send_content_type", {
      enum: ["application/json", "application/x-www-form-urlencoded"],
    })
      .notNull()
      .default("application/json"),
    /** Body template, filled with each value escaped for the content type. */
    sendBody: text("send_body"),
    /** The gateway's own credentials (an Authorization header), sealed like a phone number. */
    sendAuthorizationSealed: text("send_authorization_sealed"),
    /** Replies to numbers given on the web form go out through this channel. */
    isDefault: boolean("is_default").notNull().default(false),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("sms_channels_one_default_uq").on(t.isDefault).where(sql`${t.isDefault}`)],
);

/** Every accepted inbound SMS, once per provider id: a gateway that retries creates nothing new. */
export const smsInbound = pgTable(
  "sms_inbound",
  {
    id: uuid("id").primaryKey(),
    channelId: text("channel_id")
      .notNull()
      .references(() => smsChannels.id),
    /** The gateway's id for the message; null when the gateway sends none (then no dedup). */
    providerId: text("provider_id"),
    senderHash: text("sender_hash").notNull(),
    /** What the text asked for: message, status, stop, or unreadable (the reply explains). */
    kind: text("kind", { enum: ["message", "status", "stop", "unreadable", "unknown_target"] }).notNull(),
    /**
     * The message it created or asked about. No foreign key: the row is written first, with ids drawn
     * up front, so that a gateway's retry racing the first delivery stops at the unique index.
     */
    feedbackMessageId: uuid("feedback_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("sms_inbound_provider_uq").on(t.channelId, t.providerId)],
);

/** How to reach the sender of a message, when she gave a way (SMS, or a number on the web form). */
export const feedbackContacts = pgTable("feedback_contacts", {
  feedbackMessageId: uuid("feedback_message_id")
    .primaryKey()
    .references(() => feedbackMessages.id),
  channelId: text("channel_id")
    .notNull()
    .references(() => smsChannels.id),
  phoneSealed: text("phone_sealed").notNull(),
  phoneHash: text("phone_hash").notNull(),
  /** The language to text her in: the one she wrote in, or the web form's. */
  locale: text("locale", { enum: ["km", "en"] }).notNull(),
  ...timestamps,
});

/** Numbers that sent STOP: nothing more goes to them, on any channel, until they write again. */
export const smsOptOuts = pgTable("sms_opt_outs", {
  phoneHash: text("phone_hash").primaryKey(),
  ...timestamps,
});

/** Outbound SMS, written in the same transaction as what caused it, sent by the `sms.send` job. */
export const smsOutbound = pgTable(
  "sms_outbound",
  {
    id: uuid("id").primaryKey(),
    channelId: text("channel_id")
      .notNull()
      .references(() => smsChannels.id),
    toSealed: text("to_sealed").notNull(),
    toHash: text("to_hash").notNull(),
    text: text("text").notNull(),
    /** Why it is sent: a reply to an SMS, an answer, an escalation notice, or the STOP confirmation. */
    purpose: text("purpose", { enum: ["reply", "answer", "escalated", "stopped", "reminder"] }).notNull(),
    feedbackMessageId: uuid("feedback_message_id").references(() => feedbackMessages.id),
    status: text("status", { enum: ["queued", "sending", "sent", "delivered", "failed", "skipped"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" })
      .notNull()
      .default(sql`now()`),
    /** Why the last attempt failed, or why it was skipped (opted out, no gateway). Never the text. */
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    // The sender job: what is due now, oldest first; and claims left by a sender that died.
    index("sms_outbound_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index("sms_outbound_sending_idx").on(t.updatedAt).where(sql`${t.status} = 'sending'`),
    index("sms_outbound_message_idx").on(t.feedbackMessageId),
  ],
);

/**
 * A check of the key that seals phone numbers (platform/contact-cipher.ts): a keyed hash of a fixed
 * text, written by the first server to start. A process with another key refuses to start, instead
 * of sealing numbers that the others cannot open and missing the opt-outs they recorded.
 */
export const contactKeyCheck = pgTable("contact_key_check", {
  id: integer("id").primaryKey(),
  check: text("check").notNull(),
  ...timestamps,
});
