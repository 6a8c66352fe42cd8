import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncStream } from "../../../contracts/sync";
import { ROLES } from "../../../domain/roles";
import { cycleFacilitators, cycles } from "../../db/schema";
import { can } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { Caller, TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";
import { isafPolicy } from "../isaf/isaf.policy";
import { cycleFor, meetingCard, ok, type People, people } from "../scorecards/scorecards.fixtures";
import * as users from "../users/users.repo";

/**
 * Issue 4, part 3: the field app downloads the cycles its user may record score cards for and their
 * cards, then only what changed since the position it stored; a record it may no longer see is left
 * out of `inScope`, and the device deletes it.
 */
let t: TestApp;
let who: People;
/** Assigned to the facilitator, with a community card and a self-assessment. */
let cycleA: string;
/** In the area, nobody assigned. */
let cycleB: string;
/** Assigned to the facilitator, but in Battambang, outside her area. */
let cycleOut: string;
/** Assigned to the facilitator, closed. */
let cycleClosed: string;
let community: string;
let self: string;

interface Page {
  stream: SyncStream;
  items: Array<Record<string, unknown> & { id: string }>;
  next: string | null;
  position: string;
  inScope: string[] | null;
}

function pullPage(caller: Caller, stream: string, after?: string, limit?: number) {
  const query = new URLSearchParams({ stream });
  if (after !== undefined) query.set("after", after);
  if (limit !== undefined) query.set("limit", String(limit));
  return caller.get(`/api/v1/sync/pull?${query}`);
}

/** Every page from `after` to the last one, checking what each page promises. */
async function pullAll(caller: Caller, stream: SyncStream, after?: string, limit?: number) {
  const items: Page["items"] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const page = ok(await pullPage(caller, stream, cursor, limit)) as unknown as Page;
    pages++;
    expect(page.stream).toBe(stream);
    items.push(...page.items);
    if (page.next === null) return { ...page, items, ids: items.map((item) => item.id), pages };
    expect(page.inScope).toBeNull();
    expect(page.next).toBe(page.position);
    cursor = page.next;
  }
}

const sorted = (ids: readonly string[]) => [...ids].sort();

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  cycleA = fixture.cycleId;
  const [a, b] = fixture.indicators.map((indicator) => indicator.id) as [string, string];
  community = (
    await meetingCard(
      who.facilitator,
      cycleA,
      [
        { sex: "female", age: 30 },
        { sex: "male", age: 41 },
      ],
      [a, b],
    )
  ).id;
  self = ok(await who.provider.post(`/api/v1/cycles/${cycleA}/scorecards`, { kind: "self" }), 201).id;
  cycleB = (await createCycle(t.db)).cycleId;
  cycleOut = (await createCycle(t.db, { communeCode: "020101" })).cycleId;
  await t.db.insert(cycleFacilitators).values({ cycleId: cycleOut, userId: who.facilitator.userId! });
  cycleClosed = (await cycleFor(t, who.facilitator)).cycleId;
  await t.db.update(cycles).set({ step: "closed", updatedAt: new Date() }).where(eq(cycles.id, cycleClosed));
});
afterAll(() => t.close());

