import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as catalogue from "./catalogue.repo";

/**
 * What the ISAF module gives the dashboards beside the rollup counters (which they read through the
 * rollup engine's readers): the cycles' place and period to join in their own statement, and the
 * indicators' labels (docs/mechanisms/boundaries.md).
 */

/**
 * Every cycle's facility, sector and programme year, as an SQL relation with the columns id,
 * facility_id, sector_code and year, for the caller's join (`join (…) c on c.id = a.cycle_id`).
 * It reads every area: the caller scopes what it joins it to.
 */
export function cyclePlacesSql(): SQL {
  return sql`select c.id, c.facility_id, c.sector_code, c.year from cycles c`;
}

export interface IndicatorLabel {
  id: string;
  code: string;
  sectorCode: string;
  nameKm: string;
  nameEn: string;
}

/** The code, sector and names of these indicators (those that exist), in one query. */
export async function indicatorLabelsOf(db: Db, ids: readonly string[]): Promise<IndicatorLabel[]> {
  const rows = await catalogue.findIndicators(db, ids);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    sectorCode: row.sectorCode,
    nameKm: row.nameKm,
    nameEn: row.nameEn,
  }));
}
