import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  facilities,
  feedbackContacts,
  feedbackMessages,
  smsInbound,
  smsOptOuts,
  smsOutbound,
} from "../../db/schema";
import { createTestApp, TEST_CIPHER, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";
import * as repo from "../feedback/feedback.sms.repo";
import { addChannel, channelSettings } from "./sms.channels";

/**
 * SMS in (issue 5, part 2): the webhook a gateway calls, signed by the channel's secret. What is
 * accepted is stored with its reply queued before the 200; a retry of the same provider id changes
 * nothing; a wrong secret, a bad or oversized body leave nothing behind.
 */

let t: TestApp;
const SECRET = "test-channel-secret";
const PHONE = "+855 12 345 678";
let schoolCode: string;

function receive(
  body: object | string,
  options: { secret?: string; form?: boolean; channel?: string; contentType?: string } = {},
) {
  return t.app.inject({
    method: "POST",
    url: `/api/sms/v1/channels/${options.channel ?? "test"}/receive`,
    headers: {
      authorization: `Bearer ${options.secret ?? SECRET}`,
      ...(options.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      ...(options.contentType ? { "content-type": options.contentType } : {}),
    },
    payload: options.form ? new URLSearchParams(body as Record<string, string>).toString() : body,
  });
}

async function counts() {
  const count = async (
    table: typeof smsInbound | typeof feedbackMessages | typeof smsOutbound | typeof auditEvents,
  ) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return {
    inbound: await count(smsInbound),
    messages: await count(feedbackMessages),
    outbound: await count(smsOutbound),
    audit: await count(auditEvents),
  };
}

async function replyTo(inboundId: string) {
  const [inbound] = await t.db.select().from(smsInbound).where(eq(smsInbound.id, inboundId));
  const rows = await t.db.select().from(smsOutbound).where(eq(smsOutbound.toHash, inbound!.senderHash));
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1)).at(-1)!;
}

beforeAll(async () => {
  t = await createTestApp();
  await addChannel(
    t.db,
    TEST_CIPHER,
    channelSettings({
      id: "test",
      name: "Test gateway",
      sender: "8383",
      sendUrl: "http://127.0.0.1:9/send",
      isDefault: true,
    }),
    SECRET,
  );
  const id = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  [{ code: schoolCode }] = (await t.db
    .select({ code: facilities.code })
    .from(facilities)
    .where(eq(facilities.id, id))) as [{ code: string }];
});
afterAll(() => t.close());

describe("an SMS with a commune code and a message", () => {
  it("becomes a feedback message with the number sealed and the code texted back, before the 200", async () => {
    const response = await receive({ from: PHONE, text: "150101 បង្គន់សាលាចាក់សោ", id: "gw-1" });
    expect(response.statusCode).toBe(200);
    const outcome = response.json();
    expect(outcome).toMatchObject({ kind: "message", duplicate: false });
    const [inbound] = await t.db.select().from(smsInbound).where(eq(smsInbound.id, outcome.id));
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.id, inbound!.feedbackMessageId!));
    expect(message).toMatchObject({
      channel: "sms",
      communeCode: "150101",
      text: "បង្គន់សាលាចាក់សោ",
      topic: "other",
    });
    const [contact] = await t.db
      .select()
      .from(feedbackContacts)
      .where(eq(feedbackContacts.feedbackMessageId, message!.id));
    expect(contact!.phoneSealed).not.toContain("12345678");
    expect(TEST_CIPHER.open(contact!.phoneSealed)).toBe("85512345678");
    expect(contact!.locale).toBe("km");
    const reply = await replyTo(outcome.id);
    expect(reply).toMatchObject({ status: "queued", purpose: "reply", channelId: "test" });
    expect(reply.text).toContain(message!.trackingCode);
    expect(TEST_CIPHER.open(reply.toSealed)).toBe("85512345678");
    const [received] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, message!.id));
    expect(JSON.stringify(received)).not.toMatch(/12345678|បង្គន់/);
  });

  it("takes a form body as RapidPro's external channel posts it, and a facility code in any case", async () => {
    const response = await receive(
      { from: "097 1234 567", text: `${schoolCode.toLowerCase()} the toilets are locked`, id: "gw-2" },
      { form: true },
    );
    expect(response.statusCode).toBe(200);
    const [inbound] = await t.db.select().from(smsInbound).where(eq(smsInbound.id, response.json().id));
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.id, inbound!.feedbackMessageId!));
    expect(message).toMatchObject({
      sectorCode: "PS",
      communeCode: "150101",
      text: "the toilets are locked",
    });
    expect((await replyTo(inbound!.id)).text).toMatch(/^Thank you\. Your code is \d{10}\./);
  });

  it("routes a report of harm to child protection, as from the web", async () => {
    const response = await receive({ from: PHONE, text: "150101 my uncle beats me every night", id: "gw-3" });
    const [inbound] = await t.db.select().from(smsInbound).where(eq(smsInbound.id, response.json().id));
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.id, inbound!.feedbackMessageId!));
    expect(message!.restricted).toBe(true);
  });
});

describe("a gateway that retries", () => {
  it("creates one record for the same provider id, and answers the retry with the first outcome", async () => {
    const before = await counts();
    const body = { from: PHONE, text: "150101 no teacher today", id: "gw-retry" };
    const [first, second, third] = await Promise.all([receive(body), receive(body), receive(body)]);
    const outcomes = [first!, second!, third!].map((r) => r.json());
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.duplicate)).toHaveLength(2);
    const after = await counts();
    expect(after.inbound - before.inbound).toBe(1);
    expect(after.messages - before.messages).toBe(1);
    expect(after.outbound - before.outbound).toBe(1);
  });
});

