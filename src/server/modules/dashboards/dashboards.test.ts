import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dashboard } from "../../../contracts/dashboards";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import {
  cycles,
  jaapActions,
  scorecardIssues,
  scorecardParticipants,
  scorecardPriorities,
  scorecardScores,
  scorecards,
} from "../../db/schema";
import { testClock } from "../../platform/clock";
import * as rollups from "../../platform/rollups/rollups.engine";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle, createProgramme, sectorIndicators } from "../../test/isaf-fixtures";
import { CYCLE_FACT } from "../isaf/isaf.facts";
import { JAAP_ACTION_FACT } from "../jaap/jaap.facts";
import { SCORECARD_FACT } from "../scorecards/scorecards.facts";

/**
 * Dashboard figures against hand counts on fixture data in commune 150102 (Pursat, Bakan), which no
 * other test of this file touches. Facts change through rollups.tracked, as the modules do.
 */
let t: TestApp;
let provincial: Caller;
let outsider: Caller;
let commune: Caller;
let national: Caller;
const COMMUNE = "150102";
// A Tuesday, 10:00 in Phnom Penh: what the figures count depends on the date (docs/mechanisms/tests.md).
const clock = testClock("2026-12-08T03:00:00Z");
const today = cambodiaToday(clock.now());
const month = today.slice(0, 7);
const lastYear = Number(today.slice(0, 4)) - 1;
const monthStart = `${month}-01`;
/** A meeting planned for the first of this month is late from the second (read from this month's rows). */
const lateThisMonth = today > monthStart ? 1 : 0;

let open: { cycleId: string; facilityId: string };
let closed: { cycleId: string; facilityId: string };
let indicatorIds: string[] = [];

async function setCycle(cycleId: string, values: Partial<typeof cycles.$inferInsert>) {
  await t.db.transaction((tx) =>
    rollups.tracked(tx, CYCLE_FACT, cycleId, () =>
      tx.update(cycles).set(values).where(eq(cycles.id, cycleId)),
    ),
  );
}

/** A community or self card with these participants (sex, age, profile) and scores per indicator. */
async function card(
  cycleId: string,
  kind: "community" | "self",
  people: {
    sex: "female" | "male";
    age: number;
    disability?: boolean;
    ethnicMinority?: boolean;
    idPoor?: boolean;
  }[],
  scores: number[][],
): Promise<string> {
  const id = uuidv7();
  await t.db.transaction(async (tx) => {
    await tx.insert(scorecards).values({ id, cycleId, kind });
    await tx
      .insert(scorecardParticipants)
      .values(people.map((p, i) => ({ scorecardId: id, number: i + 1, ...p })));
    await tx
      .insert(scorecardPriorities)
      .values(scores.map((_, i) => ({ scorecardId: id, indicatorId: indicatorIds[i]!, rank: i + 1 })));
    await tx.insert(scorecardScores).values(
      scores.flatMap((row, i) =>
        row.map((score, p) => ({
          scorecardId: id,
          indicatorId: indicatorIds[i]!,
          participantNumber: p + 1,
          score,
        })),
      ),
    );
    if (kind === "community") {
      await tx.insert(scorecardIssues).values([
        { id: uuidv7(), scorecardId: id, indicatorId: indicatorIds[1]!, participantNumber: 1 },
        { id: uuidv7(), scorecardId: id, indicatorId: indicatorIds[1]!, participantNumber: 2 },
        { id: uuidv7(), scorecardId: id, indicatorId: indicatorIds[0]!, participantNumber: 3 },
      ]);
    }
  });
  return id;
}

async function submit(scorecardId: string) {
  await t.db.transaction((tx) =>
    rollups.tracked(tx, SCORECARD_FACT, scorecardId, () =>
      tx.update(scorecards).set({ status: "submitted" }).where(eq(scorecards.id, scorecardId)),
    ),
  );
}

async function action(
  cycleId: string,
  deadline: string,
  status: "planned" | "in_progress" | "done" | "dropped",
) {
  const id = uuidv7();
  await t.db.transaction((tx) =>
    rollups.tracked(tx, JAAP_ACTION_FACT, id, () =>
      tx.insert(jaapActions).values({
        id,
        cycleId,
        communeCode: COMMUNE,
        title: "Repair the school toilets",
        responsibleParty: "provider",
        responsibleName: "Director",
        deadline,
        status,
      }),
    ),
  );
}

