import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema";
import { type JaapFixture, jaapFixture } from "./jaap.fixture";

let f: JaapFixture;
beforeAll(async () => {
  f = await jaapFixture();
});
afterAll(() => f.t.close());

describe("JAAP actions", () => {
  it("offers the sector's indicators with the prioritised ones first, in their order", async () => {
    const response = await f.facilitator.get(`/api/v1/cycles/${f.cycle.cycleId}/jaap`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.indicators.slice(0, 2).map((i: { id: string }) => i.id)).toEqual([f.ps[2].id, f.ps[0].id]);
    expect(body.indicators[0].prioritised).toBe(true);
    expect(body.indicators[2].prioritised).toBe(false);
    expect(body.indicators.every((i: { code: string }) => i.code.startsWith("PS"))).toBe(true);
    expect(body.can).toEqual({ facilitate: true, update: true, override: false });
    expect(body.people.map((p: { id: string }) => p.id)).toContain(f.commune.userId);
  });

  it("creates an action tied to indicators, audited, and counts it on the dashboards", async () => {
    const before = await f.counter(f.cycle.facilityId, "planned|2026-06");
    const action = await f.create({ responsibleUserId: f.commune.userId });
    expect(action).toMatchObject({
      status: "planned",
      responsibleName: "School director",
      responsibleUser: { id: f.commune.userId },
      resourcesRiel: 400_000,
      fromInterfaceMeeting: true,
      indicators: [{ id: f.ps[2].id, code: f.ps[2].code }],
      can: { edit: true, update: true },
      version: 1,
    });
    expect(await f.counter(f.cycle.facilityId, "planned|2026-06")).toBe(before + 1);
    expect(await f.counter("15", "planned|2026-06")).toBeGreaterThanOrEqual(1);
    const events = await f.t.db.select().from(auditEvents).where(eq(auditEvents.entityId, action.id));
    expect(events.map((event) => event.action)).toEqual(["jaap.action_created"]);
    expect(events[0].placeCode).toBe("150101");
  });

  it("refuses an action without an owner, with a clear message, and writes nothing", async () => {
    const [actions, audits] = [await f.actionCount(), await f.auditCount()];
    for (const responsibleName of ["", "   ", undefined]) {
      const response = await f.ngo.post(
        `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`,
        f.actionBody({ responsibleName }),
      );
      expect(response.statusCode).toBe(400);
      const problem = response.json();
      expect(problem.code).toBe("jaap_action_without_owner");
      expect(problem.detail).toBe("An action needs an owner: name the person or office responsible for it.");
      expect(problem.errors).toEqual([
        expect.objectContaining({ path: "responsibleName", code: "jaap_owner_required" }),
      ]);
    }
    expect([await f.actionCount(), await f.auditCount()]).toEqual([actions, audits]);
  });

  it("refuses negative riel and indicators of another sector, every problem at once, writing nothing", async () => {
    const [actions, audits] = [await f.actionCount(), await f.auditCount()];
    const negative = await f.ngo.post(
      `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`,
      f.actionBody({ resourcesRiel: -5 }),
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors).toEqual([
      expect.objectContaining({ path: "resourcesRiel", code: "field_too_small" }),
    ]);
    const fractional = await f.ngo.post(
      `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`,
      f.actionBody({ resourcesRiel: 1.5 }),
    );
    expect(fractional.statusCode).toBe(400);

    const otherSector = await f.ngo.post(
      `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`,
      f.actionBody({ indicatorIds: [f.ps[0].id, f.hc[0].id, uuidv7()], responsibleName: "" }),
    );
    expect(otherSector.statusCode).toBe(400);
    const problem = otherSector.json();
    expect(problem.code).toBe("jaap_action_without_owner");
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "responsibleName" }),
      expect.objectContaining({
        path: "indicatorIds.1",
        code: "jaap_indicator_other_sector",
        message: expect.stringContaining(f.hc[0].code),
      }),
      expect.objectContaining({ path: "indicatorIds.2", code: "jaap_indicator_unknown" }),
    ]);
    const noIndicator = await f.ngo.post(
      `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`,
      f.actionBody({ indicatorIds: [] }),
    );
    expect(noIndicator.statusCode).toBe(400);
    const stranger = await f.ngo.post(
      `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`,
      f.actionBody({ responsibleUserId: f.outsider.userId }),
    );
    expect(stranger.json().errors).toEqual([
      expect.objectContaining({ path: "responsibleUserId", code: "jaap_responsible_user_outside" }),
    ]);
    expect([await f.actionCount(), await f.auditCount()]).toEqual([actions, audits]);
  });

  it("refuses deadlines and meeting dates outside 1900–2100 as field errors, writing nothing", async () => {
    const [actions, audits] = [await f.actionCount(), await f.auditCount()];
    const url = `/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`;
    for (const deadline of ["0000-06-30", "1899-12-31", "2101-01-01", "2026-02-30"]) {
      const response = await f.ngo.post(url, f.actionBody({ deadline }));
      expect(response.statusCode, deadline).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ path: "deadline", code: "field_invalid" }),
      ]);
    }
    expect((await f.ngo.post(url, f.actionBody({ deadline: "2100-12-31" }))).statusCode).toBe(201);
    const meeting = await f.ngo.put(`/api/v1/cycles/${f.cycle.cycleId}/interface-meeting`, {
      heldOn: "0000-05-12",
      attendance: {
        citizens: { female: 1, male: 1 },
        provider: { female: 0, male: 1 },
        commune_council: { female: 0, male: 1 },
        others: { female: 0, male: 0 },
      },
    });
    expect(meeting.statusCode).toBe(400);
    expect(meeting.json().errors).toEqual([
      expect.objectContaining({ path: "heldOn", code: "field_invalid" }),
    ]);
    expect([await f.actionCount(), await f.auditCount()]).toEqual([actions + 1, audits + 1]);
  });

  it("lets only those who facilitate the cycle plan, and hides it outside the area", async () => {
    expect(
      (await f.viewer.post(`/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`, f.actionBody())).statusCode,
    ).toBe(403);
    expect(
      (await f.commune.post(`/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`, f.actionBody())).statusCode,
    ).toBe(403);
    expect(
      (await f.outsider.post(`/api/v1/cycles/${f.cycle.cycleId}/jaap/actions`, f.actionBody())).statusCode,
    ).toBe(404);
    const action = await f.create({}, f.facilitator);
    expect((await f.outsider.get(`/api/v1/jaap/actions/${action.id}`)).statusCode).toBe(404);
    expect((await f.viewer.get(`/api/v1/jaap/actions/${action.id}`)).json().can).toEqual({
      edit: false,
      update: false,
    });
  });

  it("edits an action with its version, and refuses a stale version", async () => {
    const action = await f.create();
    const edited = await f.ngo.put(`/api/v1/jaap/actions/${action.id}`, {
      ...f.actionBody({ title: "Repair and clean the water tank", indicatorIds: [f.ps[2].id, f.ps[0].id] }),
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: "Repair and clean the water tank", version: 2 });
    expect(edited.json().indicators).toHaveLength(2);
    const stale = await f.ngo.put(`/api/v1/jaap/actions/${action.id}`, { ...f.actionBody(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    const [event] = await f.t.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.entityId} = ${action.id} and ${auditEvents.action} = 'jaap.action_updated'`);
    expect(Object.keys(event.changes as object).sort()).toEqual(["indicatorIds", "title"]);
  });
});