describe("the first download", () => {
  it("gives a facilitator only the open cycles of her area she is assigned to, as the API shows them", async () => {
    const pulled = await pullAll(who.facilitator, "cycles");
    expect(pulled.ids).toEqual([cycleA]);
    expect(pulled.inScope).toEqual([cycleA]);
    const card = ok(await who.facilitator.get(`/api/v1/scorecards/${community}`));
    const cycle = ok(await who.facilitator.get(`/api/v1/cycles/${cycleA}`));
    const cards = ok(await who.facilitator.get(`/api/v1/cycles/${cycleA}/scorecards`));
    expect(pulled.items[0]).toEqual({
      ...(card.cycle as object),
      status: "planned",
      version: cycle.version,
      can: cards.can,
    });
    expect(cards.can).toEqual({ createCommunity: false, createSelf: false });
    // NGO staff lead every cycle of their area; a cycle without cards may get its community card.
    const led = await pullAll(who.reviewer, "cycles");
    for (const item of led.items) {
      expect(item.can).toEqual(ok(await who.reviewer.get(`/api/v1/cycles/${item.id}/scorecards`)).can);
    }
    expect(led.items.find((item) => item.id === cycleB)?.can).toEqual({
      createCommunity: true,
      createSelf: false,
    });
  });

  it("gives the cards of those cycles, each exactly as GET /api/v1/scorecards/:id answers the user", async () => {
    for (const caller of [who.facilitator, who.provider, who.reviewer]) {
      const pulled = await pullAll(caller, "scorecards");
      expect(sorted(pulled.ids)).toEqual(sorted([community, self]));
      expect(sorted(pulled.inScope!)).toEqual(sorted([community, self]));
      for (const item of pulled.items) {
        expect(item).toEqual(ok(await caller.get(`/api/v1/scorecards/${item.id}`)));
      }
    }
    // The provider records only the self-assessment: the community's participants stay withheld.
    const provider = await pullAll(who.provider, "scorecards");
    expect(provider.items.find((item) => item.id === community)?.participants).toBeNull();
  });

  it("gives a viewer, who records no card, empty streams rather than an error", async () => {
    for (const stream of ["cycles", "scorecards"] as const) {
      const pulled = await pullAll(who.viewer, stream);
      expect(pulled).toMatchObject({ ids: [], pages: 1, next: null, inScope: [] });
      const again = ok(await pullPage(who.viewer, stream, pulled.position));
      expect(again).toMatchObject({ items: [], next: null, position: pulled.position, inScope: [] });
    }
    expect((await pullPage(t.anonymous, "cycles")).statusCode).toBe(401);
  });

  it("gives nothing of the commune to a user of another commune", async () => {
    const elsewhere = [
      await t.as({ roles: ["ngo_staff"], area: ["150102"] }),
      await t.as({ roles: ["service_provider"], area: ["150102"] }),
      await t.as({ roles: ["facilitator"], area: ["020101"] }),
    ];
    // Assigned by mistake to a cycle outside their area: the area still decides.
    await t.db.insert(cycleFacilitators).values({ cycleId: cycleA, userId: elsewhere[2]!.userId! });
    for (const caller of elsewhere) {
      for (const stream of ["cycles", "scorecards"] as const) {
        const pulled = await pullAll(caller, stream);
        expect(pulled.inScope).not.toContain(stream === "cycles" ? cycleA : community);
        expect(pulled.ids).not.toContain(cycleA);
        expect(pulled.ids).not.toContain(community);
      }
    }
    await t.db.delete(cycleFacilitators).where(eq(cycleFacilitators.userId, elsewhere[2]!.userId!));
  });
});

describe("paging", () => {
  it("walks every record once with limit=1, in the same order as one large page", async () => {
    for (const stream of ["cycles", "scorecards"] as const) {
      const whole = await pullAll(who.reviewer, stream, undefined, 200);
      const paged = await pullAll(who.reviewer, stream, undefined, 1);
      expect(whole.ids.length).toBeGreaterThanOrEqual(2);
      expect(paged.pages).toBe(whole.ids.length);
      expect(paged.ids).toEqual(whole.ids);
      expect(new Set(paged.ids).size).toBe(paged.ids.length);
      expect(sorted(paged.inScope!)).toEqual(sorted(whole.ids));
      expect(paged.position).toBe(whole.position);
    }
    expect(sorted((await pullAll(who.reviewer, "cycles")).ids)).toEqual(sorted([cycleA, cycleB]));
  });

  it("refuses a malformed cursor, a cursor of the other stream, an unknown stream and a limit out of range", async () => {
    const cardsPosition = (await pullAll(who.facilitator, "scorecards")).position;
    const forged = Buffer.from("1|cycles|AAAAAAAAAAAAAAAA|12x|not-an-id").toString("base64url");
    for (const after of ["not a cursor!", "Zm9v", forged, cardsPosition, "x".repeat(200)]) {
      const response = await pullPage(who.facilitator, "cycles", after);
      expect(response.statusCode, after).toBe(400);
      const problem = response.json() as { code: string; detail: string; errors: { path: string }[] };
      expect(problem.code).toBe("sync_invalid_cursor");
      expect(problem.errors.map((error) => error.path)).toEqual(["after"]);
      expect(problem.detail).toContain("download everything again");
    }
    for (const url of ["stream=cases", "stream=cycles&limit=0", "stream=cycles&limit=201", ""]) {
      const response = await who.facilitator.get(`/api/v1/sync/pull?${url}`);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe("validation_failed");
    }
  });
});

