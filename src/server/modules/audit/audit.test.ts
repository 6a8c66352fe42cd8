import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cycleFacilitators, cycles, facilities } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";

let t: TestApp;
let nationalAdmin: Caller;
let adminOf15: Caller;
let adminOf02: Caller;
let viewerOf15: Caller;
let viewerOf02: Caller;
let facilityId: string;

const facility = {
  code: "AUDIT-HC-1",
  kindCode: "HC",
  nameKm: "មណ្ឌលសុខភាពបឹងបត់កណ្ដាល",
  nameEn: "Boeng Bat Kandaol Health Centre",
  communeCode: "150101",
  villageCode: "15010101",
};

beforeAll(async () => {
  t = await createTestApp();
  nationalAdmin = await t.as({ roles: ["admin"], national: true, username: "audit-national-admin" });
  adminOf15 = await t.as({ roles: ["admin"], area: ["15"] });
  adminOf02 = await t.as({ roles: ["admin"], area: ["02"] });
  viewerOf15 = await t.as({ roles: ["viewer"], area: ["15"] });
  viewerOf02 = await t.as({ roles: ["viewer"], area: ["02"] });
  const response = await adminOf15.post("/api/v1/facilities", facility);
  expect(response.statusCode, response.body).toBe(201);
  facilityId = response.json().id;
});
afterAll(() => t.close());

describe("the audit log", () => {
  it("shows the creation of a facility to an administrator, filtered by entity", async () => {
    const response = await nationalAdmin.get(`/api/v1/audit?entityType=facility&entityId=${facilityId}`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(1);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: "facility.created",
      entityType: "facility",
      entityId: facilityId,
      placeCode: "150101",
      actorId: adminOf15.userId,
      actorRoles: ["admin"],
      ip: "127.0.0.1",
      changes: {
        code: { from: null, to: "AUDIT-HC-1" },
        nameEn: { from: null, to: facility.nameEn },
        communeCode: { from: null, to: "150101" },
        villageCode: { from: null, to: "15010101" },
      },
    });
    expect(Date.now() - Date.parse(page.items[0].at)).toBeLessThan(5 * 60_000);
  });

  it("filters by action prefix and by place", async () => {
    const byAction = (await nationalAdmin.get("/api/v1/audit?action=facility.")).json();
    expect(byAction.items.map((e: { entityId: string }) => e.entityId)).toContain(facilityId);
    expect(byAction.items.every((e: { action: string }) => e.action.startsWith("facility."))).toBe(true);
    const byPlace = (await nationalAdmin.get("/api/v1/audit?place=1501")).json();
    expect(byPlace.items.map((e: { entityId: string }) => e.entityId)).toContain(facilityId);
    expect((await nationalAdmin.get("/api/v1/audit?place=02")).json().total).toBe(0);
  });

  it("shows an area's administrator the events of their area only", async () => {
    const query = `/api/v1/audit?entityType=facility&entityId=${facilityId}`;
    expect((await adminOf15.get(query)).json().total).toBe(1);
    const of02 = await adminOf02.get(query);
    expect(of02.statusCode).toBe(200);
    expect(of02.json()).toMatchObject({ items: [], total: 0 });
    const everything = (await adminOf02.get("/api/v1/audit?limit=200")).json();
    // Events about places in 02, or about the users of 02 (the administrator and the viewer there).
    const usersOf02 = [adminOf02.userId, viewerOf02.userId];
    for (const event of everything.items as {
      placeCode: string | null;
      entityType: string;
      entityId: string;
    }[]) {
      const about02 =
        event.placeCode?.startsWith("02") ||
        (event.entityType === "user" && usersOf02.includes(event.entityId));
      expect(about02, JSON.stringify(event)).toBe(true);
    }
    expect(everything.items.map((e: { entityId: string }) => e.entityId)).not.toContain(facilityId);
  });

  it("refuses non-administrators (403) and anonymous callers (401)", async () => {
    for (const caller of [viewerOf15, await t.as({ roles: ["national_officer"], national: true })]) {
      const response = await caller.get("/api/v1/audit");
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("forbidden");
    }
    expect((await t.anonymous.get("/api/v1/audit")).statusCode).toBe(401);
  });

  it("answers 400 to a malformed filter", async () => {
    const response = await nationalAdmin.get("/api/v1/audit?from=yesterday");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: "from" })]);
  });
});

