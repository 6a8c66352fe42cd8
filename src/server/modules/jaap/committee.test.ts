import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cycles, programmes, scorecardParticipants, scorecards } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";

let t: TestApp;
let ngo: Caller;
let supervisor: Caller;
let viewer: Caller;
let outsider: Caller;

beforeAll(async () => {
  t = await createTestApp();
  ngo = await t.as({ roles: ["ngo_staff"], area: ["15"] });
  supervisor = await t.as({ roles: ["supervisor"], area: ["15"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  outsider = await t.as({ roles: ["ngo_staff"], area: ["02"] });
});
afterAll(() => t.close());

const member = (overrides: Record<string, unknown> = {}) => ({
  name: "Sok Chenda",
  sex: "male",
  age: 45,
  ethnicMinority: false,
  role: "member",
  ...overrides,
});

async function committeeCounter(scope: string, dims: string): Promise<number> {
  const [row] = await queryRows<{ value: string }>(
    t.db,
    sql`select coalesce(sum(value), 0)::text as value from isaf_rollup
        where scope = ${scope} and metric = 'committees' and dims = ${dims}`,
  );
  return Number(row?.value ?? 0);
}

async function add(cycleId: string, body: Record<string, unknown>) {
  const response = await ngo.post(`/api/v1/cycles/${cycleId}/committee/members`, member(body));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const check = (committee: { quota: { checks: { rule: string; passed: boolean }[] } }, rule: string) =>
  committee.quota.checks.find((c) => c.rule === rule);

describe("monitoring committee", () => {
  it("checks the quotas live as members are added, and forms only once every rule passes", async () => {
    const { cycleId, facilityId } = await createCycle(t.db, { communeCode: "150103", year: 2026 });
    const empty = (await ngo.get(`/api/v1/cycles/${cycleId}/committee`)).json();
    expect(empty).toMatchObject({ members: [], quota: { compliant: false }, formed: null });
    expect(check(empty, "ethnic_minority")).toMatchObject({ applies: false, passed: true });

    let committee = await add(cycleId, { name: "Chair", role: "chair", sex: "male", age: 50 });
    committee = await add(cycleId, { name: "Deputy", role: "deputy", sex: "male", age: 44 });
    committee = await add(cycleId, { name: "Secretary", role: "secretary", sex: "female", age: 38 });
    expect(check(committee, "women_share")).toMatchObject({ passed: false, required: 0.4 });
    expect(check(committee, "youth")).toMatchObject({ passed: false, actual: 0, required: 1 });

    const refused = await ngo.post(`/api/v1/cycles/${cycleId}/committee/formed`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("committee_quota_unmet");
    expect(refused.json().detail).toBe(
      "The committee cannot be marked formed while a quota rule fails: at least 40 % women (now 33 %); at least 1 youth aged 15–30 (now 0).",
    );
    // A reason does not help someone who may not override.
    const withReason = await ngo.post(`/api/v1/cycles/${cycleId}/committee/formed`, {
      overrideReason: "We could not find more women willing to serve.",
    });
    expect(withReason.statusCode).toBe(409);

    committee = await add(cycleId, { name: "Youth member", sex: "female", age: 22 });
    expect(check(committee, "women_share")).toMatchObject({ passed: true, actual: 0.5 });
    expect(check(committee, "youth")).toMatchObject({ passed: true, actual: 1 });
    expect(committee.quota.compliant).toBe(true);
    expect(committee.members.map((m: { role: string }) => m.role)).toEqual([
      "chair",
      "deputy",
      "secretary",
      "member",
    ]);

    expect(await committeeCounter(facilityId, "not_formed")).toBe(1);
    const formed = await ngo.post(`/api/v1/cycles/${cycleId}/committee/formed`, {});
    expect(formed.statusCode, formed.body).toBe(200);
    expect(formed.json().formed).toMatchObject({ quotaMet: true, overrideReason: null, overrideBy: null });
    expect(formed.json().can.edit).toBe(false);
    expect(await committeeCounter(facilityId, "not_formed")).toBe(0);
    expect(await committeeCounter(facilityId, "compliant")).toBe(1);

    // Formed: members are frozen until it is un-formed.
    const frozen = await ngo.post(`/api/v1/cycles/${cycleId}/committee/members`, member());
    expect(frozen.json().code).toBe("committee_formed");
    expect((await ngo.post(`/api/v1/cycles/${cycleId}/committee/formed`, {})).json().code).toBe(
      "committee_already_formed",
    );
    expect((await ngo.post(`/api/v1/cycles/${cycleId}/committee/unformed`, {})).statusCode).toBe(400);
    const unformed = await ngo.post(`/api/v1/cycles/${cycleId}/committee/unformed`, { confirm: true });
    expect(unformed.statusCode, unformed.body).toBe(200);
    expect(unformed.json().formed).toBeNull();
    expect(await committeeCounter(facilityId, "compliant")).toBe(0);
    expect(await committeeCounter(facilityId, "not_formed")).toBe(1);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycleId))).map(
      (event) => event.action,
    );
    expect(actions.filter((action) => action.startsWith("committee."))).toEqual([
      "committee.member_added",
      "committee.member_added",
      "committee.member_added",
      "committee.member_added",
      "committee.formed",
      "committee.unformed",
    ]);
  });

  it("lets a supervisor override a failing rule only with a written reason, audited", async () => {
    const { cycleId, facilityId } = await createCycle(t.db, { communeCode: "150104", year: 2026 });
    await add(cycleId, { name: "Only man", sex: "male", age: 40, role: "chair" });
    const short = await supervisor.post(`/api/v1/cycles/${cycleId}/committee/formed`, {
      overrideReason: "too few",
    });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({
      code: "committee_quota_unmet",
      errors: [
        expect.objectContaining({ path: "overrideReason", code: "committee_override_reason_required" }),
      ],
    });
    const [row] = await t.db.select().from(cycles).where(eq(cycles.id, cycleId));
    expect(row.committeeFormedAt).toBeNull();

    const reason = "Only one villager volunteered; more will join after the harvest.";
    const overridden = await supervisor.post(`/api/v1/cycles/${cycleId}/committee/formed`, {
      overrideReason: reason,
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json().formed).toMatchObject({
      quotaMet: false,
      overrideReason: reason,
      overrideBy: { id: supervisor.userId },
    });
    expect(await committeeCounter(facilityId, "override")).toBe(1);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(
        sql`${auditEvents.entityId} = ${cycleId} and ${auditEvents.action} = 'committee.formed_with_override'`,
      );
    expect(event).toMatchObject({ actorId: supervisor.userId, placeCode: "150104" });
    expect(event.changes).toMatchObject({
      committeeOverrideReason: { to: reason },
      failingRules: { to: ["women_share", "youth"] },
    });
    // The supervisor does not edit members; a viewer does nothing; out of area is not found.
    expect(
      (await supervisor.post(`/api/v1/cycles/${cycleId}/committee/unformed`, { confirm: true })).statusCode,
    ).toBe(200);
    expect((await supervisor.post(`/api/v1/cycles/${cycleId}/committee/members`, member())).statusCode).toBe(
      403,
    );
    expect((await viewer.post(`/api/v1/cycles/${cycleId}/committee/formed`, {})).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/cycles/${cycleId}/committee`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/cycles/${cycleId}/committee`)).statusCode).toBe(404);
  });

  it("asks for an ethnic-minority member where the commune's meetings had minority participants, with the programme's rules", async () => {
    const { cycleId, programmeId } = await createCycle(t.db, { communeCode: "150105", year: 2026 });
    await t.db
      .update(programmes)
      .set({ quotaRules: { minWomenShare: 0.5, minYouth: 2, minEthnicMinorityWherePresent: 1 } })
      .where(eq(programmes.id, programmeId));
    const scorecardId = uuidv7();
    await t.db
      .insert(scorecards)
      .values({ id: scorecardId, cycleId, kind: "community", status: "submitted" });
    await t.db
      .insert(scorecardParticipants)
      .values({ scorecardId, number: 1, sex: "female", age: 30, ethnicMinority: true });

    let committee = await add(cycleId, { sex: "female", age: 20 });
    expect(committee.quota.communeHasMinorityParticipants).toBe(true);
    expect(check(committee, "ethnic_minority")).toMatchObject({ applies: true, passed: false });
    expect(check(committee, "youth")).toMatchObject({ required: 2, passed: false });
    committee = await add(cycleId, { sex: "male", age: 25, ethnicMinority: true });
    expect(committee.quota.compliant).toBe(true);
    expect(check(committee, "women_share")).toMatchObject({ required: 0.5, actual: 0.5, passed: true });
  });

  it("edits and removes members with their last change, refusing stale ones and bad input", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150106", year: 2026 });
    const committee = await add(cycleId, { name: "Sok" });
    const { id, updatedAt } = committee.members[0];
    const edited = await ngo.put(`/api/v1/cycles/${cycleId}/committee/members/${id}`, {
      ...member({ name: "Sok Chenda", age: 29 }),
      updatedAt,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().members[0]).toMatchObject({ name: "Sok Chenda", youth: true });
    const stale = await ngo.put(`/api/v1/cycles/${cycleId}/committee/members/${id}`, {
      ...member(),
      updatedAt,
    });
    expect(stale.json().code).toBe("version_conflict");
    const bad = await ngo.post(
      `/api/v1/cycles/${cycleId}/committee/members`,
      member({ age: -1, role: "boss", name: "" }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["age", "name", "role"]);
    const removed = await ngo.request("DELETE", `/api/v1/cycles/${cycleId}/committee/members/${id}`, {
      updatedAt: edited.json().members[0].updatedAt,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().members).toEqual([]);
  });
});

describe("interface meeting", () => {
  const attendance = {
    citizens: { female: 18, male: 12 },
    provider: { female: 2, male: 3 },
    commune_council: { female: 1, male: 4 },
    others: { female: 0, male: 1 },
  };

  it("records attendance by side and sex, then changes it with its version", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150107", year: 2026 });
    expect((await viewer.get(`/api/v1/cycles/${cycleId}/interface-meeting`)).json()).toEqual({
      cycleId,
      meeting: null,
      can: { edit: false },
    });
    const url = `/api/v1/cycles/${cycleId}/interface-meeting`;
    const saved = await ngo.put(url, { heldOn: "2026-05-12", attendance, notes: "Agreed four actions." });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().meeting).toMatchObject({ heldOn: "2026-05-12", total: 41, version: 1 });
    expect((await ngo.put(url, { heldOn: "2026-05-12", attendance })).json().code).toBe("version_conflict");
    const changed = await ngo.put(url, {
      heldOn: "2026-05-13",
      attendance: { ...attendance, others: { female: 2, male: 1 } },
      version: 1,
    });
    expect(changed.json().meeting).toMatchObject({
      heldOn: "2026-05-13",
      total: 43,
      version: 2,
      notes: null,
    });
    const negative = await ngo.put(url, {
      heldOn: "2026-05-13",
      attendance: { ...attendance, citizens: { female: -1, male: 2 } },
      version: 2,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].path).toBe("attendance.citizens.female");
    expect((await viewer.put(url, { heldOn: "2026-05-12", attendance, version: 2 })).statusCode).toBe(403);
    expect((await outsider.get(url)).statusCode).toBe(404);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycleId));
    expect(events.map((event) => event.action)).toEqual([
      "interface_meeting.recorded",
      "interface_meeting.updated",
    ]);
  });
});
