import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles";
import { auditEvents, feedbackMessages } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";

/**
 * The staff side (issue 5): the general and restricted queues of an area, one message, the answer
 * the sender then reads by code, and moving a message into or out of child protection.
 */

let t: TestApp;
let council: Caller;
let socialWorker: Caller;
let otherProvince: Caller;
let admin: Caller;
let officer: Caller;
const COMMUNE = "150101";

let lastIp = 0;
/** Sends a message through the public form (each from its own address); its tracking code and id. */
async function submit(text: string, communeCode = COMMUNE) {
  lastIp += 1;
  const response = await t.app.inject({
    method: "POST",
    url: "/api/public/v1/feedback",
    remoteAddress: `10.8.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`,
    payload: { communeCode, sectorCode: "PS", topic: "teaching", text },
  });
  expect(response.statusCode, response.body).toBe(201);
  const { trackingCode } = response.json();
  const [row] = await t.db
    .select({ id: feedbackMessages.id })
    .from(feedbackMessages)
    .where(eq(feedbackMessages.trackingCode, trackingCode));
  return { trackingCode: trackingCode as string, id: row.id };
}

const user = (roles: Role[], area = ["15"]) => t.as({ roles, area });
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

async function actionsOn(id: string) {
  const rows = await t.db
    .select({ action: auditEvents.action, changes: auditEvents.changes, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "feedback_message"), eq(auditEvents.entityId, id)));
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  council = await user(["commune_council"], ["150101"]);
  socialWorker = await user(["social_worker"], ["1501"]);
  otherProvince = await t.as({ roles: ["commune_council", "social_worker"], area: ["02"] });
  admin = await t.as({ roles: ["admin"], national: true });
  officer = await user(["national_officer"]);
});
afterAll(() => t.close());

describe("the queues", () => {
  it("keeps a report of harm out of the general queue and shows it to the area's social worker", async () => {
    const general = await submit("The teacher does not come on Mondays.");
    const harm = await submit("My uncle beats me every night.");

    const councilList = (await council.get("/api/v1/feedback?queue=general")).json();
    expect(ids(councilList)).toContain(general.id);
    expect(ids(councilList)).not.toContain(harm.id);
    expect(councilList.items.find((item: { id: string }) => item.id === general.id)).toMatchObject({
      trackingCode: general.trackingCode,
      channel: "web",
      commune: { code: COMMUNE, level: "commune" },
      text: "The teacher does not come on Mondays.",
      restricted: false,
      status: "received",
      overdue: false,
      can: { answer: true, restrict: true },
    });

    const restricted = await socialWorker.get("/api/v1/feedback?queue=restricted");
    expect(restricted.statusCode, restricted.body).toBe(200);
    expect(ids(restricted.json())).toContain(harm.id);
    expect(ids(restricted.json())).not.toContain(general.id);
    expect((await socialWorker.get(`/api/v1/feedback/${harm.id}`)).json()).toMatchObject({
      restricted: true,
      restrictedBecause: ["beat"],
      can: { answer: true, restrict: true },
    });

    // A restricted message is not found for anyone else, whatever their rank.
    expect((await council.get(`/api/v1/feedback/${harm.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/feedback/${harm.id}`)).statusCode).toBe(404);
  });

  it("refuses a queue to roles that do not read it, in both languages", async () => {
    const asked = await admin.get("/api/v1/feedback?queue=restricted");
    expect(asked.statusCode).toBe(403);
    expect(asked.json()).toMatchObject({ code: "feedback_queue_forbidden" });
    const khmer = await admin.request("GET", "/api/v1/feedback?queue=restricted", undefined, {
      "accept-language": "km",
    });
    expect(khmer.json().detail).toBeTruthy();
    expect((await socialWorker.get("/api/v1/feedback?queue=general")).statusCode).toBe(403);
    const viewer = await user(["viewer"]);
    expect((await viewer.get("/api/v1/feedback")).statusCode).toBe(403);
  });

  it("keeps staff of another province away: 404 on the message, absent from their lists", async () => {
    const general = await submit("The roof of the school leaks.");
    const harm = await submit("Someone is hurting the children next door.");
    for (const id of [general.id, harm.id])
      expect((await otherProvince.get(`/api/v1/feedback/${id}`)).statusCode).toBe(404);
    for (const queue of ["general", "restricted"]) {
      const list = (await otherProvince.get(`/api/v1/feedback?queue=${queue}&limit=100`)).json();
      expect(ids(list)).not.toContain(general.id);
      expect(ids(list)).not.toContain(harm.id);
    }
    const answered = await otherProvince.post(`/api/v1/feedback/${general.id}/answer`, {
      text: "No",
      version: 1,
    });
    expect(answered.statusCode).toBe(404);
  });

  it("filters by status and pages", async () => {
    const list = await council.get("/api/v1/feedback?queue=general&status=answered&limit=1&offset=0");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((item: { status: string }) => item.status === "answered")).toBe(true);
  });
});

