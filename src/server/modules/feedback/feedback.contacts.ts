import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import { feedbackContacts } from "../../db/schema";
import * as sms from "../sms/sms.service";

/**
 * A message's contact (feedback_contacts): the sender's number, sealed, the channel she wrote on and
 * her language, kept to answer her by SMS. Texts go out through the SMS module (sms.service.ts),
 * which gets the sealed number, never the clear one.
 */

/** A message's contact: the sealed number and the channel to answer through. */
async function findContact(db: Db, feedbackMessageId: string) {
  const [row] = await db
    .select()
    .from(feedbackContacts)
    .where(eq(feedbackContacts.feedbackMessageId, feedbackMessageId));
  return row ?? null;
}

/** The sealed numbers of many messages (those that left one), by message id. */
async function findSealedPhones(db: Db, feedbackMessageIds: readonly string[]) {
  if (feedbackMessageIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: feedbackContacts.feedbackMessageId, sealed: feedbackContacts.phoneSealed })
    .from(feedbackContacts)
    .where(inArray(feedbackContacts.feedbackMessageId, [...feedbackMessageIds]));
  return new Map(rows.map((row) => [row.id, row.sealed]));
}

/** The sealed number of a message's sender, or null when she left none. */
export async function senderPhoneSealed(db: Db, feedbackMessageId: string): Promise<string | null> {
  return (await findContact(db, feedbackMessageId))?.phoneSealed ?? null;
}

/** The sealed numbers of many messages, by message id (an export with numbers opens them). */
export const sendersPhonesSealed = findSealedPhones;

/**
 * Queues a text to the sender of a message, when she left a number; false when she did not. The
 * number stays sealed: the outbound row gets the same ciphertext, never the clear number.
 */
export async function queueToSender(
  tx: Db,
  feedbackMessageId: string,
  purpose: sms.SmsPurpose,
  text: (locale: "km" | "en") => string,
): Promise<boolean> {
  const contact = await findContact(tx, feedbackMessageId);
  if (!contact) return false;
  await sms.queueSealed(tx, {
    channelId: contact.channelId,
    toSealed: contact.phoneSealed,
    toHash: contact.phoneHash,
    text: text(contact.locale),
    purpose,
    feedbackMessageId,
  });
  return true;
}
