import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicCommune, PublicFacility } from "../../contracts/public";
import type { Db } from "../db/database";
import {
  cycles,
  facilities,
  i4cItems,
  jaapActionIndicators,
  jaapActions,
  jaapUpdates,
  scorecardParticipants,
  scorecardPriorities,
  scorecardScores,
  scorecardScoreTallies,
  scorecards,
} from "../db/schema";
import { CYCLE_FACT } from "../modules/isaf/isaf.facts";
import { JAAP_ACTION_FACT } from "../modules/jaap/jaap.facts";
import { SCORECARD_FACT } from "../modules/scorecards/scorecards.facts";
import * as rollups from "../platform/rollups/rollups.engine";
import { createTestApp, type TestApp } from "./harness";
import { createCycle, createFacility, sectorIndicators } from "./isaf-fixtures";

/**
 * The public results pages (issue 3, part 10): open without a session, read only, only approved
 * score cards, no group under five people, nothing personal.
 */

let t: TestApp;
const COMMUNE = "150103";
let indicators: { id: string; code: string }[];
let shownId: string;
let unscored: string;
let unapproved: string;
let notIsaf: string;
let inactive: string;

type Status = "draft" | "submitted" | "returned" | "approved";

async function addCycle(db: Db, facilityId: string, programmeId: string, year: number, sectorCode = "PS") {
  const id = uuidv7();
  await db.transaction((tx) =>
    rollups.tracked(tx, CYCLE_FACT, id, () =>
      tx.insert(cycles).values({
        id,
        programmeId,
        facilityId,
        year,
        sectorCode,
        provinceCode: COMMUNE.slice(0, 2),
        districtCode: COMMUNE.slice(0, 4),
        communeCode: COMMUNE,
      }),
    ),
  );
  return id;
}

/**
 * A community card scored by eleven registered participants: six women and five men, two of them
 * youth. Women are shown because five people are outside the group; youth are too few.
 */
async function communityCard(db: Db, cycleId: string, status: Status) {
  const id = uuidv7();
  const ages = [40, 45, 50, 35, 20, 60, 25, 70, 40, 50, 65];
  const scores = [1, 2, 2, 3, 3, 4, 4, 5, 3, 4, 5];
  await db.transaction((tx) =>
    rollups.tracked(tx, SCORECARD_FACT, id, async () => {
      await tx.insert(scorecards).values({ id, cycleId, kind: "community", status });
      await tx.insert(scorecardParticipants).values(
        ages.map((age, index) => ({
          scorecardId: id,
          number: index + 1,
          sex: index < 6 ? ("female" as const) : ("male" as const),
          age,
        })),
      );
      await tx.insert(scorecardPriorities).values([
        { scorecardId: id, indicatorId: indicators[0].id, rank: 1, strengths: "Teachers come on time" },
        { scorecardId: id, indicatorId: indicators[1].id, rank: 2 },
      ]);
      const [first, second] = indicators;
      await tx.insert(scorecardScores).values(
        scores.flatMap((score, index) => [
          { scorecardId: id, indicatorId: first.id, participantNumber: index + 1, score },
          { scorecardId: id, indicatorId: second.id, participantNumber: index + 1, score: 2 },
        ]),
      );
    }),
  );
  return id;
}

/** A tally-mode card: how many gave each score to the first indicator. */
async function tallyCard(
  db: Db,
  cycleId: string,
  kind: "community" | "self",
  counts: Record<number, number>,
) {
  const id = uuidv7();
  await db.transaction((tx) =>
    rollups.tracked(tx, SCORECARD_FACT, id, async () => {
      await tx.insert(scorecards).values({ id, cycleId, kind, mode: "tally", status: "approved" });
      await tx
        .insert(scorecardPriorities)
        .values({ scorecardId: id, indicatorId: indicators[0].id, rank: 1 });
      await tx.insert(scorecardScoreTallies).values(
        Object.entries(counts).map(([score, count]) => ({
          scorecardId: id,
          indicatorId: indicators[0].id,
          score: Number(score),
          count,
        })),
      );
    }),
  );
}

async function action(
  db: Db,
  cycleId: string,
  values: { title: string; status: "planned" | "in_progress" | "done" | "dropped"; deadline: string },
) {
  const id = uuidv7();
  await db.transaction((tx) =>
    rollups.tracked(tx, JAAP_ACTION_FACT, id, async () => {
      await tx.insert(jaapActions).values({
        id,
        cycleId,
        communeCode: COMMUNE,
        responsibleParty: "provider",
        responsibleName: "Sok Dara 012345678",
        dropReason: values.status === "dropped" ? "No budget this year" : null,
        ...values,
      });
      await tx.insert(jaapActionIndicators).values({ actionId: id, indicatorId: indicators[0].id });
    }),
  );
  await db
    .insert(jaapUpdates)
    .values({ id: uuidv7(), actionId: id, note: "Started", statusAfter: values.status });
}

