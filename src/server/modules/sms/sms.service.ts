import { uuidv7 } from "uuidv7";
import type { Db } from "../../db/database";
import type { Clock } from "../../platform/clock";
import type { ContactCipher } from "../../platform/contact-cipher";
import * as repo from "./sms.repo";

/** The texts of the SMS replies, in the citizen's language, for the modules that answer by SMS. */
export { replies } from "./sms.replies";

/**
 * What other modules may ask of SMS: the channel that answers web senders, queuing a text to a
 * number (clear or already sealed), and the inbound side that the feedback module's SMS intake uses. Queuing writes a row in the caller's transaction; the `sms.send`
 * job sends it (sms.sender.ts), so an SMS goes out only for work that was committed.
 */

export interface SmsDeps {
  db: Db;
  clock: Clock;
  cipher: ContactCipher;
  /** Wakes the sender job after a commit (a no-op where no job runner runs, as in API tests). */
  nudgeSender: () => void;
}

/** The job that sends queued SMS (src/server/jobs.ts); nudge it after a commit that queued one. */
export const SMS_SEND_JOB = "sms.send";

export type SmsPurpose = "reply" | "answer" | "escalated" | "stopped" | "reminder";

export function defaultChannel(db: Db) {
  return repo.findDefaultChannel(db);
}

/** Queues a text to a canonical phone number; returns the outbound id. */
export async function queueSms(
  tx: Db,
  cipher: ContactCipher,
  sms: {
    channelId: string;
    phone: string;
    text: string;
    purpose: SmsPurpose;
    feedbackMessageId?: string | null;
  },
): Promise<string> {
  const id = uuidv7();
  await repo.insertOutbound(tx, {
    id,
    channelId: sms.channelId,
    toSealed: cipher.seal(sms.phone),
    toHash: cipher.hash(sms.phone),
    text: sms.text,
    purpose: sms.purpose,
    feedbackMessageId: sms.feedbackMessageId ?? null,
  });
  return id;
}

/** Queues a text to a staff member's work phone (a reminder), sealed as every outbound number is. */
export async function queueToPhone(
  tx: Db,
  input: { channelId: string; phone: string; cipher: ContactCipher; purpose: SmsPurpose; text: string },
) {
  await repo.insertOutbound(tx, {
    id: uuidv7(),
    channelId: input.channelId,
    toSealed: input.cipher.seal(input.phone),
    toHash: input.cipher.hash(input.phone),
    text: input.text,
    purpose: input.purpose,
    feedbackMessageId: null,
  });
}

/**
 * Queues a text to a number already sealed (a message's sender: feedback.contacts.ts). The outbound
 * row gets the same ciphertext and hash, never the clear number.
 */
export async function queueSealed(
  tx: Db,
  input: {
    channelId: string;
    toSealed: string;
    toHash: string;
    text: string;
    purpose: SmsPurpose;
    feedbackMessageId: string | null;
  },
) {
  await repo.insertOutbound(tx, { id: uuidv7(), ...input });
}

/**
 * The gateway's side, for the feedback module's SMS intake (feedback.sms.ts): channel secrets, the
 * inbound log and its SQL for the webhook's one statement, opt-outs; and which channels can send
 * (a message's answer goes by SMS only through one of them).
 */
export {
  authenticateChannel,
  BODY_LIMIT,
  ChannelParams,
  forgetChannels,
  gatewayRoutes,
} from "./sms.channel-auth";
export { replyLocale } from "./sms.replies";
export {
  findInbound,
  type InboundRecord,
  insertInboundSql,
  insertInboundUnlessSeen as recordInbound,
  insertReplySql,
  optIn,
  optInIfStoredSql,
  optOut,
  type SmsChannelRow,
  type SmsInboundRow,
  sendingChannelIds,
} from "./sms.repo";