describe("a facility's history", () => {
  it("is open to a viewer of the facility's area, and not found for a viewer of another", async () => {
    const rename = await adminOf15.put(`/api/v1/facilities/${facilityId}`, {
      ...facility,
      nameEn: "Boeng Bat Kandaol Referral Health Centre",
      version: 1,
    });
    expect(rename.statusCode, rename.body).toBe(200);

    const response = await viewerOf15.get(`/api/v1/facilities/${facilityId}/history`);
    expect(response.statusCode).toBe(200);
    const history = response.json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      "facility.updated",
      "facility.created",
    ]);
    expect(history.items[0].changes).toEqual({
      nameEn: { from: facility.nameEn, to: "Boeng Bat Kandaol Referral Health Centre" },
    });

    const outside = await viewerOf02.get(`/api/v1/facilities/${facilityId}/history`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe("not_found");
    expect((await t.anonymous.get(`/api/v1/facilities/${facilityId}/history`)).statusCode).toBe(401);
  });
});

/** Why the database refused a statement (the trigger's message), or "not refused". */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const { cause } = error as { cause?: { message?: string } };
    return cause?.message ?? (error as Error).message;
  }
  return "not refused";
}

describe("append-only", () => {
  it("refuses to change or delete audit events, even through raw SQL", async () => {
    const before = await t.db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(before.length).toBeGreaterThan(0);
    expect(await refusal(t.db.execute(sql`update audit_events set action = 'x'`))).toBe(
      "audit_events is append-only",
    );
    expect(await refusal(t.db.execute(sql`delete from audit_events`))).toBe("audit_events is append-only");
    expect(await refusal(t.db.execute(sql`truncate audit_events`))).toBe("audit_events is append-only");
    expect(
      await refusal(t.db.update(auditEvents).set({ action: "x" }).where(eq(auditEvents.id, before[0].id))),
    ).toBe("audit_events is append-only");
    expect(await t.db.select().from(auditEvents).orderBy(auditEvents.id)).toEqual(before);
  });
});

describe("user events in an area's audit log", () => {
  it("shows an administrator of an area the events of the users they manage, and no others", async () => {
    const body = (area: string, username: string) => ({
      username,
      displayName: username,
      roles: ["viewer"],
      area: { national: false, codes: [area] },
      locale: "en",
      password: "Lotus-Pond-Morning-42",
    });
    const inside = await nationalAdmin.post("/api/v1/users", body("1501", "audit-user-in-15"));
    const outside = await nationalAdmin.post("/api/v1/users", body("0201", "audit-user-in-02"));
    expect(inside.statusCode).toBe(201);
    expect(outside.statusCode).toBe(201);
    const seen = (await adminOf15.get("/api/v1/audit?entityType=user&action=user.created&limit=200")).json();
    const ids = seen.items.map((event: { entityId: string }) => event.entityId);
    expect(ids).toContain(inside.json().id);
    expect(ids).not.toContain(outside.json().id);
  });
});

describe("the record each event is about", () => {
  it("is named in both languages by the module that owns it: a facility, a card (by its cycle), a user", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101", year: 2026 });
    const [cycle] = await t.db.select().from(cycles).where(eq(cycles.id, cycleId));
    const [school] = await t.db.select().from(facilities).where(eq(facilities.id, cycle!.facilityId));
    const facilitator = await t.as({ roles: ["facilitator"], area: ["150101"] });
    await t.db.insert(cycleFacilitators).values({ cycleId, userId: facilitator.userId! });
    const card = await facilitator.post(`/api/v1/cycles/${cycleId}/scorecards`, {
      kind: "community",
    });
    expect(card.statusCode, card.body).toBe(201);
    const cardId = card.json().id;
    const named = async (entityType: string, entityId: string) => {
      const page = (
        await nationalAdmin.get(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}`)
      ).json();
      expect(page.items.length, `${entityType} events`).toBeGreaterThan(0);
      return page.items[0].entityName;
    };
    // Its name now: a test above renamed it since its first events were written.
    expect(await named("facility", facilityId)).toEqual({
      km: "មណ្ឌលសុខភាពបឹងបត់កណ្ដាល (AUDIT-HC-1)",
      en: "Boeng Bat Kandaol Referral Health Centre (AUDIT-HC-1)",
    });
    expect(await named("scorecard", cardId)).toEqual({
      km: `${school!.nameKm} (${school!.code}) · 2026 · ប័ណ្ណដាក់ពិន្ទុសហគមន៍`,
      en: `${school!.nameEn} (${school!.code}) · 2026 · community score card`,
    });
    expect(await named("user", adminOf15.userId!)).toEqual({ km: "Test admin", en: "Test admin" });
  });
});