describe("answering", () => {
  it("records the answer, which the sender then reads by code; a stale version is 409", async () => {
    const sent = await submit("Fees are asked for the exam.");
    const answered = await council.post(`/api/v1/feedback/${sent.id}/answer`, {
      text: "The council has told the school that the exam is free.",
      version: 1,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: "answered",
      answer: "The council has told the school that the exam is free.",
      answeredBy: { id: council.userId },
      version: 2,
    });

    const byCode = await t.app.inject({ method: "GET", url: `/api/public/v1/feedback/${sent.trackingCode}` });
    expect(byCode.json()).toMatchObject({
      status: "answered",
      answer: "The council has told the school that the exam is free.",
      answeredAt: answered.json().answeredAt,
    });

    const stale = await council.post(`/api/v1/feedback/${sent.id}/answer`, { text: "Again", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");

    const events = await actionsOn(sent.id);
    const event = events.find((row) => row.action === "feedback.answered");
    expect(event).toMatchObject({ actorId: council.userId });
    expect(JSON.stringify(event?.changes)).not.toContain("exam is free");
  });

  it("lets readers who do not answer read but not answer", async () => {
    const sent = await submit("The school has no water.");
    expect((await officer.get(`/api/v1/feedback/${sent.id}`)).json().can).toEqual({
      answer: false,
      restrict: true,
      seeContact: false,
    });
    const refused = await officer.post(`/api/v1/feedback/${sent.id}/answer`, { text: "Noted", version: 1 });
    expect(refused.statusCode).toBe(403);
  });

  it("counts a message as overdue once its due date has passed unanswered", async () => {
    const sent = await submit("Nobody opens the health centre.");
    await t.db
      .update(feedbackMessages)
      .set({ answerDueOn: "2020-01-01" })
      .where(eq(feedbackMessages.id, sent.id));
    expect((await council.get(`/api/v1/feedback/${sent.id}`)).json().overdue).toBe(true);
  });
});

describe("moving a message between the queues", () => {
  it("lets a reader move a message into child protection, and only child protection move it out", async () => {
    const sent = await submit("The boy in grade 3 is scared to go home.");
    const moved = await council.post(`/api/v1/feedback/${sent.id}/restrict`, {
      restricted: true,
      reason: "He speaks of being afraid at home",
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      restricted: true,
      restrictedBecause: ["staff: He speaks of being afraid at home"],
      version: 2,
    });
    // Now it is child protection's: the council no longer sees it.
    expect((await council.get(`/api/v1/feedback/${sent.id}`)).statusCode).toBe(404);
    expect(ids((await socialWorker.get("/api/v1/feedback?queue=restricted&limit=100")).json())).toContain(
      sent.id,
    );

    const stale = await socialWorker.post(`/api/v1/feedback/${sent.id}/restrict`, {
      restricted: false,
      reason: "Nothing to do with harm",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const back = await socialWorker.post(`/api/v1/feedback/${sent.id}/restrict`, {
      restricted: false,
      reason: "Visited: a fear of the dark, no harm",
      version: 2,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ restricted: false, restrictedBecause: [] });
    expect((await council.get(`/api/v1/feedback/${sent.id}`)).statusCode).toBe(200);

    const events = await actionsOn(sent.id);
    expect(events.map((row) => row.action)).toEqual([
      "feedback.received",
      "feedback.restricted",
      "feedback.unrestricted",
    ]);
    // Moving in: who and when, never the words (administrators read the audit log).
    expect(events[1]).toMatchObject({
      actorId: council.userId,
      changes: { restricted: { from: false, to: true } },
    });
    expect(JSON.stringify(events[1]!.changes)).not.toContain("afraid");
    expect(events[2]).toMatchObject({
      actorId: socialWorker.userId,
      changes: { reason: { to: "Visited: a fear of the dark, no harm" } },
    });
  });

  it("refuses moving a message where it already is", async () => {
    const sent = await submit("The teacher hits pupils with a ruler.");
    const again = await socialWorker.post(`/api/v1/feedback/${sent.id}/restrict`, {
      restricted: true,
      reason: "To be sure",
      version: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("feedback_restriction_unchanged");
  });
});

describe("the session's abilities", () => {
  it("lists the feedback abilities for the menus", async () => {
    const abilitiesOf = async (caller: Caller) =>
      (await caller.get("/api/v1/auth/session")).json().user.abilities as string[];
    expect(await abilitiesOf(council)).toEqual(expect.arrayContaining(["feedback:read", "feedback:answer"]));
    expect(await abilitiesOf(council)).not.toContain("feedback:restricted");
    expect(await abilitiesOf(socialWorker)).toEqual(
      expect.arrayContaining(["feedback:restricted", "feedback:answer"]),
    );
    expect(await abilitiesOf(socialWorker)).not.toContain("feedback:read");
    expect(await abilitiesOf(admin)).not.toContain("feedback:restricted");
  });
});