beforeAll(async () => {
  t = await createTestApp();
  indicators = await sectorIndicators(t.db, "PS");
  const first = await createCycle(t.db, { communeCode: COMMUNE, kindCode: "PS", year: 2025 });
  const cycle2026 = await addCycle(t.db, first.facilityId, first.programmeId, 2026);
  const cycle2027 = await addCycle(t.db, first.facilityId, first.programmeId, 2027);
  shownId = first.facilityId;
  await communityCard(t.db, first.cycleId, "approved");
  await tallyCard(t.db, first.cycleId, "self", { 4: 3 });
  await tallyCard(t.db, cycle2026, "community", { 3: 2, 4: 3 });
  await communityCard(t.db, cycle2027, "submitted");
  await action(t.db, first.cycleId, { title: "Repair the roof", status: "done", deadline: "2025-06-30" });
  await action(t.db, first.cycleId, { title: "Buy books", status: "in_progress", deadline: "2025-09-30" });
  await action(t.db, cycle2026, { title: "Hire a teacher", status: "planned", deadline: "2099-01-31" });
  await action(t.db, cycle2026, { title: "Build a fence", status: "dropped", deadline: "2026-03-31" });
  await t.db.transaction((tx) =>
    rollups.tracked(tx, CYCLE_FACT, first.cycleId, () =>
      tx
        .update(cycles)
        .set({ i4cBudgetSummary: "School budget 12,000,000 riel", i4cPublishedAt: new Date("2025-02-01") })
        .where(eq(cycles.id, first.cycleId)),
    ),
  );
  // 2026's pack is not published: never shown.
  await t.db.insert(i4cItems).values([
    {
      id: uuidv7(),
      cycleId: first.cycleId,
      position: 1,
      labelKm: "សិស្សក្នុងមួយគ្រូ",
      labelEn: "Pupils per teacher",
      standardValue: "40",
      actualValue: "52",
    },
    {
      id: uuidv7(),
      cycleId: cycle2026,
      position: 1,
      labelKm: "សៀវភៅ",
      labelEn: "Books per pupil",
      standardValue: "1",
      actualValue: "0.5",
    },
  ]);
  // The facility's contact person and phone are in the registry, never on the public page.
  await t.db
    .update(facilities)
    .set({ contactName: "Sok Dara", phone: "012345678" })
    .where(eq(facilities.id, shownId));

  unscored = await createFacility(t.db, { communeCode: COMMUNE, kindCode: "HC" });
  const other = await createCycle(t.db, { communeCode: COMMUNE, kindCode: "CA", year: 2026 });
  unapproved = other.facilityId;
  await communityCard(t.db, other.cycleId, "returned");
  const third = await addCycle(t.db, unapproved, other.programmeId, 2025, "CA");
  await communityCard(t.db, third, "draft");

  notIsaf = await createFacility(t.db, { communeCode: COMMUNE });
  await t.db.update(facilities).set({ kindCode: "SHELTER" }).where(eq(facilities.id, notIsaf));
  inactive = await createFacility(t.db, { communeCode: COMMUNE, kindCode: "PS" });
  await t.db.update(facilities).set({ active: false }).where(eq(facilities.id, inactive));
});
afterAll(() => t.close());

const PERSONAL = ["participants", "displayName", "responsibleName", "phone", "Sok Dara", "012345678"];

function expectNothingPersonal(body: string) {
  for (const word of PERSONAL) expect(body).not.toContain(word);
}

