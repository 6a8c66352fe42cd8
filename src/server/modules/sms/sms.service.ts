import { uuidv7 } from "uuidv7";
import type { Db } from "../../db/database";
import type { Clock } from "../../platform/clock";
import type { ContactCipher } from "../../platform/contact-cipher";
import * as repo from "./sms.repo";

/** The texts of the SMS replies, in the citizen's language, for the modules that answer by SMS. */
export { replies } from "./sms.replies";

/**
 * What other modules may ask of SMS: the channel that answers web senders, and queuing a text to a
 * number or to a message's sender. Queuing writes a row in the caller's transaction; the `sms.send`
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

/** The sealed number of a message's sender, or null when she left none. */
export async function senderPhoneSealed(db: Db, feedbackMessageId: string): Promise<string | null> {
  return (await repo.findContact(db, feedbackMessageId))?.phoneSealed ?? null;
}

/** The sealed numbers of many messages, by message id (an export with numbers opens them). */
export function sendersPhonesSealed(db: Db, feedbackMessageIds: readonly string[]) {
  return repo.findSealedPhones(db, feedbackMessageIds);
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
 * Queues a text to the sender of a message, when she left a number; false when she did not. The
 * number stays sealed: the outbound row gets the same ciphertext, never the clear number.
 */
export async function queueToSender(
  tx: Db,
  feedbackMessageId: string,
  purpose: SmsPurpose,
  text: (locale: "km" | "en") => string,
): Promise<boolean> {
  const contact = await repo.findContact(tx, feedbackMessageId);
  if (!contact) return false;
  await repo.insertOutbound(tx, {
    id: uuidv7(),
    channelId: contact.channelId,
    toSealed: contact.phoneSealed,
    toHash: contact.phoneHash,
    text: text(contact.locale),
    purpose,
    feedbackMessageId,
  });
  return true;
}
