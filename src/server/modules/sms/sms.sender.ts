import { z } from "zod";
import type { Db } from "../../db/database";
import type { ContactCipher } from "../../platform/contact-cipher";
import { defineJob, type JobSender } from "../../platform/jobs";
import { gatewayRequest } from "./sms.gateway";
import * as repo from "./sms.repo";

/**
 * Outbound SMS leave in two steps, both pg-boss jobs (platform/jobs.ts):
 * - `sms.send` (scheduled, nudged after a commit that queued an SMS) hands every due message that
 *   no job holds to an `sms.deliver` job of its own;
 * - `sms.deliver` makes one attempt: claims the row (so that two processes never send it twice),
 *   sends it, and settles it: `sent` on a 2xx, `failed` on another 4xx or at the last attempt, and
 *   on a network error, a timeout, 429 or 5xx `queued` again while the job fails, so that pg-boss
 *   runs it again after its backoff. The gateway's delivery report may later move a message to
 *   `delivered` or `failed` (sms.routes.ts).
 */
export interface SenderDeps {
  db: Db;
  cipher: ContactCipher;
  /** node's fetch, or another with the same shape. */
  fetch?: typeof fetch;
}

export const MAX_ATTEMPTS = 6;
/**
 * pg-boss waits about 5 min × 2^(n-1) after the nth failure (5, 10, 20, 40, 80 min, jittered up to ×2):
 * a gateway that is down for a few hours still gets the message, as the hand-written schedule did.
 */
const RETRY_DELAY_S = 300;
const GATEWAY_TIMEOUT_MS = 15_000;
/** A message waiting this long past its retry has lost its job (sms.repo.ts dueWithoutJob). */
const LOST_RETRY_MS = 2 * 3600_000;
/** Handed over per run of `sms.send`; the next run (a minute later at most) takes the rest. */
const HAND_OVER_BATCH = 1000;

export const smsDeliverJob = defineJob({
  name: "sms.deliver",
  payload: z.object({ smsId: z.uuid() }),
  // Each run makes one attempt (or none, when the row is no longer waiting): MAX_ATTEMPTS runs in all.
  retry: { limit: MAX_ATTEMPTS - 1, delaySeconds: RETRY_DELAY_S, backoff: true },
  // Above one gateway call (15 s); an expired run is retried, and its claim taken back (sms.repo.ts).
  expireInSeconds: 60,
  // One waiting job per message: a second hand-over before the first job starts is dropped.
  policy: "short",
});

/** Hands due messages to `sms.deliver` jobs; returns how many. */
export async function handOverDueSms(deps: { db: Db; jobs: JobSender }, now: Date): Promise<number> {
  const ids = await repo.dueWithoutJob(deps.db, now, LOST_RETRY_MS, HAND_OVER_BATCH);
  for (const smsId of ids) await deps.jobs.send(smsDeliverJob, { smsId }, { key: smsId });
  return ids.length;
}

/** The outcome of one attempt. `retried` asks pg-boss for another run (the job fails). */
export type SendOutcome = "sent" | "retried" | "failed" | "skipped" | "paused" | "gone";

/** Thrown by the `sms.deliver` job when the attempt should be made again later (by pg-boss). */
export class RetryLater extends Error {
  constructor(readonly smsId: string) {
    super("sms not sent yet; pg-boss tries again after its backoff");
  }
}

/** The `sms.deliver` job's run: one attempt, a failure for pg-boss to retry when it asks for one. */
export async function runDelivery(deps: SenderDeps, payload: { smsId: string }, now: Date): Promise<void> {
  if ((await deliverSms(deps, payload.smsId, now)) === "retried") throw new RetryLater(payload.smsId);
}

/** One attempt at one message. */
export async function deliverSms(deps: SenderDeps, smsId: string, now: Date): Promise<SendOutcome> {
  const sms = await repo.claimForSending(deps.db, smsId, now);
  if (!sms) return "gone";
  // Only this claim's attempt is settled: a delivery report that came first, or a claim taken back
  // by another sender, stays as it is.
  const claim = { statuses: ["sending" as const], attempts: sms.attempts };
  const settle = (values: Parameters<typeof repo.settleOutbound>[2]) =>
    repo.settleOutbound(deps.db, sms.id, values, claim, now);
  // STOP is honoured up to the last moment; the confirmation of STOP itself still goes.
  if (sms.purpose !== "stopped" && (await repo.isOptedOut(deps.db, sms.toHash))) {
    await settle({ status: "skipped", lastError: "opted_out" });
    return "skipped";
  }
  const channel = await repo.findChannel(deps.db, sms.channelId);
  if (!channel?.sendUrl) {
    await settle({ status: "skipped", lastError: "no_gateway" });
    return "skipped";
  }
  // A channel switched off for a while (new credentials, a gateway down): wait, do not drop, and
  // do not count it as an attempt; `sms.send` hands the message over again when it is due.
  if (!channel.active) {
    await settle({
      status: "queued",
      attempts: sms.attempts - 1,
      nextAttemptAt: new Date(now.getTime() + 10 * 60_000),
    });
    return "paused";
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
  // The earliest time pg-boss runs the job again (its backoff, before jitter), for the admin's list.
  const delayMs = RETRY_DELAY_S * 1000 * 2 ** (sms.attempts - 1);
  await settle({ status: "queued", lastError: error, nextAttemptAt: new Date(now.getTime() + delayMs) });
  return "retried";
}
