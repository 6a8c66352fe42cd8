import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cycleFacilitators, cycles, isafRollup, programmes } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle, createFacility } from "../../test/isaf-fixtures";

let t: TestApp;
let planner: Caller;
let nationalPlanner: Caller;
let viewer: Caller;
let ngoId = "";
let facilitatorId = "";
let farFacilitatorId = "";

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as({ roles: ["admin"], national: true });
  planner = await t.as({ roles: ["ngo_staff"], area: ["15"] });
  nationalPlanner = await t.as({ roles: ["national_officer"], national: true });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  ngoId = (
    await admin.post("/api/v1/organisations", { nameKm: "អង្គការ", nameEn: "Plan NGO", kind: "ngo" })
  ).json().id;
  facilitatorId = await t.createUser({ roles: ["facilitator"], area: ["1501"], username: "caf-bakan" });
  farFacilitatorId = await t.createUser({ roles: ["facilitator"], area: ["02"], username: "caf-battambang" });
});
afterAll(() => t.close());

const body = (extra: Record<string, unknown> = {}) => ({
  nameKm: "កម្មវិធីគណនេយ្យភាពសង្គម",
  nameEn: "Social accountability in Pursat",
  donor: "EU",
  leadOrganisationId: ngoId,
  partnerOrganisationIds: [ngoId],
  startYear: 2025,
  endYear: 2028,
  communeCodes: ["150101", "150102"],
  ...extra,
});