describe("public facility page", () => {
  it("is read anonymously: approved scores per year, self beside community, JAAP and I4C, cacheable", async () => {
    const response = await t.anonymous.get(`/api/public/v1/facilities/${shownId}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    expectNothingPersonal(response.body);
    const body = response.json() as PublicFacility;
    expect(body.facility.kind.code).toBe("PS");
    expect(body.facility.path.map((place) => place.code)).toEqual(["15", "1501", COMMUNE]);

    // 2027's card is only submitted: two years shown.
    expect(body.scores.map((year) => year.year)).toEqual([2025, 2026]);
    const [y2025, y2026] = body.scores;
    expect(y2025.hasCommunity && y2025.hasSelf).toBe(true);
    const first = y2025.indicators.find((row) => row.indicatorId === indicators[0].id)!;
    expect(first.community).toMatchObject({ n: 11, median: 3, distribution: [1, 2, 3, 3, 2] });
    expect(first.self).toMatchObject({ n: 3, median: 4 });
    expect(first.gap).toBe(1);
    // Six women are shown (five people outside them); the two youth are too few and are left out.
    expect(first.community?.groups.map((group) => group.group)).toEqual(["women"]);
    expect(first.community?.groups[0]).toMatchObject({ n: 6, median: 2.5 });
    expect(y2026).toMatchObject({ hasCommunity: true, hasSelf: false });
    expect(y2026.indicators[0].community).toMatchObject({ n: 5, median: 4, groups: [] });

    expect(body.actions.counts).toEqual({
      total: 4,
      planned: 1,
      inProgress: 1,
      done: 1,
      dropped: 1,
      overdue: 1,
    });
    const books = body.actions.items.find((item) => item.title === "Buy books")!;
    expect(books).toMatchObject({ year: 2025, responsibleParty: "provider", overdue: true });
    expect(books.indicatorCodes).toEqual([indicators[0].code]);
    expect(books.lastUpdateOn).not.toBeNull();

    expect(body.i4c).toHaveLength(1);
    expect(body.i4c[0]).toMatchObject({ year: 2025, budgetSummary: "School budget 12,000,000 riel" });
    expect(body.i4c[0].items).toEqual([
      {
        labelKm: "សិស្សក្នុងមួយគ្រូ",
        labelEn: "Pupils per teacher",
        standardValue: "40",
        actualValue: "52",
        unit: null,
      },
    ]);
  });

  it("gives the empty shape for a facility without an approved card, and never shows unapproved ones", async () => {
    for (const id of [unscored, unapproved]) {
      const response = await t.anonymous.get(`/api/public/v1/facilities/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as PublicFacility;
      expect(body.scores).toEqual([]);
      expect(body.actions).toEqual({
        counts: { total: 0, planned: 0, inProgress: 0, done: 0, dropped: 0, overdue: 0 },
        items: [],
      });
      expect(body.i4c).toEqual([]);
    }
  });

  it("answers 404 problem+json in the caller's language for unknown, non-ISAF and inactive facilities", async () => {
    for (const id of [uuidv7(), notIsaf, inactive, "not-a-uuid"]) {
      const english = await t.anonymous.request("GET", `/api/public/v1/facilities/${id}`);
      expect(english.statusCode, id).toBe(404);
      expect(english.headers["content-type"]).toContain("application/problem+json");
      expect(english.json()).toMatchObject({ code: "not_found", detail: "Not found." });
      const khmer = await t.anonymous.request("GET", `/api/public/v1/facilities/${id}`, undefined, {
        "accept-language": "km-KH,km;q=0.9",
      });
      expect(khmer.statusCode).toBe(404);
      expect(khmer.json()).toMatchObject({ code: "not_found", detail: "រកមិនឃើញ។" });
    }
  });

  it("is documented in the OpenAPI description as open without a session", async () => {
    const spec = (await t.anonymous.get("/api/openapi.json")).json() as {
      paths: Record<string, { get?: { security?: unknown[] }; post?: unknown }>;
    };
    const path = spec.paths["/api/public/v1/facilities/{id}"];
    expect(path?.get?.security).toEqual([]);
    expect(path?.post).toBeUndefined();
  });

  it("is read only: other methods are not found", async () => {
    for (const method of ["POST", "PUT", "DELETE"] as const) {
      const response = await t.anonymous.request(method, `/api/public/v1/facilities/${shownId}`, {});
      expect([404, 405]).toContain(response.statusCode);
    }
    const post = await t.anonymous.request("POST", `/api/public/v1/communes/${COMMUNE}`, {});
    expect([404, 405]).toContain(post.statusCode);
  });
});

describe("public commune page", () => {
  it("lists the commune's active ISAF facilities with their headline and JAAP completion", async () => {
    const response = await t.anonymous.get(`/api/public/v1/communes/${COMMUNE}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    expectNothingPersonal(response.body);
    const body = response.json() as PublicCommune;
    expect(body.commune).toMatchObject({ code: COMMUNE, level: "commune" });
    expect(body.commune.path.map((place) => place.code)).toEqual(["15", "1501"]);
    const ids = body.facilities.map((facility) => facility.id);
    expect(ids).toEqual(expect.arrayContaining([shownId, unscored, unapproved]));
    expect(ids).not.toContain(notIsaf);
    expect(ids).not.toContain(inactive);
    const scored = body.facilities.find((facility) => facility.id === shownId)!;
    // The latest approved community card is 2026's: one indicator, median 4, no self-assessment.
    expect(scored.headline).toEqual({ year: 2026, community: 4, self: null, indicators: 1 });
    expect(scored.actions).toMatchObject({ total: 4, done: 1, overdue: 1 });
    expect(body.facilities.find((facility) => facility.id === unapproved)?.headline).toBeNull();
  });

  it("answers 404 for a code that is not a known commune", async () => {
    for (const code of ["15", "1501", "159999", "15010101", "abc"]) {
      const response = await t.anonymous.get(`/api/public/v1/communes/${code}`);
      expect(response.statusCode, code).toBe(404);
      expect(response.json()).toMatchObject({ code: "not_found" });
    }
  });

  it("limits how often one client may read a public page", async () => {
    let last = 0;
    for (let i = 0; i < 125 && last !== 429; i++) {
      const response = await t.app.inject({
        method: "GET",
        url: "/api/public/v1/communes/159999",
        remoteAddress: "10.9.9.9",
      });
      last = response.statusCode;
    }
    expect(last).toBe(429);
  });
});
