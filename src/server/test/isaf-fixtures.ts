import { and, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { DEFAULT_QUOTA_RULES } from "../../domain/committee-quota";
import type { Db } from "../db/database";
import { cycles, facilities, indicators, programmes } from "../db/schema";
import { CYCLE_FACT } from "../modules/isaf/isaf.facts";
import * as rollups from "../platform/rollups/rollups.engine";

/**
 * Test fixtures for the ISAF modules: a facility, a programme and a cycle written straight to the
 * tables (the modules' own tests exercise their APIs; these only give them something to act on).
 */
export async function createFacility(
  db: Db,
  options: { communeCode?: string; kindCode?: "PS" | "HC" | "CA"; name?: string } = {},
): Promise<string> {
  const communeCode = options.communeCode ?? "150101";
  const id = uuidv7();
  const name = options.name ?? `Fixture ${options.kindCode ?? "PS"} ${id.slice(-6)}`;
  await db.insert(facilities).values({
    id,
    code: `FX-${id.slice(-10)}`,
    kindCode: options.kindCode ?? "PS",
    nameKm: name,
    nameEn: name,
    provinceCode: communeCode.slice(0, 2),
    districtCode: communeCode.slice(0, 4),
    communeCode,
    searchText: name.toLowerCase(),
  });
  return id;
}

export async function createProgramme(db: Db): Promise<string> {
  const id = uuidv7();
  await db.insert(programmes).values({
    id,
    nameKm: "កម្មវិធីសាកល្បង",
    nameEn: `Fixture programme ${id.slice(-6)}`,
    startYear: 2024,
    endYear: 2028,
    quotaRules: DEFAULT_QUOTA_RULES,
  });
  return id;
}

/** A cycle for a new facility in the commune (Boeng Bat Kandaol, Pursat, unless told otherwise). */
export async function createCycle(
  db: Db,
  options: { communeCode?: string; kindCode?: "PS" | "HC" | "CA"; year?: number; programmeId?: string } = {},
): Promise<{ cycleId: string; facilityId: string; programmeId: string }> {
  const communeCode = options.communeCode ?? "150101";
  const kindCode = options.kindCode ?? "PS";
  const facilityId = await createFacility(db, { communeCode, kindCode });
  const programmeId = options.programmeId ?? (await createProgramme(db));
  const cycleId = uuidv7();
  await db.transaction((tx) =>
    rollups.tracked(tx, CYCLE_FACT, cycleId, () =>
      tx.insert(cycles).values({
        id: cycleId,
        programmeId,
        facilityId,
        year: options.year ?? 2026,
        sectorCode: kindCode,
        provinceCode: communeCode.slice(0, 2),
        districtCode: communeCode.slice(0, 4),
        communeCode,
        plannedMeetingOn: `${options.year ?? 2026}-03-15`,
      }),
    ),
  );
  return { cycleId, facilityId, programmeId };
}

/** The active seeded indicators of a sector, in catalogue order. */
export async function sectorIndicators(
  db: Db,
  sector: "PS" | "HC" | "CA",
): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.sectorCode, sector), eq(indicators.status, "active")))
    .orderBy(indicators.sortOrder);
}
