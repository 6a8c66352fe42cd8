import type { Db } from "../../db/database";
import type { ContactCipher } from "../../platform/contact-cipher";
import { gatewayRequest } from "./sms.gateway";
import * as repo from "./sms.repo";

/**
 * The `sms.send` job: hands due outbound SMS to their channel's gateway. A row is claimed (so that two
 * server processes never send it twice), sent, then settled: `sent` on a 2xx, retried later on a
 * network error, a timeout, 429 or 5xx, `failed` on another 4xx or after MAX_ATTEMPTS. The gateway's
 * delivery report may later move it to `delivered` or `failed` (sms.routes.ts).
 */
export interface SenderDeps {
  db: Db;
  cipher: ContactCipher;
  /** node's fetch, or another with the same shape. */
  fetch?: typeof fetch;
}

export const MAX_ATTEMPTS = 6;
/** Wait before attempt n+1 after attempt n failed: 1 min, 5 min, 30 min, 2 h, 6 h. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];
const GATEWAY_TIMEOUT_MS = 15_000;
/** Claimed at a time: 5 × 15 s at worst, far inside the claim's 15 minutes (sms.repo.ts). */
const BATCH = 5;
/** A run stops claiming after this, well inside pg-boss's expiry; the next run goes on. */
const RUN_MS = 4 * 60_000;

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export async function sendDueSms(deps: SenderDeps, now = () => new Date()): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const channels = new Map<string, repo.SmsChannelRow | null>();
  const started = Date.now();
  while (Date.now() - started < RUN_MS) {
    const batch = await deps.db.transaction((tx) => repo.claimDue(tx, now(), BATCH));
    if (batch.length === 0) return report;
    for (const sms of batch) {
      if (!channels.has(sms.channelId))
        channels.set(sms.channelId, await repo.findChannel(deps.db, sms.channelId));
      const outcome = await sendOne(deps, channels.get(sms.channelId) ?? null, sms, now());
      report[outcome] += 1;
    }
  }
  return report;
}

async function sendOne(
  deps: SenderDeps,
  channel: repo.SmsChannelRow | null,
  sms: repo.SmsOutboundRow,
  now: Date,
): Promise<keyof SendReport> {
  // Only this claim's attempt is settled: a delivery report that came first, or a claim taken back
  // by another sender, stays as it is.
  const claim = { statuses: ["sending" as const], attempts: sms.attempts };
  const settle = (values: Parameters<typeof repo.settleOutbound>[2]) =>
    repo.settleOutbound(deps.db, sms.id, values, claim);
  // STOP is honoured up to the last moment; the confirmation of STOP itself still goes.
  if (sms.purpose !== "stopped" && (await repo.isOptedOut(deps.db, sms.toHash))) {
    await settle({ status: "skipped", lastError: "opted_out" });
    return "skipped";
  }
  if (!channel?.sendUrl) {
    await settle({ status: "skipped", lastError: "no_gateway" });
    return "skipped";
  }
  // A channel switched off for a while (new credentials, a gateway down): wait, do not drop.
  if (!channel.active) {
    await settle({
      status: "queued",
      attempts: sms.attempts - 1,
      nextAttemptAt: new Date(now.getTime() + 10 * 60_000),
    });
    return "retried";
  }

  let error: string;
  let retry = true;
  try {
    const request = gatewayRequest(channel, sms, deps.cipher.open(sms.toSealed), deps.cipher);
    const response = await (deps.fetch ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) {
      await settle({ status: "sent", sentAt: now, lastError: null });
      return "sent";
    }
    error = `gateway answered ${response.status}`;
    retry = response.status === 429 || response.status >= 500;
  } catch (caught) {
    // Never the URL or the body in the error: they may carry the number and the text.
    error =
      caught instanceof Error && caught.name === "TimeoutError" ? "gateway timed out" : "gateway unreachable";
  }
  if (!retry || sms.attempts >= MAX_ATTEMPTS) {
    await settle({ status: "failed", lastError: error });
    return "failed";
  }
  const delay = RETRY_DELAYS_MS[Math.min(sms.attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
  await settle({ status: "queued", lastError: error, nextAttemptAt: new Date(now.getTime() + delay) });
  return "retried";
}