async function dashboard(caller: Caller, query: string): Promise<Dashboard> {
  const response = await caller.get(`/api/v1/dashboards/isaf?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return Dashboard.parse(response.json());
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  provincial = await t.as({ roles: ["provincial_officer"], area: ["15"] });
  outsider = await t.as({ roles: ["provincial_officer"], area: ["02"] });
  commune = await t.as({ roles: ["commune_council"], area: ["150101"] });
  national = await t.as({ roles: ["national_officer"], national: true });
  indicatorIds = (await sectorIndicators(t.db, "PS")).map((row) => row.id);
  const programmeId = await createProgramme(t.db);
  // This year's cycle, planned for March and still at "planned": late once March has passed.
  open = await createCycle(t.db, { communeCode: COMMUNE, kindCode: "PS", programmeId });
  closed = await createCycle(t.db, { communeCode: COMMUNE, kindCode: "PS", year: lastYear, programmeId });
  await setCycle(closed.cycleId, {
    step: "closed",
    committeeFormedAt: new Date(),
    committeeQuotaMet: true,
  });
  const current = await createCycle(t.db, { communeCode: COMMUNE, kindCode: "HC", programmeId });
  await setCycle(current.cycleId, { plannedMeetingOn: monthStart });
  await setCycle(open.cycleId, {
    plannedMeetingOn: `${Number(today.slice(0, 4))}-01-15`,
    committeeFormedAt: new Date(),
    committeeQuotaMet: false,
    committeeOverrideReason: "No women volunteered yet",
  });
});
afterAll(() => t.close());

describe("ISAF dashboard", () => {
  it("shows a submitted score card's result right after the write", async () => {
    const communityId = await card(
      closed.cycleId,
      "community",
      [
        { sex: "female", age: 16, ethnicMinority: true },
        { sex: "male", age: 45, disability: true },
        { sex: "female", age: 29, idPoor: true },
        { sex: "female", age: 64 },
      ],
      [
        [2, 3, 2, 5],
        [4, 4, 1, 5],
      ],
    );
    const before = await dashboard(provincial, `place=${COMMUNE}`);
    expect(before.participants.total).toBe(0);
    await submit(communityId);
    const after = await dashboard(provincial, `place=${COMMUNE}`);
    expect(after.scorecards.community).toBe(1);
    const first = after.indicators.find((row) => row.indicator.id === indicatorIds[0]);
    // 2, 2, 3, 5: the exact median of an even count is the mean of the middle two.
    expect(first?.community).toMatchObject({ n: 4, median: 2.5, mean: 3, distribution: [0, 2, 1, 0, 1] });
  });

  it("counts cycles, participants, indicators, gaps, JAAP and committees as by hand", async () => {
    const selfId = await card(
      closed.cycleId,
      "self",
      [
        { sex: "male", age: 40 },
        { sex: "female", age: 35 },
      ],
      [
        [4, 5],
        [3, 3],
      ],
    );
    await submit(selfId);
    await action(closed.cycleId, `${lastYear}-06-30`, "done");
    await action(closed.cycleId, `${lastYear}-07-31`, "dropped");
    await action(closed.cycleId, `${lastYear}-08-31`, "in_progress"); // overdue: an earlier month
    await action(open.cycleId, "2099-12-31", "planned"); // not yet due
    // Due earlier this month (read from this month's rows), unless today is the first.
    if (today > monthStart) await action(open.cycleId, monthStart, "planned");
    const overdueThisMonth = today > monthStart ? 1 : 0;

    const figures = await dashboard(provincial, `place=${COMMUNE}`);
    expect(figures.hasData).toBe(true);
    expect(figures.scope).toMatchObject({ level: "commune", place: COMMUNE, asOf: today });
    expect(figures.scope.path.map((p) => p.code)).toEqual(["15", "1501", COMMUNE]);
    expect(figures.cycles).toMatchObject({ total: 3, done: 1, late: 1 + lateThisMonth });
    expect(figures.participants.total).toBe(4);
    const count = (sex: string, band: string) =>
      figures.participants.bySexAndAge.find((row) => row.sex === sex && row.ageBand === band)?.count;
    expect(count("female", "15_17")).toBe(1);
    expect(count("female", "18_30")).toBe(1);
    expect(count("female", "60_plus")).toBe(1);
    expect(count("male", "31_59")).toBe(1);
    expect(figures.participants.profiles).toEqual([
      { profile: "disability", female: 0, male: 1 },
      { profile: "ethnicMinority", female: 1, male: 0 },
      { profile: "idPoor", female: 1, male: 0 },
    ]);
    expect(figures.raised.map((row) => [row.indicator.id, row.count])).toEqual([
      [indicatorIds[1], 2],
      [indicatorIds[0], 1],
    ]);
    expect(figures.prioritised).toHaveLength(2);
    const second = figures.indicators.find((row) => row.indicator.id === indicatorIds[1]);
    // Community 1, 4, 4, 5 → median 4; self 3, 3 → median 3; gap self − community = −1.
    expect(second?.community.median).toBe(4);
    expect(second?.self).toMatchObject({ n: 2, median: 3 });
    expect(second?.gap).toBe(-1);
    expect(second?.trend).toEqual([
      expect.objectContaining({ year: lastYear, community: expect.objectContaining({ median: 4 }) }),
    ]);
    expect(second?.indicator.nameEn).toBeTruthy();
    expect(figures.jaap.byStatus).toEqual([
      { status: "planned", count: 1 + overdueThisMonth },
      { status: "in_progress", count: 1 },
      { status: "done", count: 1 },
      { status: "dropped", count: 1 },
    ]);
    expect(figures.jaap.overdue).toBe(1 + overdueThisMonth);
    expect(figures.jaap.completionRate).toBeCloseTo(1 / (3 + overdueThisMonth));
    expect(figures.committees).toEqual({ compliant: 1, override: 1, notFormed: 1 });
    const year = figures.years.find((row) => row.year === lastYear);
    expect(year).toMatchObject({ cycles: 1, done: 1, participants: 4, actions: 3, actionsDone: 1 });
    expect(year?.communityMean).toBeCloseTo((2 + 3 + 2 + 5 + 4 + 4 + 1 + 5) / 8);

    // The commune's facilities are its areas; the district shows the commune with the same figures.
    const facility = figures.areas.find((area) => area.id === closed.facilityId);
    expect(facility).toMatchObject({ kind: "facility", cycles: 1, done: 1, participants: 4, women: 3 });
    const district = await dashboard(provincial, "place=1501");
    const area = district.areas.find((row) => row.id === COMMUNE);
    expect(area).toMatchObject({
      kind: "place",
      cycles: 3,
      done: 1,
      late: 1 + lateThisMonth,
      participants: 4,
      actions: 3 + overdueThisMonth + 1,
      actionsDone: 1,
      overdue: 1 + overdueThisMonth,
      committeesFormed: 2,
      committeesCompliant: 1,
    });
    expect(district.areas.length).toBeGreaterThan(5);

    // One facility, one sector, one year.
    const one = await dashboard(
      provincial,
      `facility=${closed.facilityId}&sector=PS&yearFrom=${lastYear}&yearTo=${lastYear}`,
    );
    expect(one.scope).toMatchObject({ level: "facility", place: COMMUNE, sector: "PS" });
    expect(one.cycles.total).toBe(1);
    expect(one.areas).toEqual([]);
    const otherSector = await dashboard(provincial, `place=${COMMUNE}&sector=CA`);
    expect(otherSector.hasData).toBe(false);
  });

  it("answers 404 for a scope outside the caller's area", async () => {
    expect((await outsider.get(`/api/v1/dashboards/isaf?place=${COMMUNE}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/dashboards/isaf?facility=${closed.facilityId}`)).statusCode).toBe(
      404,
    );
    expect((await commune.get("/api/v1/dashboards/isaf?place=1501")).statusCode).toBe(404);
    expect((await provincial.get("/api/v1/dashboards/isaf")).statusCode).toBe(404);
    expect((await provincial.get("/api/v1/dashboards/isaf?place=15010101")).statusCode).toBe(400);
    expect((await t.anonymous.get("/api/v1/dashboards/isaf?place=15")).statusCode).toBe(401);
    const nation = await dashboard(national, "");
    expect(nation.scope.level).toBe("national");
    expect(nation.areas.find((area) => area.id === "15")).toMatchObject({
      cycles: 3,
      late: 1 + lateThisMonth,
    });
  });

  it("exports CSV with a byte-order mark and XLSX with one sheet per table", async () => {
    const csv = await provincial.request("GET", `/api/v1/dashboards/isaf/export?format=csv&place=${COMMUNE}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(`samleng-isaf-dashboard-${COMMUNE}-${today}.csv`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Section,Code,Name,Figure,Value");
    expect(lines).toContain("Summary,,,Cycles planned,3");

    const xlsx = await provincial.request(
      "GET",
      `/api/v1/dashboards/isaf/export?format=xlsx&place=${COMMUNE}`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain(".xlsx");
    const { default: Excel } = await import("exceljs");
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      "Areas",
      "Indicators",
      "Participants",
      "Years",
    ]);
    expect(workbook.getWorksheet("Summary")?.getRow(6).values).toEqual([undefined, "Cycles planned", 3]);

    expect(
      (await outsider.get(`/api/v1/dashboards/isaf/export?format=csv&place=${COMMUNE}`)).statusCode,
    ).toBe(404);
    expect(
      (await provincial.get(`/api/v1/dashboards/isaf/export?format=pdf&place=${COMMUNE}`)).statusCode,
    ).toBe(400);
  });
});
