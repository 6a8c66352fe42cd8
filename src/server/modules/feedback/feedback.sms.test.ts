import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, feedbackContacts, feedbackMessages, smsOutbound } from "../../db/schema";
import { type Caller, createTestApp, TEST_CIPHER, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";
import { addChannel, type ChannelSettings, channelSettings } from "../sms/sms.channels";

/**
 * Answers by SMS for messages from the web form (issue 5, parts 1, 2 and 7): the form offers a phone
 * number only when a gateway is set up; the number is sealed, never audited; the answer goes out.
 */

let t: TestApp;
let council: Caller;
let lastIp = 0;

function submit(body: object, language = "en") {
  lastIp += 1;
  return t.app.inject({
    method: "POST",
    url: "/api/public/v1/feedback",
    remoteAddress: `10.7.0.${lastIp}`,
    headers: { "accept-language": language },
    payload: {
      communeCode: "150101",
      sectorCode: "HC",
      topic: "medicines_care",
      text: "No medicine.",
      ...body,
    },
  });
}

const channel = (overrides: Partial<ChannelSettings>) =>
  channelSettings({
    id: "main",
    name: "Main gateway",
    sender: "8383",
    sendUrl: "https://gateway.example/send",
    isDefault: true,
    ...overrides,
  });

beforeAll(async () => {
  t = await createTestApp();
  council = await t.as({ roles: ["commune_council"], area: ["150101"] });
});
afterAll(() => t.close());

describe("a phone number on the web form", () => {
  it("is refused while no gateway can send the answer, and the form is told so", async () => {
    expect((await t.app.inject({ url: "/api/public/v1/feedback/sms" })).json()).toEqual({
      available: false,
      sender: null,
    });
    const refused = await submit({ contactPhone: "012 345 678" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ path: "contactPhone", code: "feedback_sms_unavailable" }),
    ]);
  });

  it("is sealed with the sender's language once a gateway is set up, and the answer goes by SMS", async () => {
    await addChannel(t.db, TEST_CIPHER, channel({}));
    expect((await t.app.inject({ url: "/api/public/v1/feedback/sms" })).json()).toEqual({
      available: true,
      sender: "8383",
    });
    const bad = await submit({ contactPhone: "my phone" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: "contactPhone", code: "feedback_phone_invalid" });

    const sent = await submit({ contactPhone: "០១២ ៣៤៥ ៦៧៨" }, "km");
    expect(sent.statusCode, sent.body).toBe(201);
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.trackingCode, sent.json().trackingCode));
    const [contact] = await t.db
      .select()
      .from(feedbackContacts)
      .where(eq(feedbackContacts.feedbackMessageId, message!.id));
    expect(contact).toMatchObject({ channelId: "main", locale: "km" });
    expect(TEST_CIPHER.open(contact!.phoneSealed)).toBe("85512345678");
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, message!.id));
    expect(audit[0]!.changes).toMatchObject({ contactGiven: { from: null, to: true } });
    expect(JSON.stringify(audit)).not.toMatch(/12345678|345 678|៣៤៥/);

    const item = (await council.get(`/api/v1/feedback/${message!.id}`)).json();
    expect(item.answerBySms).toBe(true);
    const answered = await council.post(`/api/v1/feedback/${message!.id}/answer`, {
      text: "ថ្នាំនឹងមកដល់ថ្ងៃច័ន្ទ។",
      version: item.version,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const [sms] = await t.db.select().from(smsOutbound).where(eq(smsOutbound.feedbackMessageId, message!.id));
    expect(sms).toMatchObject({
      purpose: "answer",
      status: "queued",
      channelId: "main",
      toHash: contact!.phoneHash,
      text: `ចម្លើយ ${message!.trackingCode}៖ ថ្នាំនឹងមកដល់ថ្ងៃច័ន្ទ។`,
    });
  });

  it("shows the number to the council who must call back, with the reason audited and never the number", async () => {
    const sent = await submit({ contactPhone: "097 1234 567" });
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.trackingCode, sent.json().trackingCode));
    expect((await council.get(`/api/v1/feedback/${message!.id}`)).json().can.seeContact).toBe(true);
    const noReason = await council.post(`/api/v1/feedback/${message!.id}/contact`, { reason: "" });
    expect(noReason.statusCode).toBe(400);
    const seen = await council.post(`/api/v1/feedback/${message!.id}/contact`, {
      reason: "To ask which class",
    });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toEqual({ phone: "097 123 4567" });
    expect(seen.headers["cache-control"]).toBe("no-store");
    const [audited] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, message!.id), eq(auditEvents.action, "feedback.contact_seen")));
    expect(audited!.changes).toEqual({ reason: { from: null, to: "To ask which class" } });
    expect(JSON.stringify(audited)).not.toMatch(/971234567|1234 567|123 4567/);
    const clinic = await createFacility(t.db, { communeCode: "150101", kindCode: "HC" });
    const provider = await t.as({ roles: ["service_provider"], area: ["150101"], facilities: [clinic] });
    expect((await provider.get(`/api/v1/feedback/${message!.id}`)).json().can.seeContact).toBe(false);
    expect(
      (await provider.post(`/api/v1/feedback/${message!.id}/contact`, { reason: "Curious" })).statusCode,
    ).toBe(403);
  });

  it("keeps a call-back reason about a report of harm out of the audit, and texts only that an answer waits", async () => {
    const sent = await submit({ contactPhone: "012 888 777", harm: true, text: "My uncle hurts me." });
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.trackingCode, sent.json().trackingCode));
    const worker = await t.as({ roles: ["social_worker"], area: ["1501"] });
    const seen = await worker.post(`/api/v1/feedback/${message!.id}/contact`, {
      reason: "The uncle hits the child",
    });
    expect(seen.json()).toEqual({ phone: "012 888 777" });
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, message!.id));
    expect(JSON.stringify(audits)).not.toContain("uncle");
    expect(audits.find((a) => a.action === "feedback.contact_seen")!.changes).toEqual({
      reasonGiven: { from: null, to: true },
    });
    const item = (await worker.get(`/api/v1/feedback/${message!.id}`)).json();
    await worker.post(`/api/v1/feedback/${message!.id}/answer`, {
      text: "We will visit you at school.",
      version: item.version,
    });
    const [sms] = await t.db.select().from(smsOutbound).where(eq(smsOutbound.feedbackMessageId, message!.id));
    expect(sms!.text).not.toContain("visit");
    expect(sms!.text).toContain(message!.trackingCode);
  });

  it("stays anonymous when no number is given: no contact, nothing to send", async () => {
    const sent = await submit({});
    const [message] = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.trackingCode, sent.json().trackingCode));
    expect(
      await t.db.select().from(feedbackContacts).where(eq(feedbackContacts.feedbackMessageId, message!.id)),
    ).toEqual([]);
    const item = (await council.get(`/api/v1/feedback/${message!.id}`)).json();
    expect(item.answerBySms).toBe(false);
    expect(
      (await council.post(`/api/v1/feedback/${message!.id}/contact`, { reason: "Call" })).statusCode,
    ).toBe(404);
    await council.post(`/api/v1/feedback/${message!.id}/answer`, {
      text: "Thank you.",
      version: item.version,
    });
    expect(
      await t.db.select().from(smsOutbound).where(eq(smsOutbound.feedbackMessageId, message!.id)),
    ).toEqual([]);
  });
});
