import { sql } from "drizzle-orm";
import type { Db } from "../src/server/db/database";
import { queryRows } from "../src/server/db/sql";
import { generateFacilities } from "../src/server/seeding/facility-generator";
import { generateIsafData, type IsafGenerateReport } from "../src/server/seeding/isaf-generator";

/**
 * National-scale registry (issue 2, part 13): a primary school, a health centre and a commune
 * administration in every one of the 1,652 communes, plus 5,000 child-protection service points:
 * about 10,000 facilities.
 */
export function generateNationalRegistry(db: Db): Promise<number> {
  return generateFacilities(db, {
    within: [],
    communeStep: 1,
    servicePoints: 5000,
    isDemo: false,
    codePrefix: "NAT-",
    seed: 7,
  });
}

/**
 * National-scale ISAF data (issue 3, part 12): the three ISAF facilities of every `communeStep`th
 * commune (1 = all 1,652), five years of cycles (2022–2026, this year in progress) with ~48
 * participants per community score card, every participant scoring 5–8 indicators, ~4.5 JAAP actions
 * per cycle past the interface meeting. At full scale: ~25,000 cycles, ~1.2 M participants,
 * ~8 M scores, ~100,000 actions.
 */
export async function generateNationalIsaf(db: Db, communeStep: number): Promise<IsafGenerateReport> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from places where level = 'commune' and retired_at is null order by code`,
  );
  return generateIsafData(db, {
    communes: rows.map((row) => row.code).filter((_, index) => index % communeStep === 0),
    years: [2022, 2023, 2024, 2025, 2026],
    today: "2026-11-23",
    isDemo: false,
    codePrefix: "NAT-",
    fastLoad: true,
  });
}
