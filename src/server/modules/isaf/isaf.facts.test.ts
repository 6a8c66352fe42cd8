import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGE_BANDS, ageBandOf } from "../../../domain/isaf-cycle";
import {
  cycles,
  jaapActions,
  scorecardParticipants,
  scorecardPriorities,
  scorecardScores,
  scorecards,
} from "../../db/schema";
import { queryRows } from "../../db/sql";
import * as rollups from "../../platform/rollups/rollups.engine";
import { rebuildRollup } from "../../rollups";
import { createTestApp, type TestApp } from "../../test/harness";
import { createCycle, sectorIndicators } from "../../test/isaf-fixtures";
import { JAAP_ACTION_FACT } from "../jaap/jaap.facts";
import { AGE_BAND_SQL, SCORECARD_FACT } from "../scorecards/scorecards.facts";
import { CYCLE_FACT, ISAF_ROLLUP } from "./isaf.facts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type RollupRow = {
  scope: string;
  sector_code: string;
  year: number;
  metric: string;
  dims: string;
  value: string;
};

async function snapshot(): Promise<string[]> {
  const rows = await queryRows<RollupRow>(
    t.db,
    sql`select scope, sector_code, year, metric, dims, value::text from isaf_rollup where value <> 0 order by 1, 2, 3, 4, 5`,
  );
  return rows.map(
    (row) => `${row.scope} ${row.sector_code} ${row.year} ${row.metric} ${row.dims} = ${row.value}`,
  );
}

async function counter(scope: string, metric: string, dims: string): Promise<number> {
  const [row] = await queryRows<{ value: string }>(
    t.db,
    sql`select coalesce(sum(value), 0)::text as value from isaf_rollup where scope = ${scope} and metric = ${metric} and dims = ${dims}`,
  );
  return Number(row?.value ?? 0);
}

describe("rollups", () => {
  it("puts ages in the same bands in SQL as in the domain", async () => {
    const ages = [5, 14, 15, 17, 18, 30, 31, 59, 60, 99];
    for (const age of ages) {
      const [row] = await queryRows<{ band: string }>(
        t.db,
        sql`select ${AGE_BAND_SQL(sql`${age}::int`)} as band`,
      );
      expect(row?.band).toBe(ageBandOf(age));
    }
    expect(AGE_BANDS).toHaveLength(5);
  });

  it("keeps the counters equal to a full rebuild through creates, submissions, returns and status changes", async () => {
    const { cycleId, facilityId } = await createCycle(t.db, {
      communeCode: "150102",
      kindCode: "HC",
      year: 2025,
    });
    // Planned for 15 March and still at "planned": late from the 16th.
    expect(await counter(facilityId, "late_candidates", "2025-03-15")).toBe(1);
    const [first, second] = await sectorIndicators(t.db, "HC");
    const scorecardId = uuidv7();
    await t.db.transaction(async (tx) => {
      await tx.insert(scorecards).values({ id: scorecardId, cycleId, kind: "community" });
      await tx.insert(scorecardParticipants).values([
        { scorecardId, number: 1, sex: "female", age: 16, ethnicMinority: true },
        { scorecardId, number: 2, sex: "male", age: 45, disability: true },
        { scorecardId, number: 3, sex: "female", age: 29, idPoor: true },
      ]);
      await tx.insert(scorecardPriorities).values([
        { scorecardId, indicatorId: first!.id, rank: 1 },
        { scorecardId, indicatorId: second!.id, rank: 2 },
      ]);
      await tx.insert(scorecardScores).values([
        { scorecardId, indicatorId: first!.id, participantNumber: 1, score: 2 },
        { scorecardId, indicatorId: first!.id, participantNumber: 2, score: 3 },
        { scorecardId, indicatorId: first!.id, participantNumber: 3, score: 2 },
        { scorecardId, indicatorId: second!.id, participantNumber: 1, score: 5 },
      ]);
    });
    // A draft does not count.
    expect(await counter(facilityId, "scorecards", "community")).toBe(0);

    const setStatus = (status: "submitted" | "returned" | "approved") =>
      t.db.transaction((tx) =>
        rollups.tracked(tx, SCORECARD_FACT, scorecardId, () =>
          tx.update(scorecards).set({ status }).where(eq(scorecards.id, scorecardId)),
        ),
      );
    await setStatus("submitted");
    expect(await counter("KH", "scorecards", "community")).toBeGreaterThanOrEqual(1);
    expect(await counter(facilityId, "participants", "female|15_17")).toBe(1);
    expect(await counter("1501", "participants_ethnic_minority", "female")).toBe(1);
    expect(await counter("150102", "scores", `community|${first!.id}|2`)).toBe(2);
    expect(await counter(facilityId, "score_n", "community")).toBe(4);
    expect(await counter(facilityId, "score_sum", "community")).toBe(2 + 3 + 2 + 5);

    const actionId = uuidv7();
    await t.db.transaction((tx) =>
      rollups.tracked(tx, JAAP_ACTION_FACT, actionId, () =>
        tx.insert(jaapActions).values({
          id: actionId,
          cycleId,
          communeCode: "150102",
          title: "Repair the water tank",
          responsibleParty: "provider",
          responsibleName: "Director",
          deadline: "2025-06-30",
        }),
      ),
    );
    await t.db.transaction((tx) =>
      rollups.tracked(tx, JAAP_ACTION_FACT, actionId, () =>
        tx.update(jaapActions).set({ status: "done" }).where(eq(jaapActions.id, actionId)),
      ),
    );
    await t.db.transaction((tx) =>
      rollups.tracked(tx, CYCLE_FACT, cycleId, () =>
        tx.update(cycles).set({ step: "jaap" }).where(eq(cycles.id, cycleId)),
      ),
    );
    expect(await counter(facilityId, "late_candidates", "2025-03-15")).toBe(0);
    expect(await counter(facilityId, "jaap", "done|2025-06")).toBe(1);
    expect(await counter(facilityId, "jaap", "planned|2025-06")).toBe(0);

    const incremental = await snapshot();
    await t.db.transaction((tx) => rebuildRollup(tx, ISAF_ROLLUP));
    expect(await snapshot()).toEqual(incremental);

    await setStatus("returned");
    expect(await counter(facilityId, "scorecards", "community")).toBe(0);
    const afterReturn = await snapshot();
    await t.db.transaction((tx) => rebuildRollup(tx, ISAF_ROLLUP));
    expect(await snapshot()).toEqual(afterReturn);
  });
});
