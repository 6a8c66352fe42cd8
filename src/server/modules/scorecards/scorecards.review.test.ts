import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { counter, cycleFor, meetingCard, ok, type People, people, scoreAll } from "./scorecards.fixtures";

/** Issue 3, part 9: submit, approve or return, change requests; the dashboards follow at once. */
let t: TestApp;
let who: People;
beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
});
afterAll(() => t.close());

const PEOPLE = [
  { sex: "female", age: 16, ethnicMinority: true },
  { sex: "female", age: 52 },
  { sex: "male", age: 24, idPoor: true },
] as const;

describe("review and approval", () => {
  it("counts a submitted card on the dashboards at once, takes it back on return, and locks after approval", async () => {
    const { cycleId, facilityId, indicators } = await cycleFor(t, who.facilitator, { communeCode: "150102" });
    const a = indicators[0]!.id;
    let card = await meetingCard(who.facilitator, cycleId, [...PEOPLE], [a]);
    await scoreAll(who.facilitator, card.id, { [a]: [2, 3, 5] });
    card = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    expect(await counter(t.db, facilityId, "scorecards", "community")).toBe(0);

    card = ok(await who.facilitator.post(`/api/v1/scorecards/${card.id}/submit`, { version: card.version }));
    expect(card).toMatchObject({ status: "submitted", can: { edit: false } });
    expect(await counter(t.db, facilityId, "scorecards", "community")).toBe(1);
    expect(await counter(t.db, "150102", "participants", "female|15_17")).toBe(1);
    expect(await counter(t.db, "1501", "participants_ethnic_minority", "female")).toBe(1);
    expect(await counter(t.db, "KH", "scores", `community|${a}|5`)).toBeGreaterThanOrEqual(1);
    expect(await counter(t.db, facilityId, "scores", `community|${a}|3`)).toBe(1);
    expect(await counter(t.db, facilityId, "prioritised", a)).toBe(1);

    // In the reviewer's queue; a facilitator has no queue.
    const queue = ok(await who.reviewer.get("/api/v1/scorecards/reviews"));
    expect((queue.submitted as { id: string }[]).map((entry) => entry.id)).toContain(card.id);
    expect((await who.facilitator.get("/api/v1/scorecards/reviews")).statusCode).toBe(403);
    // Only a reviewer approves or returns.
    expect(
      (await who.facilitator.post(`/api/v1/scorecards/${card.id}/approve`, { version: card.version }))
        .statusCode,
    ).toBe(403);
    const noComment = await who.reviewer.post(`/api/v1/scorecards/${card.id}/return`, {
      version: card.version,
      comment: " ",
    });
    expect(noComment.statusCode).toBe(400);

    card = ok(
      await who.reviewer.post(`/api/v1/scorecards/${card.id}/return`, {
        version: card.version,
        comment: "Add the meeting village.",
      }),
    );
    expect(card).toMatchObject({ status: "returned", reviewComment: "Add the meeting village." });
    expect(await counter(t.db, facilityId, "scorecards", "community")).toBe(0);
    expect(await counter(t.db, facilityId, "participants", "female|15_17")).toBe(0);
    expect(await counter(t.db, facilityId, "scores", `community|${a}|3`)).toBe(0);

    // Editable again by the facilitator.
    card = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    expect(card.can).toMatchObject({ edit: true, submit: true });
    card = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}`, {
        heldOn: "2026-01-20",
        villageCode: "15010201",
        mode: "individual",
        version: card.version,
      }),
    );
    expect(card.village).toMatchObject({ code: "15010201" });
    card = ok(await who.facilitator.post(`/api/v1/scorecards/${card.id}/submit`, { version: card.version }));
    card = ok(await who.reviewer.post(`/api/v1/scorecards/${card.id}/approve`, { version: card.version }));
    expect(card).toMatchObject({
      status: "approved",
      reviewedBy: { id: who.reviewer.userId },
      can: { requestChange: true },
    });
    expect(await counter(t.db, facilityId, "scorecards", "community")).toBe(1);
    expect(
      (
        await who.facilitator.post(`/api/v1/scorecards/${card.id}/participants`, {
          participants: [{ sex: "male", age: 30 }],
        })
      ).statusCode,
    ).toBe(409);
  });

  it("corrects an approved card through a change request: refused, then granted back to draft, audited", async () => {
    const { cycleId, facilityId, indicators } = await cycleFor(t, who.facilitator, { communeCode: "150103" });
    const a = indicators[0]!.id;
    let card = await meetingCard(who.facilitator, cycleId, [...PEOPLE], [a]);
    await scoreAll(who.facilitator, card.id, { [a]: [1, 1, 4] });
    card = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    // A change request on a card that is not approved is refused.
    expect(
      (await who.facilitator.post(`/api/v1/scorecards/${card.id}/change-requests`, { reason: "x" })).json()
        .code,
    ).toBe("scorecard_not_approved");
    card = ok(await who.facilitator.post(`/api/v1/scorecards/${card.id}/submit`, { version: card.version }));
    card = ok(await who.reviewer.post(`/api/v1/scorecards/${card.id}/approve`, { version: card.version }));

    card = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/change-requests`, {
        reason: "Participant 3 was 42, not 24.",
      }),
      201,
    );
    const [first] = card.changeRequests as { id: string; status: string }[];
    expect(first).toMatchObject({ status: "pending", requestedBy: { id: who.facilitator.userId } });
    expect(
      (
        await who.facilitator.post(`/api/v1/scorecards/${card.id}/change-requests`, { reason: "Again" })
      ).json().code,
    ).toBe("change_request_pending");
    const queue = ok(await who.reviewer.get("/api/v1/scorecards/reviews"));
    expect((queue.changeRequests as { id: string }[]).map((entry) => entry.id)).toContain(first!.id);
    // Refusing needs a note; a refused request leaves the card approved.
    expect(
      (await who.reviewer.post(`/api/v1/scorecards/${card.id}/change-requests/${first!.id}/refuse`, {}))
        .statusCode,
    ).toBe(400);
    card = ok(
      await who.reviewer.post(`/api/v1/scorecards/${card.id}/change-requests/${first!.id}/refuse`, {
        note: "Ages are as recorded on the sheet.",
      }),
    );
    expect(card).toMatchObject({ status: "approved" });
    expect(
      (await who.reviewer.post(`/api/v1/scorecards/${card.id}/change-requests/${first!.id}/grant`, {})).json()
        .code,
    ).toBe("change_request_decided");

    card = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/change-requests`, {
        reason: "Participant 3 was 42, not 24 (photo of the sheet).",
      }),
      201,
    );
    const second = (card.changeRequests as { id: string; status: string }[]).find(
      (entry) => entry.status === "pending",
    )!;
    expect(
      (await who.facilitator.post(`/api/v1/scorecards/${card.id}/change-requests/${second.id}/grant`, {}))
        .statusCode,
    ).toBe(403);
    card = ok(
      await who.reviewer.post(`/api/v1/scorecards/${card.id}/change-requests/${second.id}/grant`, {
        note: "Granted.",
      }),
    );
    expect(card).toMatchObject({ status: "draft", can: { edit: true } });
    expect(await counter(t.db, facilityId, "scorecards", "community")).toBe(0);
    card = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/participants/3`, {
        sex: "male",
        age: 42,
        idPoor: true,
        version: card.version,
      }),
    );
    expect((card.participants as { age: number }[])[2]!.age).toBe(42);

    const actions = (
      await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, "scorecard"), eq(auditEvents.entityId, card.id)))
    ).map((event) => event.action);
    for (const action of [
      "scorecard.created",
      "scorecard.submitted",
      "scorecard.approved",
      "scorecard.change_requested",
      "scorecard.change_refused",
      "scorecard.change_granted",
      "scorecard.participant_updated",
    ]) {
      expect(actions).toContain(action);
    }
    const granted = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, card.id), eq(auditEvents.action, "scorecard.change_granted")));
    expect(granted[0]!.changes).toMatchObject({
      reason: "Participant 3 was 42, not 24 (photo of the sheet).",
      status: { from: "approved", to: "draft" },
    });
  });
});
