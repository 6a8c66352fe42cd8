import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { expect } from "vitest";
import { cycleFacilitators, jaapActions, scorecardPriorities, scorecards } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { type Caller, createTestApp } from "../../test/harness";
import { createCycle, sectorIndicators } from "../../test/isaf-fixtures";

/** A PNG of one pixel. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * What the JAAP tests share: a test app, people (NGO staff, the cycle's facilitator, the commune
 * council, a viewer, someone of another province), a primary school's cycle whose community card
 * prioritised PS indicators 3 and 1, and helpers to make actions and read counters.
 */
export async function jaapFixture() {
  const t = await createTestApp();
  const ngo = await t.as({ roles: ["ngo_staff"], area: ["15"] });
  const facilitator = await t.as({ roles: ["facilitator"], area: ["1501"] });
  const commune = await t.as({ roles: ["commune_council"], area: ["150101"] });
  const viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  const outsider = await t.as({ roles: ["ngo_staff"], area: ["02"] });
  const cycle = await createCycle(t.db, { communeCode: "150101", kindCode: "PS", year: 2026 });
  await t.db.insert(cycleFacilitators).values({ cycleId: cycle.cycleId, userId: facilitator.userId! });
  const ps = await sectorIndicators(t.db, "PS");
  const hc = await sectorIndicators(t.db, "HC");
  const scorecardId = uuidv7();
  await t.db.insert(scorecards).values({ id: scorecardId, cycleId: cycle.cycleId, kind: "community" });
  await t.db.insert(scorecardPriorities).values([
    { scorecardId, indicatorId: ps[2].id, rank: 1 },
    { scorecardId, indicatorId: ps[0].id, rank: 2 },
  ]);

  const actionBody = (overrides: Record<string, unknown> = {}) => ({
    title: "Repair the school's water tank",
    indicatorIds: [ps[2].id],
    responsibleParty: "provider",
    responsibleName: "School director",
    resourcesRiel: 400_000,
    deadline: "2026-06-30",
    fromInterfaceMeeting: true,
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}, as: Caller = ngo) {
    const response = await as.post(`/api/v1/cycles/${cycle.cycleId}/jaap/actions`, actionBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function actionCount(): Promise<number> {
    const rows = await t.db.select().from(jaapActions).where(eq(jaapActions.cycleId, cycle.cycleId));
    return rows.length;
  }

  async function auditCount(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_events`);
    return row.n;
  }

  /** The JAAP counter of a scope for "status|YYYY-MM". */
  async function counter(scope: string, dims: string): Promise<number> {
    const [row] = await queryRows<{ value: string }>(
      t.db,
      sql`select coalesce(sum(value), 0)::text as value from isaf_rollup
          where scope = ${scope} and metric = 'jaap' and dims = ${dims}`,
    );
    return Number(row?.value ?? 0);
  }

  async function uploadPhoto(as: Caller, actionId: string, data = PNG, type = "image/png") {
    const boundary = "jaap-test-boundary";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.png"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return as.request("POST", `/api/v1/jaap/actions/${actionId}/photos`, body, {
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
  }

  return {
    t,
    ngo,
    facilitator,
    commune,
    viewer,
    outsider,
    cycle,
    ps,
    hc,
    actionBody,
    create,
    actionCount,
    auditCount,
    counter,
    uploadPhoto,
  };
}

export type JaapFixture = Awaited<ReturnType<typeof jaapFixture>>;
