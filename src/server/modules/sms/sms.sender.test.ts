import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { smsOutbound } from "../../db/schema";
import { createTestApp, TEST_CIPHER, type TestApp } from "../../test/harness";
import { addChannel, type ChannelSettings, channelSettings } from "./sms.channels";
import * as repo from "./sms.repo";
import {
  deliverSms,
  handOverDueSms,
  MAX_ATTEMPTS,
  RetryLater,
  runDelivery,
  type SendOutcome,
  smsDeliverJob,
} from "./sms.sender";
import { queueSms } from "./sms.service";

/**
 * SMS out (issue 5, part 2): the `sms.send` and `sms.deliver` jobs against a real HTTP gateway on
 * this machine. The gateway answers what each test tells it to; the test reads what it received.
 * The tests play the job runner: `sendDueSms` hands due messages over and runs each job once;
 * a retry is the job run again, as pg-boss does after its backoff (platform/jobs.test.ts runs
 * pg-boss's retries themselves).
 */

let t: TestApp;
let gateway: Server;
let gatewayUrl: string;
let answer: (request: IncomingMessage, body: string) => number | Promise<number> = () => 200;
const received: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[] = [];

const settings = (overrides: Partial<ChannelSettings>) =>
  channelSettings({ id: "gw", name: "Gateway", sender: "8383", ...overrides });

async function queue(channelId: string, text: string, phone = "85512345678") {
  return t.db.transaction((tx) => queueSms(tx, TEST_CIPHER, { channelId, phone, text, purpose: "reply" }));
}
/** One run of `sms.send`, then one run of each `sms.deliver` job it queued. */
async function sendDueSms(deps: { db: TestApp["db"]; cipher: typeof TEST_CIPHER }, now = () => new Date()) {
  const handed: string[] = [];
  const jobs = {
    async send(_job: unknown, payload: unknown) {
      handed.push(smsDeliverJob.payload.parse(payload).smsId);
    },
    nudge() {},
  };
  await handOverDueSms({ db: deps.db, jobs }, now());
  const report = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  for (const smsId of handed) {
    const outcome = await deliverSms(deps, smsId, now());
    if (outcome === "paused") report.retried += 1;
    else if (outcome !== "gone") report[outcome] += 1;
  }
  return report;
}
const counted: SendOutcome[] = ["sent", "retried", "failed"];
const row = async (id: string) => (await t.db.select().from(smsOutbound).where(eq(smsOutbound.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  gateway = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      Promise.resolve(answer(request, body)).then((status) => {
        response.statusCode = status;
        response.end("ok");
      });
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  await addChannel(
    t.db,
    TEST_CIPHER,
    settings({ id: "json", sendUrl: `${gatewayUrl}/send`, sendAuthorization: "Token gw-key" }),
  );
  await addChannel(
    t.db,
    TEST_CIPHER,
    settings({
      id: "form",
      sendUrl: `${gatewayUrl}/api?to={{to_digits}}&id={{id}}`,
      sendContentType: "application/x-www-form-urlencoded",
      sendBody: "from={{from}}&text={{text}}",
    }),
  );
  await addChannel(t.db, TEST_CIPHER, settings({ id: "silent" }));
});
afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  await t.close();
});
beforeEach(() => {
  received.length = 0;
  answer = () => 200;
});