describe("programmes", () => {
  it("creates a programme with default quotas and every active PS/HC/CA indicator; everyone reads it", async () => {
    expect((await viewer.post("/api/v1/programmes", body())).statusCode).toBe(403);
    const response = await planner.post("/api/v1/programmes", body());
    expect(response.statusCode).toBe(201);
    const programme = response.json();
    expect(programme).toMatchObject({
      nameEn: "Social accountability in Pursat",
      leadOrganisation: { id: ngoId, nameEn: "Plan NGO" },
      partners: [{ id: ngoId }],
      quotaRules: { minWomenShare: 0.4, minYouth: 1, minEthnicMinorityWherePresent: 1 },
      communeCount: 2,
      version: 1,
    });
    expect(programme.communes[0].path.map((p: { code: string }) => p.code)).toEqual(["15", "1501"]);
    expect(programme.indicatorIds).toHaveLength(25);
    const listed = (await viewer.get("/api/v1/programmes")).json().items;
    expect(listed.map((p: { id: string }) => p.id)).toContain(programme.id);
    expect((await viewer.get(`/api/v1/programmes/${programme.id}`)).json().canManage).toBe(false);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, programme.id));
    expect(event.action).toBe("programme.created");
  });

  it("refuses bad input with every field error and writes nothing", async () => {
    const before = (await t.db.select().from(programmes)).length;
    const response = await planner.post(
      "/api/v1/programmes",
      body({
        startYear: 2028,
        endYear: 2025,
        communeCodes: ["1501", "020101", "159999"],
        leadOrganisationId: "01890000-0000-7000-8000-000000000000",
        indicatorIds: ["01890000-0000-7000-8000-000000000001"],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      "endYear end_year_before_start",
      "communeCodes.0 place_wrong_level",
      "communeCodes.1 place_out_of_area",
      "communeCodes.2 unknown_place",
      "leadOrganisationId unknown_organisation",
      "indicatorIds.0 unknown_indicator",
    ]);
    expect(await t.db.select().from(programmes)).toHaveLength(before);
  });

  it("edits a programme (versioned): quotas, communes, catalogue", async () => {
    const programme = (await planner.post("/api/v1/programmes", body())).json();
    const edited = await planner.put(`/api/v1/programmes/${programme.id}`, {
      ...body(),
      communeCodes: ["150101"],
      quotaRules: { minWomenShare: 0.5, minYouth: 2, minEthnicMinorityWherePresent: 0 },
      indicatorIds: programme.indicatorIds.slice(0, 3),
      version: 1,
    });
    expect(edited.json()).toMatchObject({ version: 2, communeCount: 1, quotaRules: { minWomenShare: 0.5 } });
    expect(edited.json().indicatorIds).toHaveLength(3);
    const stale = await planner.put(`/api/v1/programmes/${programme.id}`, { ...body(), version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it("lets a planner add and remove only the communes of their area, keeping the others", async () => {
    const national = body({ communeCodes: ["150101", "150102", "020101"] });
    const programme = (await nationalPlanner.post("/api/v1/programmes", national)).json();
    const removed = await planner.put(`/api/v1/programmes/${programme.id}`, {
      ...national,
      communeCodes: ["150101"],
      version: 1,
    });
    expect(removed.statusCode).toBe(400);
    expect(removed.json().errors).toEqual([
      expect.objectContaining({ path: "communeCodes", code: "commune_removal_out_of_area" }),
    ]);
    expect(removed.json().errors[0].message).toContain("020101");
    const [row] = await t.db.select().from(programmes).where(eq(programmes.id, programme.id));
    expect(row.version).toBe(1);
    // Within the area: removing 150102 and keeping Battambang's 020101 is fine.
    const kept = await planner.put(`/api/v1/programmes/${programme.id}`, {
      ...national,
      communeCodes: ["150101", "020101"],
      version: 1,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().communes.map((c: { code: string }) => c.code)).toEqual(["020101", "150101"]);
  });
});

describe("planning cycles", () => {
  it("offers the target facilities with their cycles that year, and the facilitators who cover them", async () => {
    const programme = (await planner.post("/api/v1/programmes", body())).json();
    const school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
    const office = await createFacility(t.db, { communeCode: "150102", kindCode: "CA" });
    const other = await createCycle(t.db, { communeCode: "150101", kindCode: "HC", year: 2026 });
    const outside = await createFacility(t.db, { communeCode: "150201", kindCode: "PS" });
    const plan = (await planner.get(`/api/v1/programmes/${programme.id}/plan?year=2026`)).json();
    const ids = plan.facilities.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining([school, office, other.facilityId]));
    expect(ids).not.toContain(outside);
    expect(plan.facilities.find((f: { id: string }) => f.id === other.facilityId).existingCycle.id).toBe(
      other.cycleId,
    );
    expect(plan.facilitators.map((f: { id: string }) => f.id)).toEqual([facilitatorId]);
    expect((await viewer.get(`/api/v1/programmes/${programme.id}/plan?year=2026`)).statusCode).toBe(403);
  });

  it("names only facilitators and facilities of the planner's area, even for a programme reaching beyond it", async () => {
    const national = body({ communeCodes: ["150101", "020101"] });
    const programme = (await nationalPlanner.post("/api/v1/programmes", national)).json();
    const far = await createFacility(t.db, { communeCode: "020101", kindCode: "PS" });
    const plan = (await planner.get(`/api/v1/programmes/${programme.id}/plan?year=2026`)).json();
    expect(plan.facilitators.map((f: { id: string }) => f.id)).toEqual([facilitatorId]);
    expect(plan.facilitators[0].communeCodes).toEqual(["150101"]);
    expect(plan.facilities.map((f: { id: string }) => f.id)).not.toContain(far);
    expect(plan.facilities.every((f: { commune: { code: string } }) => f.commune.code.startsWith("15"))).toBe(
      true,
    );
    // A national planner sees both.
    const all = (await nationalPlanner.get(`/api/v1/programmes/${programme.id}/plan?year=2026`)).json();
    expect(all.facilitators.map((f: { id: string }) => f.id).sort()).toEqual(
      [facilitatorId, farFacilitatorId].sort(),
    );
    expect(all.facilities.map((f: { id: string }) => f.id)).toContain(far);
  });

  it("creates the chosen cycles in one transaction, tracked in the rollups and audited", async () => {
    const programme = (await planner.post("/api/v1/programmes", body())).json();
    const school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
    const centre = await createFacility(t.db, { communeCode: "150102", kindCode: "HC" });
    const response = await planner.post(`/api/v1/programmes/${programme.id}/cycles`, {
      year: 2026,
      facilityIds: [school, centre],
      plannedMeetingOn: "2026-04-20",
      ngoOrganisationId: ngoId,
      facilitatorIds: [facilitatorId],
    });
    expect(response.statusCode).toBe(201);
    const made = response.json().created as { id: string; facilityId: string }[];
    expect(made.map((c) => c.facilityId)).toEqual([school, centre]);
    const [row] = await t.db.select().from(cycles).where(eq(cycles.id, made[0].id));
    expect(row).toMatchObject({ year: 2026, sectorCode: "PS", step: "planned", ngoOrganisationId: ngoId });
    expect(
      await t.db.select().from(cycleFacilitators).where(eq(cycleFacilitators.cycleId, made[0].id)),
    ).toHaveLength(1);
    const counters = await t.db.select().from(isafRollup).where(eq(isafRollup.scope, school));
    expect(counters.find((c) => c.metric === "cycles")?.dims).toBe("planned|2026-04");
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, made[0].id));
    expect(event).toMatchObject({ action: "cycle.created", placeCode: "150101" });

    const again = await planner.post(`/api/v1/programmes/${programme.id}/cycles`, {
      year: 2026,
      facilityIds: [school],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ path: "facilityIds.0", code: "cycle_exists" });
  });

  it("refuses a wrong year, a facility outside the targets and an ineligible facilitator, creating nothing", async () => {
    const programme = (await planner.post("/api/v1/programmes", body())).json();
    const school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
    const outside = await createFacility(t.db, { communeCode: "150201", kindCode: "PS" });
    const before = (await t.db.select().from(cycles)).length;
    const response = await planner.post(`/api/v1/programmes/${programme.id}/cycles`, {
      year: 2031,
      facilityIds: [school, outside],
      facilitatorIds: [farFacilitatorId],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      "year year_outside_programme",
      "facilityIds.1 facility_not_plannable",
      "facilitatorIds.0 facilitator_not_eligible",
    ]);
    expect(await t.db.select().from(cycles)).toHaveLength(before);
  });
});
