import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkQuotas, DEFAULT_QUOTA_RULES } from "../../../domain/committee-quota";
import { committeeMembers, cycles } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";

/**
 * The committee's decisions are made from what its own transaction read: marking it formed checks
 * the quotas of the members as they are when the cycle row is locked, and members cannot change once
 * it is formed. `gate` pauses the quota check of markFormed half-way (in the minority look-up it
 * makes), so that a member's removal can be started in the middle of it.
 */
const gate = vi.hoisted(() => ({ armed: false, reached: () => {}, release: Promise.resolve() }));
vi.mock("../scorecards/scorecards.service", async (original) => {
  const actual = await original<typeof import("../scorecards/scorecards.service")>();
  return {
    ...actual,
    communeHasMinorityParticipants: async (
      ...args: Parameters<typeof actual.communeHasMinorityParticipants>
    ) => {
      if (gate.armed) {
        gate.armed = false;
        gate.reached();
        await gate.release;
      }
      return actual.communeHasMinorityParticipants(...args);
    },
  };
});

let t: TestApp;
let ngo: Caller;

beforeAll(async () => {
  t = await createTestApp();
  ngo = await t.as({ roles: ["ngo_staff"], area: ["15"] });
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A committee that meets the default quotas exactly: without its young woman it fails both. */
async function compliantCommittee(communeCode: string) {
  const { cycleId } = await createCycle(t.db, { communeCode, year: 2026 });
  const people = [
    { name: "Chair", sex: "male", age: 50, role: "chair" },
    { name: "Secretary", sex: "female", age: 38, role: "secretary" },
    { name: "Member", sex: "male", age: 44, role: "member" },
    { name: "Youth", sex: "female", age: 22, role: "member" },
  ];
  let committee: {
    members: { id: string; name: string; updatedAt: string }[];
    quota: { compliant: boolean };
  };
  for (const person of people) {
    const response = await ngo.post(`/api/v1/cycles/${cycleId}/committee/members`, {
      ...person,
      ethnicMinority: false,
    });
    expect(response.statusCode, response.body).toBe(201);
    committee = response.json();
  }
  expect(committee!.quota.compliant).toBe(true);
  return { cycleId, youth: committee!.members.find((m) => m.name === "Youth")! };
}

async function stored(cycleId: string) {
  const [cycle] = await t.db.select().from(cycles).where(eq(cycles.id, cycleId));
  const members = await t.db.select().from(committeeMembers).where(eq(committeeMembers.cycleId, cycleId));
  return { cycle, members };
}

describe("committee writes under concurrency", () => {
  it("never records a met quota for members removed while the committee is being marked formed", async () => {
    const { cycleId, youth } = await compliantCommittee("150103");
    let reached!: () => void;
    const paused = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let release!: () => void;
    Object.assign(gate, {
      armed: true,
      reached,
      release: new Promise<void>((resolve) => {
        release = resolve;
      }),
    });

    const forming = ngo.post(`/api/v1/cycles/${cycleId}/committee/formed`, {});
    await paused;
    // markFormed has started its quota check; the removal races it.
    const removing = ngo.request("DELETE", `/api/v1/cycles/${cycleId}/committee/members/${youth.id}`, {
      updatedAt: youth.updatedAt,
    });
    await Promise.race([removing, sleep(300)]);
    release();
    const [formed, removed] = await Promise.all([forming, removing]);

    // markFormed locked the cycle row before reading the members, so the removal waits for it, then
    // finds the committee formed and is refused: the quota recorded is that of the members kept.
    expect(formed.statusCode, formed.body).toBe(200);
    expect(formed.json().formed).toMatchObject({ quotaMet: true });
    expect(removed.statusCode, removed.body).toBe(409);
    expect(removed.json().code).toBe("committee_formed");
    const { cycle, members } = await stored(cycleId);
    expect(members).toHaveLength(4);
    expect(cycle.committeeQuotaMet).toBe(checkQuotas(members, DEFAULT_QUOTA_RULES, false).compliant);
  });

  it("refuses adding, editing and removing members once the committee is formed (409)", async () => {
    const { cycleId, youth } = await compliantCommittee("150104");
    expect((await ngo.post(`/api/v1/cycles/${cycleId}/committee/formed`, {})).statusCode).toBe(200);
    const base = `/api/v1/cycles/${cycleId}/committee/members`;
    const person = { name: "Late", sex: "female", age: 30, ethnicMinority: false, role: "member" };
    const added = await ngo.post(base, person);
    const edited = await ngo.put(`${base}/${youth.id}`, { ...person, updatedAt: youth.updatedAt });
    const removed = await ngo.request("DELETE", `${base}/${youth.id}`, { updatedAt: youth.updatedAt });
    for (const response of [added, edited, removed]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code).toBe("committee_formed");
    }
    const { cycle, members } = await stored(cycleId);
    expect(cycle.committeeQuotaMet).toBe(true);
    expect(members.map((m) => [m.name, m.age])).toContainEqual(["Youth", 22]);
    expect(members).toHaveLength(4);
  });

  it("refuses marking formed twice at once: one wins, the other is told it is already formed", async () => {
    const { cycleId } = await compliantCommittee("150105");
    const url = `/api/v1/cycles/${cycleId}/committee/formed`;
    const results = await Promise.all([ngo.post(url, {}), ngo.post(url, {})]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe("committee_already_formed");
  });
});