describe("a tracking code drawn twice", () => {
  it("fails the whole one-statement write, so that the caller draws again with nothing half-stored", async () => {
    const before = await counts();
    const [taken] = await t.db.select().from(feedbackMessages).limit(1);
    const write = (trackingCode: string) =>
      repo.storeSmsMessage(t.db, {
        inbound: {
          id: uuidv7(),
          channelId: "test",
          providerId: `collide-${trackingCode}`,
          senderHash: "h",
          sentAt: null,
        },
        message: { ...taken!, id: uuidv7(), trackingCode },
        contact: { phoneSealed: "sealed", locale: "en" },
        receivedAudit: {
          action: "feedback.received",
          entityType: "feedback_message",
          entityId: "x",
          changes: {},
        },
        ip: null,
        reply: { id: uuidv7(), toSealed: "sealed", text: "reply" },
      });
    const error = await write(taken!.trackingCode).catch((caught: unknown) => caught);
    expect(repo.isTrackingCodeTaken(error)).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await write("0000000000")).toBe(true);
    expect((await counts()).messages).toBe(before.messages + 1);
  });
});

describe("what is refused and leaves nothing behind", () => {
  it.each([
    ["a wrong secret", () => receive({ from: PHONE, text: "150101 hi", id: "x1" }, { secret: "wrong" }), 401],
    [
      "no secret",
      () =>
        t.app.inject({
          method: "POST",
          url: "/api/sms/v1/channels/test/receive",
          payload: { from: PHONE, text: "150101 hi" },
        }),
      401,
    ],
    ["an unknown channel", () => receive({ from: PHONE, text: "150101 hi" }, { channel: "nope" }), 401],
    [
      "a channel id that cannot be",
      () => receive({ from: PHONE, text: "150101 hi" }, { channel: "NO_PE" }),
      401,
    ],
    ["no sender", () => receive({ text: "150101 hi" }), 400],
    ["a sender that is no number", () => receive({ from: "hello", text: "150101 hi" }), 400],
    ["a text over 1,600 characters", () => receive({ from: PHONE, text: `150101 ${"a".repeat(1600)}` }), 400],
    ["a date that is no date", () => receive({ from: PHONE, text: "150101 hi", date: "yesterday" }), 400],
    ["garbage JSON", () => receive("{not json", { contentType: "application/json" }), 400],
    ["a body of another type", () => receive("150101 hi", { contentType: "text/plain" }), 400],
    ["an oversized body", () => receive({ from: PHONE, text: "hi", pad: "x".repeat(20_000) }), 413],
    [
      "garbage with a wrong secret",
      () => receive("{not json", { secret: "wrong", contentType: "application/json" }),
      401,
    ],
  ])("%s", async (_, call, status) => {
    const before = await counts();
    const response = await call();
    expect(response.statusCode).toBe(status);
    expect(await counts()).toEqual(before);
  });
});

describe("the rest of the grammar", () => {
  it("answers a tracking code with the message's status", async () => {
    const first = await receive({ from: PHONE, text: "150101 the road to school floods", id: "gw-s1" });
    const [inbound] = await t.db.select().from(smsInbound).where(eq(smsInbound.id, first.json().id));
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.id, inbound!.feedbackMessageId!));
    const asked = await receive({ from: "012 999 888", text: message!.trackingCode, id: "gw-s2" });
    expect(asked.json().kind).toBe("status");
    expect((await replyTo(asked.json().id)).text).toBe(
      `${message!.trackingCode}: received. Answer due by ${message!.answerDueOn.slice(8)}/${message!.answerDueOn.slice(5, 7)}.`,
    );
  });

  it("explains the grammar when it cannot read the text, and says so for an unknown code", async () => {
    const unreadable = await receive({ from: PHONE, text: "hello", id: "gw-u1" });
    expect(unreadable.json().kind).toBe("unreadable");
    expect((await replyTo(unreadable.json().id)).text).toContain("Example: 150101");
    const unknown = await receive({ from: PHONE, text: "999999 hello there", id: "gw-u2" });
    expect(unknown.json().kind).toBe("unknown_target");
    expect((await replyTo(unknown.json().id)).text).toContain("999999");
  });

  it("opts a number out on STOP, confirms once, and opts it back in when it writes again", async () => {
    const stop = await receive({ from: "012 777 666", text: "STOP", id: "gw-stop" });
    expect(stop.json().kind).toBe("stop");
    const hash = TEST_CIPHER.hash("85512777666");
    expect(await t.db.select().from(smsOptOuts).where(eq(smsOptOuts.phoneHash, hash))).toHaveLength(1);
    expect(await replyTo(stop.json().id)).toMatchObject({ purpose: "stopped" });
    await receive({ from: "012 777 666", text: "150101 please fix the well", id: "gw-again" });
    expect(await t.db.select().from(smsOptOuts).where(eq(smsOptOuts.phoneHash, hash))).toHaveLength(0);
    const actions = (await t.db.select({ action: auditEvents.action }).from(auditEvents)).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["sms.opted_out", "sms.opted_in"]));
  });
});
