import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays } from "../../../domain/feedback/working-days";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { auditEvents, feedbackMessages, smsOutbound } from "../../db/schema";
import { testClock } from "../../platform/clock";
import { addSendingChannel, submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";
import { escalateOverdue } from "./feedback.escalation";
import { setLimits } from "./feedback.limits";

/**
 * Time limits, escalation and taking a message (issue 5, parts 4 and 6): due dates follow the limits
 * of the message's kind; past the answer's due date the job sends it to the district, then to the
 * province, telling the sender; staff take a message and give it back.
 */

let t: TestApp;
let council: Caller;
let provider: Caller;
let socialWorker: Caller;

const submit = (body: object = {}) => submitFeedback(t, body);

const load = async (id: string) =>
  (await t.db.select().from(feedbackMessages).where(eq(feedbackMessages.id, id)))[0]!;
/** Moves a message's due date into the past, as if received weeks ago. */
const makeOverdue = (id: string) =>
  t.db.update(feedbackMessages).set({ answerDueOn: "2026-01-05" }).where(eq(feedbackMessages.id, id));

// A Tuesday, 10:00 in Phnom Penh: due dates follow the date (docs/mechanisms/tests.md).
const clock = testClock("2026-12-08T03:00:00Z");

beforeAll(async () => {
  t = await createTestApp({ clock });
  council = await t.as({ roles: ["commune_council"], area: ["150101"] });
  // A school director: the messages about schools of her commune are hers (submit's default is PS).
  const school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  provider = await t.as({ roles: ["service_provider"], area: ["150101"], facilities: [school] });
  socialWorker = await t.as({ roles: ["social_worker"], area: ["1501"] });
  await addSendingChannel(t);
});
afterAll(() => t.close());

describe("time limits", () => {
  it("give a new message its due dates from its kind's limits", async () => {
    const today = cambodiaToday(clock.now());
    const general = await submit();
    expect(general.acknowledgeDueOn).toBe(addWorkingDays(today, 2));
    expect(general.answerDueOn).toBe(addWorkingDays(today, 10));
    const harm = await submit({ harm: true, text: "Someone hurts a child." });
    expect(harm.answerDueOn).toBe(addWorkingDays(today, 3));
    await setLimits(t.db, "HC", { acknowledgeDays: 1, answerDays: 4, escalationDays: 2 }, clock.now());
    const clinic = await submit({ sectorCode: "HC", topic: "medicines_care" });
    expect(clinic.answerDueOn).toBe(addWorkingDays(today, 4));
    const [audited] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback_limits.set"), eq(auditEvents.entityId, "HC")));
    expect(audited!.changes).toMatchObject({ answerDays: { from: null, to: 4 } });
  });

  it("refuse limits that are not whole working days from 1 to 60, or an unknown scope", async () => {
    await expect(
      setLimits(t.db, "HC", { acknowledgeDays: 0, answerDays: 4, escalationDays: 2 }, clock.now()),
    ).rejects.toThrow(/1 to 60/);
    await expect(
      setLimits(t.db, "XX", { acknowledgeDays: 1, answerDays: 4, escalationDays: 2 }, clock.now()),
    ).rejects.toThrow(/scope/);
  });
});

describe("escalation", () => {
  it("sends an overdue message to the district, then the province, telling the sender each time", async () => {
    const message = await submit({ contactPhone: "012 345 678" });
    await makeOverdue(message.id);
    const first = await escalateOverdue(t.db, clock.now());
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const district = await load(message.id);
    expect(district).toMatchObject({ status: "escalated", escalatedToLevel: "district" });
    expect(district.answerDueOn).toBe(addWorkingDays(cambodiaToday(clock.now()), 5));
    const notices = await t.db
      .select()
      .from(smsOutbound)
      .where(eq(smsOutbound.feedbackMessageId, message.id));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ purpose: "escalated", status: "queued" });
    expect(notices[0]!.text).toContain(message.trackingCode);

    // Run again the same day: the district's time has not run out.
    await escalateOverdue(t.db, clock.now());
    expect((await load(message.id)).escalatedToLevel).toBe("district");

    const later = new Date(clock.now().getTime() + 10 * 86_400_000);
    await escalateOverdue(t.db, later);
    expect((await load(message.id)).escalatedToLevel).toBe("province");
    await escalateOverdue(t.db, new Date(clock.now().getTime() + 30 * 86_400_000));
    expect((await load(message.id)).escalatedToLevel).toBe("province");
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback.escalated"), eq(auditEvents.entityId, message.id)));
    expect(
      audits.map((a) => (a.changes as { escalatedToLevel: { to: string } }).escalatedToLevel.to),
    ).toEqual(["district", "province"]);
    const item = (await council.get(`/api/v1/feedback/${message.id}`)).json();
    expect(item).toMatchObject({ status: "escalated", escalatedToLevel: "province", overdue: false });
  });

  it("leaves answered messages alone, and an escalated message can still be answered", async () => {
    const answered = await submit();
    const item = (await council.get(`/api/v1/feedback/${answered.id}`)).json();
    await council.post(`/api/v1/feedback/${answered.id}/answer`, { text: "Done.", version: item.version });
    await makeOverdue(answered.id);
    const late = await submit();
    await makeOverdue(late.id);
    await escalateOverdue(t.db, clock.now());
    expect((await load(answered.id)).status).toBe("answered");
    const escalated = (await council.get(`/api/v1/feedback/${late.id}`)).json();
    expect(escalated.status).toBe("escalated");
    const reply = await council.post(`/api/v1/feedback/${late.id}/answer`, {
      text: "Sorry for the delay.",
      version: escalated.version,
    });
    expect(reply.json()).toMatchObject({ status: "answered", overdue: false });
  });
});