describe("the contract", () => {
  it("is described in the OpenAPI document, with the query parameters and both kinds of page", async () => {
    const spec = (await t.anonymous.get("/api/openapi.json")).json();
    const operation = spec.paths["/api/v1/sync/pull"].get;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      "after",
      "limit",
      "stream",
    ]);
    expect(JSON.stringify(operation.responses["200"])).toContain("inScope");
  });
});

describe("later downloads", () => {
  it("give exactly the card that changed since the stored position, and its cycle", async () => {
    const cards = await pullAll(who.facilitator, "scorecards");
    const cyclesBefore = await pullAll(who.facilitator, "cycles");
    const unchanged = ok(await pullPage(who.facilitator, "scorecards", cards.position));
    expect(unchanged).toMatchObject({ items: [], next: null, position: cards.position });

    ok(
      await who.facilitator.post(`/api/v1/scorecards/${community}/participants`, {
        participants: [{ sex: "female", age: 19 }],
      }),
      201,
    );
    const changed = await pullAll(who.facilitator, "scorecards", cards.position);
    expect(changed.ids).toEqual([community]);
    expect(changed.items[0]).toEqual(ok(await who.facilitator.get(`/api/v1/scorecards/${community}`)));
    expect(changed.items[0]).toMatchObject({ participantCount: 3 });
    expect(sorted(changed.inScope!)).toEqual(sorted([community, self]));
    // The cycle comes again too: what may be started on it depends on its cards.
    expect((await pullAll(who.facilitator, "cycles", cyclesBefore.position)).ids).toEqual([cycleA]);
    expect((await pullAll(who.facilitator, "scorecards", changed.position)).ids).toEqual([]);
  });

  it("drop a reassigned cycle and its cards from inScope, and bring them to the new facilitator", async () => {
    const other = await t.as({ roles: ["facilitator"], area: ["15"] });
    // A cycle of their own with a card started after every change to cycle A's cards, so that their
    // stored positions lie beyond those cards' changes.
    const own = (await createCycle(t.db)).cycleId;
    await t.db.insert(cycleFacilitators).values({ cycleId: own, userId: other.userId! });
    const ownCard = ok(
      await other.post(`/api/v1/cycles/${own}/scorecards`, { kind: "community", mode: "individual" }),
      201,
    ).id;
    const mine = {
      cycles: await pullAll(who.facilitator, "cycles"),
      cards: await pullAll(who.facilitator, "scorecards"),
    };
    const theirs = { cycles: await pullAll(other, "cycles"), cards: await pullAll(other, "scorecards") };
    expect(theirs.cycles.ids).toEqual([own]);
    expect(theirs.cards.ids).toEqual([ownCard]);

    const cycle = ok(await who.reviewer.get(`/api/v1/cycles/${cycleA}`));
    ok(
      await who.reviewer.put(`/api/v1/cycles/${cycleA}`, {
        plannedMeetingOn: cycle.plannedMeetingOn,
        ngoOrganisationId: null,
        facilitatorIds: [other.userId],
        version: cycle.version,
      }),
    );

    const lostCycles = await pullAll(who.facilitator, "cycles", mine.cycles.position);
    const lostCards = await pullAll(who.facilitator, "scorecards", mine.cards.position);
    expect(lostCycles).toMatchObject({ ids: [], inScope: [] });
    expect(lostCards).toMatchObject({ ids: [], inScope: [] });

    // The cards did not change, but they came into the new facilitator's reach: they come with the cycle.
    const gainedCycles = await pullAll(other, "cycles", theirs.cycles.position);
    const gainedCards = await pullAll(other, "scorecards", theirs.cards.position);
    expect(gainedCycles.ids).toEqual([cycleA]);
    expect(sorted(gainedCycles.inScope!)).toEqual(sorted([own, cycleA]));
    expect(sorted(gainedCards.ids)).toEqual(sorted([community, self]));
    expect(sorted(gainedCards.inScope!)).toEqual(sorted([ownCard, community, self]));
    for (const item of gainedCards.items) {
      expect(item).toEqual(ok(await other.get(`/api/v1/scorecards/${item.id}`)));
    }
    expect(gainedCards.items.find((item) => item.id === community)).toMatchObject({ can: { edit: true } });
  });

  it("start again from the beginning when the user's roles or area changed, or the cursor is another user's", async () => {
    const newcomer = await t.as({ roles: ["facilitator"], area: ["150101"] });
    const latest = (await createCycle(t.db)).cycleId;
    await t.db.insert(cycleFacilitators).values({ cycleId: latest, userId: newcomer.userId! });
    const before = await pullAll(newcomer, "cycles");
    expect(before.ids).toEqual([latest]);

    // Another user's cursor is no shortcut: it starts from the beginning too.
    expect((await pullAll(who.reviewer, "cycles", before.position)).ids).toContain(cycleB);

    await users.replaceAccess(t.db, newcomer.userId!, ["ngo_staff"], ["15"]);
    const after = await pullAll(newcomer, "cycles", before.position);
    expect(after.ids).toContain(cycleB);
    expect(after.inScope).toEqual(expect.arrayContaining([cycleA, cycleB, latest]));
  });
});

