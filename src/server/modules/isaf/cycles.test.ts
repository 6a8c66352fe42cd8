import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cycleSteps, cycles, interfaceMeetings, jaapActions, scorecards } from "../../db/schema";
import { testClock } from "../../platform/clock";
import * as rollups from "../../platform/rollups/rollups.engine";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle, createProgramme } from "../../test/isaf-fixtures";
import { CYCLE_FACT } from "./isaf.facts";

// Before 15 March 2027, the day the fixtures' 2027 cycles plan their meeting: a cycle is late or not
// by the date (docs/mechanisms/tests.md). "days in Cambodia" below sets its own instant.
const clock = testClock("2026-12-08T03:00:00Z");

let t: TestApp;
let lead: Caller;
let caf: Caller;
let otherCaf: Caller;
let viewer: Caller;
let outsider: Caller;
let cafId = "";

beforeAll(async () => {
  t = await createTestApp({ clock });
  lead = await t.as({ roles: ["ngo_staff"], area: ["15"] });
  cafId = await t.createUser({ roles: ["facilitator"], area: ["1501"], username: "caf-cycles" });
  caf = await t.signIn("caf-cycles");
  otherCaf = await t.as({ roles: ["facilitator"], area: ["15"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  outsider = await t.as({ roles: ["ngo_staff"], area: ["02"] });
});
afterAll(() => t.close());

async function assign(cycleId: string) {
  const cycle = (await lead.get(`/api/v1/cycles/${cycleId}`)).json();
  const response = await lead.put(`/api/v1/cycles/${cycleId}`, {
    plannedMeetingOn: "2020-02-01",
    ngoOrganisationId: null,
    facilitatorIds: [cafId],
    version: cycle.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const complete = (caller: Caller, id: string, step: string, version: number, completedOn = "2024-05-01") =>
  caller.post(`/api/v1/cycles/${id}/steps`, { step, completedOn, note: `done ${step}`, version });

describe("cycles", () => {
  it("shows a cycle with its facility path, steps and the caller's abilities; 404 out of area", async () => {
    const { cycleId, facilityId } = await createCycle(t.db, {
      communeCode: "150101",
      kindCode: "PS",
      year: 2026,
    });
    const cycle = (await viewer.get(`/api/v1/cycles/${cycleId}`)).json();
    expect(cycle).toMatchObject({
      id: cycleId,
      year: 2026,
      step: "planned",
      sectorCode: "PS",
      abilities: [],
    });
    expect(cycle.facility).toMatchObject({ id: facilityId, kindCode: "PS" });
    expect(cycle.facility.path.map((p: { code: string }) => p.code)).toEqual(["15", "1501", "150101"]);
    expect(cycle.steps.map((s: { step: string }) => s.step)).toEqual([
      "planned",
      "i4c",
      "scorecard",
      "self_assessment",
      "interface_meeting",
      "jaap",
      "follow_up",
      "closed",
    ]);
    expect((await lead.get(`/api/v1/cycles/${cycleId}`)).json().abilities).toEqual(
      expect.arrayContaining(["cycle:plan", "cycle:facilitate", "scorecard:review"]),
    );
    expect((await outsider.get(`/api/v1/cycles/${cycleId}`)).statusCode).toBe(404);
    expect(
      (
        await outsider.put(`/api/v1/cycles/${cycleId}`, {
          plannedMeetingOn: null,
          ngoOrganisationId: null,
          facilitatorIds: [],
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("edits facilitators and the planned date (versioned, audited); only planners, only eligible facilitators", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101" });
    expect(
      (
        await caf.put(`/api/v1/cycles/${cycleId}`, {
          plannedMeetingOn: null,
          ngoOrganisationId: null,
          facilitatorIds: [],
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const viewerId = viewer.userId!;
    const refused = await lead.put(`/api/v1/cycles/${cycleId}`, {
      plannedMeetingOn: "2026-05-01",
      ngoOrganisationId: null,
      facilitatorIds: [viewerId],
      version: 1,
    });
    expect(refused.json().errors[0]).toMatchObject({
      path: "facilitatorIds.0",
      code: "facilitator_not_eligible",
    });
    const cycle = await assign(cycleId);
    expect(cycle).toMatchObject({ version: 2, plannedMeetingOn: "2020-02-01", late: true });
    expect(cycle.facilitators.map((f: { id: string }) => f.id)).toEqual([cafId]);
    expect((await caf.get(`/api/v1/cycles/${cycleId}`)).json().abilities).toEqual([
      "cycle:facilitate",
      "scorecard:self_assess",
      "scorecard:request_change",
    ]);
    expect((await otherCaf.get(`/api/v1/cycles/${cycleId}`)).json().abilities).toEqual([]);
    const stale = await lead.put(`/api/v1/cycles/${cycleId}`, {
      plannedMeetingOn: null,
      ngoOrganisationId: null,
      facilitatorIds: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycleId));
    expect(event.action).toBe("cycle.updated");
    expect(Object.keys(event.changes as object).sort()).toEqual(["facilitatorIds", "plannedMeetingOn"]);
  });

  it("lists cycles with filters: place, year, sector, step, programme, late, mine, paging", async () => {
    const a = await createCycle(t.db, { communeCode: "150102", kindCode: "HC", year: 2027 });
    const b = await createCycle(t.db, {
      communeCode: "150102",
      kindCode: "CA",
      year: 2027,
      programmeId: a.programmeId,
    });
    await createCycle(t.db, { communeCode: "020101", kindCode: "HC", year: 2027 });
    await assign(b.cycleId);
    const ids = async (caller: Caller, query: string) =>
      ((await caller.get(`/api/v1/cycles?${query}`)).json().items as { id: string }[])
        .map((item) => item.id)
        .sort();
    expect(await ids(viewer, `programme=${a.programmeId}`)).toEqual([a.cycleId, b.cycleId].sort());
    expect(await ids(viewer, "place=150102&year=2027&sector=HC")).toEqual([a.cycleId]);
    expect(await ids(viewer, `programme=${a.programmeId}&late=1`)).toEqual([b.cycleId]);
    expect(await ids(caf, `programme=${a.programmeId}&mine=1`)).toEqual([b.cycleId]);
    expect(await ids(viewer, `programme=${a.programmeId}&step=i4c`)).toEqual([]);
    const page = (await viewer.get(`/api/v1/cycles?programme=${a.programmeId}&limit=1&offset=1`)).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
    expect(
      (await outsider.get("/api/v1/cycles?year=2027"))
        .json()
        .items.every((i: { communeCode: string }) => i.communeCode.startsWith("02")),
    ).toBe(true);
    expect((await viewer.get("/api/v1/cycles?late=yes")).statusCode).toBe(400);
  });

  it("records steps in order only, each needing its facts, and moves the cycle on", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101" });
    let cycle = await assign(cycleId);
    expect(
      (
        await viewer.post(`/api/v1/cycles/${cycleId}/steps`, {
          step: "planned",
          completedOn: "2024-01-01",
          version: cycle.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await otherCaf.post(`/api/v1/cycles/${cycleId}/steps`, {
          step: "planned",
          completedOn: "2024-01-01",
          version: cycle.version,
        })
      ).statusCode,
    ).toBe(403);
    const outOfOrder = await complete(caf, cycleId, "i4c", cycle.version);
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json()).toMatchObject({ code: "step_out_of_order" });
    expect(outOfOrder.json().detail).toContain("Planned");
    const future = await complete(caf, cycleId, "planned", cycle.version, "2999-01-01");
    expect(future.json().errors[0]).toMatchObject({ path: "completedOn", code: "step_date_in_future" });

    cycle = (await complete(caf, cycleId, "planned", cycle.version)).json();
    expect(cycle.step).toBe("i4c");
    expect(cycle.steps[0]).toMatchObject({
      step: "planned",
      completedOn: "2024-05-01",
      note: "done planned",
      completedBy: { id: cafId },
    });
    // The I4C step needs the pack published.
    const unpublished = await complete(caf, cycleId, "i4c", cycle.version);
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json()).toMatchObject({ code: "step_needs_published_i4c" });
    const item = { labelKm: "បង្គន់", labelEn: "Toilets", standardValue: "4", actualValue: "2" };
    const pack = (
      await caf.put(`/api/v1/cycles/${cycleId}/i4c`, { items: [item], version: cycle.version })
    ).json();
    expect(
      (await caf.post(`/api/v1/cycles/${cycleId}/i4c/publish`, { version: pack.version })).statusCode,
    ).toBe(200);
    cycle = (await caf.get(`/api/v1/cycles/${cycleId}`)).json();
    cycle = (await complete(caf, cycleId, "i4c", cycle.version)).json();
    expect(cycle.step).toBe("scorecard");

    const needsCard = await complete(caf, cycleId, "scorecard", cycle.version);
    expect(needsCard.statusCode).toBe(409);
    expect(needsCard.json().code).toBe("step_needs_community_scorecard");
    // The refusal in the caller's language: a Khmer-speaking facilitator reads it in Khmer.
    await caf.put("/api/v1/auth/preferences", { locale: "km" });
    expect((await complete(caf, cycleId, "scorecard", cycle.version)).json().detail).toMatch(
      /ប័ណ្ណដាក់ពិន្ទុសហគមន៍/,
    );
    await caf.put("/api/v1/auth/preferences", { locale: "en" });
    const card = { cycleId, status: "submitted" as const };
    await t.db.insert(scorecards).values({ id: uuidv7(), kind: "community", ...card });
    cycle = (await complete(caf, cycleId, "scorecard", cycle.version)).json();
    expect(cycle).toMatchObject({ step: "self_assessment", late: false });

    expect((await complete(caf, cycleId, "self_assessment", cycle.version)).json().code).toBe(
      "step_needs_self_assessment",
    );
    await t.db.insert(scorecards).values({ id: uuidv7(), kind: "self", ...card, status: "approved" });
    cycle = (await complete(caf, cycleId, "self_assessment", cycle.version)).json();

    expect((await complete(caf, cycleId, "interface_meeting", cycle.version)).json().code).toBe(
      "step_needs_interface_meeting",
    );
    const nobody = { female: 0, male: 0 };
    await t.db.insert(interfaceMeetings).values({
      cycleId,
      heldOn: "2024-05-01",
      attendance: { citizens: nobody, provider: nobody, commune_council: nobody, others: nobody },
    });
    cycle = (await complete(caf, cycleId, "interface_meeting", cycle.version)).json();

    expect((await complete(caf, cycleId, "jaap", cycle.version)).json().code).toBe("step_needs_jaap_action");
    await t.db.insert(jaapActions).values({
      id: uuidv7(),
      cycleId,
      communeCode: "150101",
      title: "Repair the toilets",
      responsibleParty: "provider",
      responsibleName: "School director",
      deadline: "2024-12-01",
    });
    cycle = (await complete(caf, cycleId, "jaap", cycle.version)).json();
    cycle = (await complete(lead, cycleId, "follow_up", cycle.version)).json();
    expect(cycle.step).toBe("closed");
    cycle = (await complete(lead, cycleId, "closed", cycle.version)).json();
    expect(cycle.steps.every((s: { completedOn: string | null }) => s.completedOn)).toBe(true);
    expect((await complete(lead, cycleId, "closed", cycle.version)).json().code).toBe("cycle_closed");
    expect(await t.db.select().from(cycleSteps).where(eq(cycleSteps.cycleId, cycleId))).toHaveLength(8);
    const stale = await t.db.select().from(cycles).where(eq(cycles.id, cycleId));
    expect(stale[0].step).toBe("closed");
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycleId));
    expect(events.filter((e) => e.action === "cycle.step_completed")).toHaveLength(8);
  });
});

describe("days in Cambodia (UTC+7)", () => {
  // 20:00 on 1 March in UTC is 03:00 on 2 March in Phnom Penh.
  beforeAll(() => clock.set("2026-03-01T20:00:00Z"));
  afterAll(() => clock.set("2026-12-08T03:00:00Z"));

  /** A cycle of the programme with this planned date and step, written straight to the table. */
  async function cycleAt(
    programmeId: string,
    plannedMeetingOn: string | null,
    step: typeof cycles.$inferSelect.step,
  ) {
    const { cycleId } = await createCycle(t.db, { communeCode: "150103", programmeId });
    await t.db.transaction((tx) =>
      rollups.tracked(tx, CYCLE_FACT, cycleId, () =>
        tx.update(cycles).set({ plannedMeetingOn, step }).where(eq(cycles.id, cycleId)),
      ),
    );
    return cycleId;
  }

  it("calls a cycle late when its planned day has passed and its score card step is not done", async () => {
    const programmeId = await createProgramme(t.db);
    const yesterday = await cycleAt(programmeId, "2026-03-01", "planned");
    const today = await cycleAt(programmeId, "2026-03-02", "planned");
    const atI4c = await cycleAt(programmeId, "2026-02-10", "i4c");
    const atCard = await cycleAt(programmeId, "2026-02-10", "scorecard");
    // Past the score card (here without its step row, as imported cycles can be): never late.
    const pastCard = await cycleAt(programmeId, "2026-02-10", "self_assessment");
    const undated = await cycleAt(programmeId, null, "planned");
    const late = (await viewer.get(`/api/v1/cycles?programme=${programmeId}&late=1`)).json().items;
    expect(late.map((item: { id: string }) => item.id).sort()).toEqual([yesterday, atI4c, atCard].sort());
    const all = (await viewer.get(`/api/v1/cycles?programme=${programmeId}`)).json().items;
    for (const item of all as { id: string; late: boolean }[]) {
      const detail = (await viewer.get(`/api/v1/cycles/${item.id}`)).json();
      expect([item.late, detail.late]).toEqual([[yesterday, atI4c, atCard].includes(item.id), item.late]);
    }
    expect([today, pastCard, undated].every((id) => all.some((item: { id: string }) => item.id === id))).toBe(
      true,
    );
  });

  it("takes a step done today in Cambodia, even while it is still yesterday in UTC", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101" });
    const cycle = await assign(cycleId);
    const tomorrow = await complete(caf, cycleId, "planned", cycle.version, "2026-03-03");
    expect(tomorrow.json().errors[0]).toMatchObject({ path: "completedOn", code: "step_date_in_future" });
    const done = await complete(caf, cycleId, "planned", cycle.version, "2026-03-02");
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().steps[0]).toMatchObject({ step: "planned", completedOn: "2026-03-02" });
  });
});