describe("taking a message", () => {
  it("assigns it to the one who takes it, acknowledges it, lists it as theirs, and gives it back", async () => {
    const message = await submit();
    const before = (await provider.get(`/api/v1/feedback/${message.id}`)).json();
    expect(before).toMatchObject({
      assignedTo: null,
      untaken: false,
      acknowledgeDueOn: message.acknowledgeDueOn,
    });
    const taken = await provider.post(`/api/v1/feedback/${message.id}/assign`, {
      take: true,
      version: before.version,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().assignedTo).toMatchObject({ id: provider.userId });
    expect((await load(message.id)).acknowledgedAt).not.toBeNull();
    const mine = (await provider.get("/api/v1/feedback?mine=true&limit=100")).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([message.id]);

    const notYours = await council.post(`/api/v1/feedback/${message.id}/assign`, {
      take: false,
      version: taken.json().version,
    });
    expect(notYours.statusCode).toBe(409);
    expect(notYours.json().code).toBe("feedback_not_yours");
    const stale = await provider.post(`/api/v1/feedback/${message.id}/assign`, { take: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    const back = await provider.post(`/api/v1/feedback/${message.id}/assign`, {
      take: false,
      version: taken.json().version,
    });
    expect(back.json().assignedTo).toBeNull();
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, message.id));
    expect(actions.map((a) => a.action)).toEqual([
      "feedback.received",
      "feedback.taken",
      "feedback.given_back",
    ]);
  });

  it("marks a message nobody took in time, and keeps it from those who cannot answer it", async () => {
    const message = await submit();
    await t.db
      .update(feedbackMessages)
      .set({ acknowledgeDueOn: "2026-01-05" })
      .where(eq(feedbackMessages.id, message.id));
    expect((await council.get(`/api/v1/feedback/${message.id}`)).json().untaken).toBe(true);
    const ngo = await t.as({ roles: ["ngo_staff"], area: ["15"] });
    expect(
      (await ngo.post(`/api/v1/feedback/${message.id}/assign`, { take: true, version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await socialWorker.post(`/api/v1/feedback/${message.id}/assign`, { take: true, version: 1 }))
        .statusCode,
    ).toBe(403);
  });
});