describe("the stream's reach", () => {
  it("is, for every role, the cycles the policy lets the user record a score card for", async () => {
    const assigned = (await createCycle(t.db)).cycleId;
    const fixtures = [
      { id: cycleA, communeCode: "150101", open: true, assignedToUser: false },
      { id: cycleB, communeCode: "150101", open: true, assignedToUser: false },
      { id: assigned, communeCode: "150101", open: true, assignedToUser: true },
      { id: cycleOut, communeCode: "020101", open: true, assignedToUser: true },
      { id: cycleClosed, communeCode: "150101", open: false, assignedToUser: true },
    ];
    for (const role of ROLES) {
      const caller = await t.as({ roles: [role], area: ["15"] });
      const userId = caller.userId!;
      for (const fixture of fixtures.filter((f) => f.assignedToUser)) {
        await t.db.insert(cycleFacilitators).values({ cycleId: fixture.id, userId });
      }
      const actor: Actor = {
        id: userId,
        username: "",
        displayName: "",
        roles: [role],
        area: { national: false, codes: ["15"] },
        locale: "en",
        organisationId: null,
        facilities: [],
        mustEnrolTotp: false,
      };
      const expected = fixtures
        .filter((fixture) => {
          const access = {
            communeCode: fixture.communeCode,
            facilitatorIds: fixture.assignedToUser ? [userId] : [],
          };
          return (
            fixture.open &&
            (can(isafPolicy, "cycle:facilitate", actor, access) ||
              can(isafPolicy, "scorecard:self_assess", actor, access))
          );
        })
        .map((fixture) => fixture.id);
      const inScope = (await pullAll(caller, "cycles")).inScope!;
      const seen = fixtures.map((fixture) => fixture.id).filter((id) => inScope.includes(id));
      expect(sorted(seen), role).toEqual(sorted(expected));
    }
  });
});
