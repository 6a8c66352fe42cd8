import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../db/database";
import { cycleFacilitators } from "../../db/schema";
import { queryRows } from "../../db/sql";
import type { Caller, TestApp } from "../../test/harness";
import { createCycle, sectorIndicators } from "../../test/isaf-fixtures";

/** Test helpers of the score-card module: a cycle with its facilitator, a card filled in through the API. */

export interface People {
  facilitator: Caller;
  reviewer: Caller;
  provider: Caller;
  viewer: Caller;
}

export async function people(t: TestApp): Promise<People> {
  return {
    facilitator: await t.as({ roles: ["facilitator"], area: ["15"] }),
    reviewer: await t.as({ roles: ["ngo_staff"], area: ["15"] }),
    provider: await t.as({ roles: ["service_provider"], area: ["15"] }),
    viewer: await t.as({ roles: ["viewer"], area: ["15"] }),
  };
}

/** A cycle in Pursat with the facilitator assigned, and the sector's first indicators. */
export async function cycleFor(
  t: TestApp,
  facilitator: Caller,
  options: { communeCode?: string; year?: number } = {},
) {
  const fixture = await createCycle(t.db, {
    communeCode: options.communeCode ?? "150101",
    kindCode: "PS",
    year: options.year,
  });
  await t.db.insert(cycleFacilitators).values({ cycleId: fixture.cycleId, userId: facilitator.userId! });
  const indicators = await sectorIndicators(t.db, "PS");
  expect(indicators.length).toBeGreaterThanOrEqual(3);
  return { ...fixture, indicators };
}

export function ok(response: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as Record<string, unknown> & { id: string; version: number };
}

export type Person = {
  sex: "female" | "male";
  age: number;
  disability?: boolean;
  ethnicMinority?: boolean;
  idPoor?: boolean;
};

/**
 * A community card (individual mode) with the meeting held, these participants, every indicator raised by
 * participant 1 and prioritised in the given order. Returns the card as the API answers.
 */
export async function meetingCard(
  facilitator: Caller,
  cycleId: string,
  participants: Person[],
  indicatorIds: string[],
) {
  let card = ok(
    await facilitator.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "community", mode: "individual" }),
    201,
  );
  card = ok(
    await facilitator.put(`/api/v1/scorecards/${card.id}`, {
      heldOn: "2026-01-20",
      mode: "individual",
      version: card.version,
    }),
  );
  card = ok(await facilitator.post(`/api/v1/scorecards/${card.id}/participants`, { participants }), 201);
  for (const indicatorId of indicatorIds) {
    card = ok(
      await facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
        indicatorId,
        participantNumbers: [1],
      }),
      201,
    );
  }
  card = ok(
    await facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
      indicatorIds,
      version: card.version,
    }),
  );
  return card;
}

/** Each participant's score for one indicator, in participant order (null: no score). */
export async function scoreAll(facilitator: Caller, id: string, table: Record<string, (number | null)[]>) {
  const count = Math.max(...Object.values(table).map((scores) => scores.length));
  let card: ReturnType<typeof ok> | undefined;
  for (let index = 0; index < count; index++) {
    const scores = Object.entries(table)
      .filter(([, values]) => values[index] != null)
      .map(([indicatorId, values]) => ({ indicatorId, score: values[index]! }));
    if (scores.length === 0) continue;
    card = ok(
      await facilitator.post(`/api/v1/scorecards/${id}/scores`, { participantNumber: index + 1, scores }),
      201,
    );
  }
  return card!;
}

/** Rows in every score-card table and the audit log, to show that a refusal wrote nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    "scorecards",
    "scorecard_participants",
    "scorecard_participant_tallies",
    "scorecard_issues",
    "scorecard_priorities",
    "scorecard_scores",
    "scorecard_score_tallies",
    "scorecard_change_requests",
    "indicators",
    "audit_events",
    "isaf_rollup",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = row!.n;
  }
  const [versions] = await queryRows<{ v: number }>(
    db,
    sql`select coalesce(sum(version), 0)::int as v from scorecards`,
  );
  counts.versions = versions!.v;
  return counts;
}

export async function counter(db: Db, scope: string, metric: string, dims: string): Promise<number> {
  const [row] = await queryRows<{ value: string }>(
    db,
    sql`select coalesce(sum(value), 0)::text as value from isaf_rollup where scope = ${scope} and metric = ${metric} and dims = ${dims}`,
  );
  return Number(row?.value ?? 0);
}

/** Sends the request, checks the refusal (status, code, a field error), and that no row of any score-card table (nor the audit log) moved. */
export function refusals(t: TestApp) {
  return async function refused(
    send: () => Promise<{ statusCode: number; body: string; json: () => unknown }>,
    status: number,
    code: string,
    fieldCode?: string,
  ) {
    const before = await rowCounts(t.db);
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    const problem = response.json() as {
      code: string;
      detail: string;
      errors?: { code: string; message: string }[];
    };
    expect(problem.code).toBe(code);
    expect(problem.detail.length).toBeGreaterThan(5);
    if (fieldCode) expect(problem.errors?.map((error) => error.code)).toContain(fieldCode);
    expect(await rowCounts(t.db)).toEqual(before);
    return problem;
  };
}
