import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { createCycle, sectorIndicators } from "../../test/isaf-fixtures";
import { type JaapFixture, jaapFixture, PNG } from "./jaap.fixture";
import { publicActionsOfFacility } from "./jaap.service";

let f: JaapFixture;
beforeAll(async () => {
  f = await jaapFixture();
});
afterAll(() => f.t.close());

describe("following an action", () => {
  it("moves planned → in progress → done with updates and photos, moving the counters", async () => {
    const action = await f.create({ deadline: "2026-09-30" });
    expect(await f.counter(f.cycle.facilityId, "planned|2026-09")).toBe(1);

    const uploaded = await f.uploadPhoto(f.commune, action.id);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photoId = uploaded.json().id;
    // Not shown to anyone before an update shows it.
    expect((await f.viewer.get(`/api/v1/jaap/actions/${action.id}/photos/${photoId}`)).statusCode).toBe(404);
    // Someone else may not attach a photo they did not upload.
    const stolen = await f.ngo.post(`/api/v1/jaap/actions/${action.id}/updates`, {
      note: "Work started",
      status: "in_progress",
      photoIds: [photoId],
      version: 1,
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0]).toMatchObject({ path: "photoIds.0", code: "jaap_photo_unknown" });

    const started = await f.commune.post(`/api/v1/jaap/actions/${action.id}/updates`, {
      note: "The plumber came; the tank is drained.",
      status: "in_progress",
      photoIds: [photoId],
      version: 1,
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({
      status: "in_progress",
      version: 2,
      lastUpdateOn: cambodiaToday(new Date()),
    });
    expect(started.json().updates[0]).toMatchObject({ statusAfter: "in_progress", photoIds: [photoId] });
    expect(await f.counter(f.cycle.facilityId, "planned|2026-09")).toBe(0);
    expect(await f.counter(f.cycle.facilityId, "in_progress|2026-09")).toBe(1);

    const served = await f.viewer.get(`/api/v1/jaap/actions/${action.id}/photos/${photoId}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect((await f.outsider.get(`/api/v1/jaap/actions/${action.id}/photos/${photoId}`)).statusCode).toBe(
      404,
    );

    const back = await f.commune.post(`/api/v1/jaap/actions/${action.id}/updates`, {
      note: "Back to planning",
      status: "planned",
      version: 2,
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe("jaap_status_not_allowed");

    const done = await f.facilitator.post(`/api/v1/jaap/actions/${action.id}/updates`, {
      note: "The tank holds water again.",
      status: "done",
      version: 2,
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ status: "done", can: { edit: false, update: false } });
    expect(await f.counter(f.cycle.facilityId, "in_progress|2026-09")).toBe(0);
    expect(await f.counter(f.cycle.facilityId, "done|2026-09")).toBe(1);

    const after = await f.commune.post(`/api/v1/jaap/actions/${action.id}/updates`, {
      note: "More",
      status: "done",
      version: 3,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe("jaap_action_closed");
    expect((await f.uploadPhoto(f.commune, action.id)).statusCode).toBe(409);
    expect((await f.viewer.post(`/api/v1/jaap/actions/${action.id}/updates`, {})).statusCode).toBe(400);
  });

  it("refuses photos that are not images", async () => {
    const action = await f.create();
    const text = await f.uploadPhoto(f.commune, action.id, Buffer.from("not a photo"), "text/plain");
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe("media_type_not_allowed");
    expect((await f.uploadPhoto(f.viewer, action.id)).statusCode).toBe(403);
  });

  it("drops an action only with a reason, kept as its last update", async () => {
    const action = await f.create({ deadline: "2026-10-31" });
    const audits = await f.auditCount();
    for (const reason of [undefined, "", "   "]) {
      const refused = await f.commune.post(`/api/v1/jaap/actions/${action.id}/drop`, { reason, version: 1 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe("jaap_drop_reason_required");
    }
    expect(await f.auditCount()).toBe(audits);
    expect(
      (await f.viewer.post(`/api/v1/jaap/actions/${action.id}/drop`, { reason: "No", version: 1 }))
        .statusCode,
    ).toBe(403);
    const dropped = await f.commune.post(`/api/v1/jaap/actions/${action.id}/drop`, {
      reason: "The district replaced the tank itself.",
      version: 1,
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json()).toMatchObject({
      status: "dropped",
      dropReason: "The district replaced the tank itself.",
      updates: [{ statusAfter: "dropped", note: "The district replaced the tank itself." }],
    });
    expect(await f.counter(f.cycle.facilityId, "dropped|2026-10")).toBe(1);
    expect(await f.counter(f.cycle.facilityId, "planned|2026-10")).toBe(0);
    const again = await f.commune.post(`/api/v1/jaap/actions/${action.id}/drop`, {
      reason: "Again",
      version: 2,
    });
    expect(again.json().code).toBe("jaap_action_closed");
  });
});

describe("actions across cycles", () => {
  it("lists overdue actions and the caller's own, within the area", async () => {
    const other = await createCycle(f.t.db, { communeCode: "150102", kindCode: "HC", year: 2025 });
    const [hcFirst] = await sectorIndicators(f.t.db, "HC");
    const late = await f.ngo.post(`/api/v1/cycles/${other.cycleId}/jaap/actions`, {
      ...f.actionBody({
        indicatorIds: [hcFirst.id],
        deadline: "2025-01-31",
        responsibleUserId: f.facilitator.userId,
      }),
    });
    expect(late.statusCode, late.body).toBe(201);
    const lateId = late.json().id;
    expect(late.json().overdue).toBe(true);
    const future = await f.create({ deadline: "2099-12-31" });

    const overdue = (await f.ngo.get("/api/v1/jaap/actions?overdue=1&limit=200")).json();
    const ids = overdue.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(lateId);
    expect(ids).not.toContain(future.id);
    expect(overdue.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
    expect(overdue.items.find((item: { id: string }) => item.id === lateId)).toMatchObject({
      year: 2025,
      sectorCode: "HC",
      communeCode: "150102",
      facility: { id: other.facilityId },
    });

    const mine = (await f.facilitator.get("/api/v1/jaap/actions?mine=1&overdue=1")).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([lateId]);
    const filtered = (
      await f.ngo.get("/api/v1/jaap/actions?place=150101&year=2026&sector=PS&status=planned")
    ).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(
      filtered.items.every(
        (item: { communeCode: string; year: number }) => item.communeCode === "150101" && item.year === 2026,
      ),
    ).toBe(true);
    // The f.commune councillor of 150101 does not see 150102; the f.outsider sees nothing of Pursat.
    const communeIds = (await f.commune.get("/api/v1/jaap/actions?limit=200"))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(communeIds).not.toContain(lateId);
    expect((await f.outsider.get("/api/v1/jaap/actions")).json().total).toBe(0);
  });

  it("gives the public module a facility's actions without names of people", async () => {
    const actions = await publicActionsOfFacility(f.t.db, f.cycle.facilityId);
    expect(actions.length).toBeGreaterThan(3);
    for (const action of actions) {
      expect(Object.keys(action).sort()).toEqual(
        [
          "deadline",
          "id",
          "indicatorCodes",
          "lastUpdateOn",
          "responsibleParty",
          "status",
          "title",
          "year",
        ].sort(),
      );
    }
    expect(actions.some((action) => action.status === "done" && action.lastUpdateOn !== null)).toBe(true);
    expect(actions[0].indicatorCodes.length).toBeGreaterThan(0);
  });
});
