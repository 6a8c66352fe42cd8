import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, facilities } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let admin: Caller;
let provincial: Caller;
let viewer: Caller;

const valid = {
  code: "HC-150101-A",
  kindCode: "HC",
  nameKm: "មណ្ឌលសុខភាពបឹងបត់កណ្ដាល",
  nameEn: "Boeng Bat Kandaol Health Centre",
  communeCode: "150101",
  villageCode: "15010101",
  lat: 12.61,
  lng: 103.79,
  phone: "012 345 678",
  serviceTypeCodes: ["health", "nutrition"],
  catchmentCodes: ["15010101", "15010102"],
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ roles: ["admin"], national: true });
  provincial = await t.as({ roles: ["provincial_officer"], area: ["15"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
});
afterAll(() => t.close());

async function create(body: Record<string, unknown> = {}) {
  return admin.post("/api/v1/facilities", {
    ...valid,
    code: `HC-${Math.random().toString(36).slice(2, 10)}`,
    ...body,
  });
}

describe("facility registry", () => {
  it("creates a facility with its services, catchment and path, and audits it", async () => {
    const response = await provincial.post("/api/v1/facilities", valid);
    expect(response.statusCode).toBe(201);
    const facility = response.json();
    expect(facility).toMatchObject({
      code: valid.code,
      kind: { code: "HC", isafSector: true },
      active: true,
      version: 1,
    });
    expect(facility.path.map((p: { code: string }) => p.code)).toEqual(["15", "1501", "150101", "15010101"]);
    expect(facility.services.map((s: { code: string }) => s.code)).toEqual(["health", "nutrition"]);
    expect(facility.catchment).toHaveLength(2);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, facility.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "facility.created",
      placeCode: "150101",
      actorId: provincial.userId,
    });
    expect((events[0].changes as Record<string, { to: unknown }>).nameEn.to).toBe(valid.nameEn);
  });

  it("refuses a duplicate code, in any letter case, with a field error", async () => {
    const response = await admin.post("/api/v1/facilities", { ...valid, code: valid.code.toLowerCase() });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: "code", code: "duplicate_facility_code" }),
    ]);
  });

  it("reports every bad field at once, in the caller's language", async () => {
    const response = await admin.request(
      "POST",
      "/api/v1/facilities",
      {
        ...valid,
        code: "X1",
        kindCode: "ZZ",
        villageCode: "02010101",
        serviceTypeCodes: ["nope"],
        lat: 12.5,
        lng: null,
      },
      { "accept-language": "km" },
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["kindCode", "lng", "serviceTypeCodes.0", "villageCode"]);
    // The admin's own language is English: a signed-in user's choice wins over the header.
    expect(body.detail).toBe("Some fields are not valid.");
  });

  it("rejects wrong types and missing fields with 400, never 500", async () => {
    const missing = await admin.post("/api/v1/facilities", { code: "X" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["kindCode", "nameKm", "communeCode"]),
    );
    const wrongType = await admin.post("/api/v1/facilities", { ...valid, lat: "north" });
    expect(wrongType.statusCode).toBe(400);
    const badCommune = await admin.post("/api/v1/facilities", { ...valid, code: "X2", communeCode: "1501" });
    expect(badCommune.statusCode).toBe(400);
    expect(badCommune.json().errors[0]).toMatchObject({ path: "communeCode", code: "place_wrong_level" });
  });

  it("refuses malformed JSON and oversized bodies", async () => {
    const malformed = await admin.request("POST", "/api/v1/facilities", "{not json", {
      "content-type": "application/json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe("malformed_json");
    const huge = await admin.request(
      "POST",
      "/api/v1/facilities",
      JSON.stringify({ ...valid, address: "x".repeat(2_000_000) }),
      {
        "content-type": "application/json",
      },
    );
    expect(huge.statusCode).toBe(413);
  });

  it("does not let an officer create outside their area, and says which field", async () => {
    const response = await provincial.post("/api/v1/facilities", {
      ...valid,
      code: "OUT-1",
      communeCode: "020101",
      villageCode: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: "communeCode", code: "place_out_of_area" });
  });

  it("does not let a viewer create, and leaves nothing behind", async () => {
    const before = (await t.db.select().from(facilities)).length;
    expect((await viewer.post("/api/v1/facilities", { ...valid, code: "V-1" })).statusCode).toBe(403);
    expect((await t.db.select().from(facilities)).length).toBe(before);
  });

  it("updates with optimistic locking and audits only what changed", async () => {
    const facility = (await create()).json();
    const body = {
      ...valid,
      code: facility.code,
      nameEn: "Renamed Health Centre",
      serviceTypeCodes: ["health"],
      version: 1,
    };
    const updated = await admin.put(`/api/v1/facilities/${facility.id}`, body);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ nameEn: "Renamed Health Centre", version: 2 });
    const stale = await admin.put(`/api/v1/facilities/${facility.id}`, { ...body, nameEn: "Lost update" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "facility.updated"));
    expect(Object.keys(event.changes as object).sort()).toEqual(["nameEn", "serviceTypeCodes"]);
  });

  it("deactivates with a reason and reactivates, never deletes", async () => {
    const facility = (await create()).json();
    const off = await admin.post(`/api/v1/facilities/${facility.id}/deactivate`, {
      reason: "Merged into the district hospital",
      version: 1,
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({
      active: false,
      deactivationReason: "Merged into the district hospital",
    });
    expect(
      (await admin.post(`/api/v1/facilities/${facility.id}/deactivate`, { reason: "again", version: 2 }))
        .statusCode,
    ).toBe(409);
    const listed = (await admin.get(`/api/v1/facilities?status=inactive&q=${facility.code}`)).json();
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([facility.id]);
    const on = await admin.post(`/api/v1/facilities/${facility.id}/reactivate`, { version: 2 });
    expect(on.json()).toMatchObject({ active: true, deactivationReason: null, version: 3 });
  });

  it("lists with filters, sorting and paging, within the caller's area", async () => {
    await create({
      code: "PS-OUT-02",
      kindCode: "PS",
      communeCode: "020101",
      villageCode: null,
      nameEn: "Battambang School",
    });
    const all = (await admin.get("/api/v1/facilities?limit=200")).json();
    const mine = (await provincial.get("/api/v1/facilities?limit=200")).json();
    expect(all.total).toBeGreaterThan(mine.total);
    expect(mine.items.every((f: { path: { code: string }[] }) => f.path[0].code === "15")).toBe(true);
    const schools = (await admin.get("/api/v1/facilities?kind=PS")).json();
    expect(schools.items.map((f: { code: string }) => f.code)).toEqual(["PS-OUT-02"]);
    const byService = (await admin.get("/api/v1/facilities?serviceType=nutrition&place=1501")).json();
    expect(byService.total).toBeGreaterThan(0);
    const byKhmer = (await admin.get(`/api/v1/facilities?q=${encodeURIComponent("បឹងបត់")}`)).json();
    expect(byKhmer.total).toBeGreaterThan(0);
    const sorted = (await admin.get("/api/v1/facilities?sort=-name&limit=2&offset=1")).json();
    expect(sorted).toMatchObject({ limit: 2, offset: 1 });
    expect(sorted.items).toHaveLength(2);
    expect((await admin.get("/api/v1/facilities?limit=0")).statusCode).toBe(400);
    expect((await admin.get("/api/v1/facilities?sort=nonsense")).statusCode).toBe(400);
  });

  it("reads an out-of-area facility as not found", async () => {
    const outside = (await create({ code: "HC-OUT-X", communeCode: "020101", villageCode: null })).json();
    expect((await provincial.get(`/api/v1/facilities/${outside.id}`)).statusCode).toBe(404);
    expect(
      (await provincial.put(`/api/v1/facilities/${outside.id}`, { ...valid, version: 1 })).statusCode,
    ).toBe(404);
    expect((await provincial.get(`/api/v1/facilities/${outside.id}/history`)).statusCode).toBe(404);
    expect((await admin.get("/api/v1/facilities/not-a-uuid")).statusCode).toBe(400);
  });

  it("gives map points and home-page counts", async () => {
    const map = (await admin.get("/api/v1/facilities/map?place=15")).json();
    expect(map.points.length).toBeGreaterThan(0);
    expect(map.points[0]).toEqual(
      expect.objectContaining({ lat: expect.any(Number), lng: expect.any(Number) }),
    );
    const counts = (await provincial.get("/api/v1/facilities/counts")).json();
    expect(counts.byProvince.map((p: { province: { code: string } }) => p.province.code)).toEqual(["15"]);
    expect(counts.total).toBe(counts.byKind.reduce((sum: number, k: { count: number }) => sum + k.count, 0));
  });
});
