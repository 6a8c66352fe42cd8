import type { Db } from "../../db/database";
import * as repo from "./sms.repo";

/**
 * A gateway's delivery report for one outbound SMS. Reports arrive late, twice, or out of order:
 * `delivered` is final and never undone; `failed` ends an SMS that was not delivered; `sent` only
 * confirms. Each move is conditional on the state it comes from, so that a report racing the sender
 * (or another report) never undoes `delivered`. Returns the SMS as it now stands, or null when this
 * channel never sent that id.
 */
const FROM: Record<"sent" | "delivered" | "failed", repo.SmsOutboundRow["status"][]> = {
  delivered: ["queued", "sending", "sent", "failed", "skipped"],
  failed: ["queued", "sending", "sent"],
  sent: ["queued", "sending", "failed"],
};

export async function deliveryReport(
  db: Db,
  channelId: string,
  id: string,
  report: "sent" | "delivered" | "failed",
  now: Date,
): Promise<repo.SmsOutboundRow | null> {
  const sms = await repo.findOutbound(db, channelId, id);
  if (!sms) return null;
  const values =
    report === "delivered"
      ? { status: "delivered" as const, deliveredAt: now, sentAt: sms.sentAt ?? now }
      : report === "failed"
        ? { status: "failed" as const, lastError: "gateway reported failure" }
        : { status: "sent" as const, sentAt: sms.sentAt ?? now };
  const settled = await repo.settleOutbound(db, id, values, { statuses: FROM[report] }, now);
  return settled ?? (await repo.findOutbound(db, channelId, id));
}