describe("sending", () => {
  it("posts the default JSON body with the gateway's credentials, and marks the SMS sent", async () => {
    const id = await queue("json", "អរគុណ។ លេខកូដ 4827105936");
    const report = await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect(report).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe("Token gw-key");
    expect(JSON.parse(received[0]!.body)).toEqual({
      id,
      to: "+85512345678",
      from: "8383",
      text: "អរគុណ។ លេខកូដ 4827105936",
    });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("fills a URL and a form template, each value escaped for where it stands", async () => {
    const id = await queue("form", "a&b=c ក");
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect(received[0]!.url).toBe(`/api?to=85512345678&id=${id}`);
    expect(new URLSearchParams(received[0]!.body).get("text")).toBe("a&b=c ក");
    expect(new URLSearchParams(received[0]!.body).get("from")).toBe("8383");
  });

  it("retries a 5xx later, with backoff, and fails after the last attempt without sending twice at once", async () => {
    answer = () => 503;
    const id = await queue("json", "retry me");
    let clock = Date.now();
    let lastDelay = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // The first attempt is handed over by `sms.send`; the next ones are pg-boss's retries of its job.
      const tried =
        attempt === 1
          ? await sendDueSms({ db: t.db, cipher: TEST_CIPHER }, () => new Date(clock))
          : await deliverSms({ db: t.db, cipher: TEST_CIPHER }, id, new Date(clock));
      if (typeof tried === "string") expect(counted).toContain(tried);
      else expect(tried.sent + tried.retried + tried.failed).toBe(1);
      const after = await row(id);
      expect(after.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(after).toMatchObject({ status: "queued", lastError: "gateway answered 503" });
        // Not due again before its time: no second job while pg-boss holds the retry.
        expect((await sendDueSms({ db: t.db, cipher: TEST_CIPHER }, () => new Date(clock))).retried).toBe(0);
        // Backoff: each wait longer than the one before.
        expect(after.nextAttemptAt.getTime() - clock).toBeGreaterThan(lastDelay);
        lastDelay = after.nextAttemptAt.getTime() - clock;
        clock = after.nextAttemptAt.getTime();
      } else expect(after.status).toBe("failed");
    }
    expect(received).toHaveLength(MAX_ATTEMPTS);
  });

  it("leaves the retries to pg-boss: the job fails while the SMS waits, with backoff, MAX_ATTEMPTS runs in all", async () => {
    expect(smsDeliverJob.retry).toEqual({ limit: MAX_ATTEMPTS - 1, delaySeconds: 300, backoff: true });
    answer = () => 503;
    const id = await queue("json", "fail the job");
    await expect(runDelivery({ db: t.db, cipher: TEST_CIPHER }, { smsId: id }, new Date())).rejects.toThrow(
      RetryLater,
    );
    answer = () => 200;
    await expect(
      runDelivery({ db: t.db, cipher: TEST_CIPHER }, { smsId: id }, new Date()),
    ).resolves.toBeUndefined();
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    // A job run again after its message went out sends nothing.
    await runDelivery({ db: t.db, cipher: TEST_CIPHER }, { smsId: id }, new Date());
    expect(received).toHaveLength(2);
  });

  it("fails at once on a 4xx other than 429 (the gateway refuses the request itself)", async () => {
    answer = () => 400;
    const id = await queue("json", "bad");
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect(await row(id)).toMatchObject({ status: "failed", lastError: "gateway answered 400" });
  });

  it("retries when the gateway cannot be reached, never writing the URL or text in the error", async () => {
    await addChannel(
      t.db,
      TEST_CIPHER,
      settings({ id: "down", sendUrl: "http://127.0.0.1:9/send?to={{to}}" }),
    );
    const id = await queue("down", "hello");
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect(await row(id)).toMatchObject({ status: "queued", lastError: "gateway unreachable", attempts: 1 });
  });

  it("skips a number that sent STOP, and a channel with no gateway", async () => {
    await t.db.transaction((tx) => repo.optOut(tx, TEST_CIPHER.hash("85599999999")));
    const stopped = await queue("json", "hello", "85599999999");
    const silent = await queue("silent", "hello");
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect(await row(stopped)).toMatchObject({ status: "skipped", lastError: "opted_out" });
    expect(await row(silent)).toMatchObject({ status: "skipped", lastError: "no_gateway" });
    expect(received).toHaveLength(0);
  });
});

describe("races and pauses", () => {
  it("keeps a delivery report that arrives before the sender has settled the SMS", async () => {
    const { rotateSecret } = await import("./sms.channels");
    const { secret } = await rotateSecret(t.db, "json", new Date());
    // The gateway reports delivery before it even answers the send request.
    answer = async (_request, body) => {
      await t.app.inject({
        method: "POST",
        url: "/api/sms/v1/channels/json/delivered",
        headers: { authorization: `Bearer ${secret}` },
        payload: { id: JSON.parse(body).id },
      });
      return 200;
    };
    const id = await queue("json", "fast gateway");
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect((await row(id)).status).toBe("delivered");
  });

  it("waits while a channel is switched off, and sends once it is on again", async () => {
    const { setActive } = await import("./sms.channels");
    const id = await queue("json", "paused");
    await setActive(t.db, "json", false, new Date());
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    const paused = await row(id);
    expect(paused).toMatchObject({ status: "queued", attempts: 0 });
    await setActive(t.db, "json", true, new Date());
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER }, () => paused.nextAttemptAt);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("delivery reports", () => {
  function report(status: string, id: string, secret: string) {
    return t.app.inject({
      method: "POST",
      url: `/api/sms/v1/channels/json/${status}`,
      headers: { authorization: `Bearer ${secret}` },
      payload: { id },
    });
  }

  it("moves a sent SMS to delivered, keeps delivered final, and knows only its own channel's ids", async () => {
    const { rotateSecret } = await import("./sms.channels");
    const { secret } = await rotateSecret(t.db, "json", new Date());
    const id = await queue("json", "report me");
    await sendDueSms({ db: t.db, cipher: TEST_CIPHER });
    expect((await report("delivered", id, secret)).json()).toEqual({ id, status: "delivered" });
    expect((await report("failed", id, secret)).json()).toEqual({ id, status: "delivered" });
    expect((await report("delivered", id, "wrong")).statusCode).toBe(401);
    const other = await queue("form", "not yours");
    expect((await report("delivered", other, secret)).statusCode).toBe(404);
    expect((await report("delivered", "not-a-uuid", secret)).statusCode).toBe(400);
  });
});
