import type { Db } from "../../db/database";
import * as repo from "./sms.repo";

/**
 * A gateway's delivery report for one outbound SMS. Reports arrive late, twice, or out of order:
 * `delivered` is final and never undone; `failed` ends an SMS that was not delivered; `sent` only
 * confirms. Returns the SMS as it now stands, or null when this channel never sent that id.
 */
export async function deliveryReport(
  db: Db,
  channelId: string,
  id: string,
  report: "sent" | "delivered" | "failed",
): Promise<repo.SmsOutboundRow | null> {
  const sms = await repo.findOutbound(db, channelId, id);
  if (!sms) return null;
  const now = new Date();
  if (sms.status === "delivered" || sms.status === report) return sms;
  if (report === "delivered")
    return repo.settleOutbound(db, id, { status: "delivered", deliveredAt: now, sentAt: sms.sentAt ?? now });
  if (report === "failed")
    return repo.settleOutbound(db, id, { status: "failed", lastError: "gateway reported failure" });
  // `sent` after `failed` or while still queued: the gateway has it after all.
  return sms.status === "sent"
    ? sms
    : repo.settleOutbound(db, id, { status: "sent", sentAt: sms.sentAt ?? now });
}
