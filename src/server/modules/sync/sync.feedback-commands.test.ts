import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrackingCode } from "../../../domain/feedback/tracking-code";
import { auditEvents, feedbackMessages } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";
import { outbox, push } from "./sync.fixtures";

/**
 * Issue 5: a citizen's message written down by a facilitator on her phone, offline, and pushed with
 * the field app's other commands. The phone drew the tracking code the sender left with.
 */
let t: TestApp;
let facilitator: Caller;
let viewer: Caller;
let council: Caller;
let school: string;
const command = outbox("feedbackphone");

let digit = 0;
/** A fresh valid code (a counter stands in for the phone's random digits). */
const newCode = () => {
  const seed = String(Date.now() + digit++).slice(-9);
  let i = 0;
  return createTrackingCode(() => Number(seed[i++]));
};

const written = (overrides: object = {}) => ({
  communeCode: "150101",
  sectorCode: "PS",
  facilityId: school,
  topic: "fees",
  text: "The teacher asks for money for the exam.",
  harm: false,
  trackingCode: newCode(),
  ...overrides,
});

const stored = async (id: string) =>
  (await t.db.select().from(feedbackMessages).where(eq(feedbackMessages.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp();
  school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  facilitator = await t.as({ roles: ["facilitator"], area: ["150101"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  council = await t.as({ roles: ["commune_council"], area: ["150101"] });
});
afterAll(() => t.close());

describe("feedback.write", () => {
  it("stores the message under the phone's code, from the facilitator, for the commune to answer", async () => {
    const id = uuidv7();
    const payload = written();
    const [result] = await push(facilitator, [command("feedback.write", id, payload)]);
    expect(result).toMatchObject({ status: "applied", result: { version: 1 } });
    expect(await stored(id)).toMatchObject({
      channel: "facilitator",
      trackingCode: payload.trackingCode,
      communeCode: "150101",
      facilityId: school,
      restricted: false,
    });
    const [audited] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "feedback.received")));
    expect(audited!.actorId).toBe(facilitator.userId);
    expect(JSON.stringify(audited)).not.toContain("money");
    // The sender follows it by the code she was given; the council has it in its queue.
    // The sync ledger keeps a hash of the command, never the citizen's words.
    const ledger = await queryRows<{ fingerprint: string }>(
      t.db,
      sql`select fingerprint from sync_commands where record_id = ${id}`,
    );
    expect(ledger[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const byCode = await t.anonymous.get(`/api/public/v1/feedback/${payload.trackingCode}`);
    expect(byCode.json()).toMatchObject({ status: "received" });
    const queue = (await council.get("/api/v1/feedback?limit=100")).json();
    expect(queue.items.find((item: { id: string }) => item.id === id)).toMatchObject({
      channel: "facilitator",
    });
  });

  it("sends a report of harm to child protection, as from the web", async () => {
    const id = uuidv7();
    await push(facilitator, [
      command("feedback.write", id, written({ harm: true, text: "A boy is beaten at home." })),
    ]);
    expect(await stored(id)).toMatchObject({
      restricted: true,
      restrictedBecause: expect.arrayContaining(["sender"]),
    });
  });

  it("is applied once when the phone sends it again", async () => {
    const id = uuidv7();
    const payload = written();
    await push(facilitator, [command("feedback.write", id, payload)]);
    const [again] = await push(facilitator, [command("feedback.write", id, payload)]);
    expect(again).toMatchObject({ status: "applied" });
    const rows = await t.db
      .select()
      .from(feedbackMessages)
      .where(eq(feedbackMessages.trackingCode, payload.trackingCode));
    expect(rows).toHaveLength(1);
  });

  it("keeps the words when the code is taken (under a new code) or the facility no longer fits", async () => {
    const taken = await submitFeedback(t);
    const id = uuidv7();
    const [collision] = await push(facilitator, [
      command("feedback.write", id, written({ trackingCode: taken.trackingCode })),
    ]);
    expect(collision).toMatchObject({ status: "applied" });
    const kept = (await stored(id))!;
    expect(kept.trackingCode).not.toBe(taken.trackingCode);
    const [audited] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "feedback.received")));
    expect(audited!.changes).toMatchObject({ givenCodeTaken: { to: true } });

    // A clinic given as the school's service (the facility changed kind since the download).
    const clinic = await createFacility(t.db, { communeCode: "150101", kindCode: "HC" });
    const moved = uuidv7();
    const [applied] = await push(facilitator, [
      command("feedback.write", moved, written({ facilityId: clinic })),
    ]);
    expect(applied).toMatchObject({ status: "applied" });
    expect(await stored(moved)).toMatchObject({ facilityId: null, sectorCode: "PS", communeCode: "150101" });
  });

  it("refuses a wrong check digit, a role or an area not allowed, and stores nothing", async () => {
    const good = newCode();
    const wrongCheck = good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
    const [invalid] = await push(facilitator, [
      command("feedback.write", uuidv7(), written({ trackingCode: wrongCheck })),
    ]);
    expect(invalid).toMatchObject({ status: "rejected", code: "validation_failed" });

    const [outside] = await push(facilitator, [
      command("feedback.write", uuidv7(), written({ communeCode: "020101", facilityId: null })),
    ]);
    expect(outside).toMatchObject({ status: "rejected", code: "feedback_write_forbidden" });
    const [notAllowed] = await push(viewer, [command("feedback.write", uuidv7(), written())]);
    expect(notAllowed).toMatchObject({ status: "rejected", code: "feedback_write_forbidden" });
    expect(
      await t.db.select().from(feedbackMessages).where(eq(feedbackMessages.trackingCode, good)),
    ).toHaveLength(0);
  });
});
