import type { Db } from "../../db/database";
import * as catalogue from "./catalogue.repo";

/**
 * The catalogue's indicators as other modules name them (a JAAP action's indicators): their code and
 * names, looked up by id in one query, instead of joining isaf's tables (docs/mechanisms/boundaries.md).
 */
export interface IndicatorRef {
  id: string;
  code: string;
  nameKm: string;
  nameEn: string;
  sectorCode: string;
  sortOrder: number;
}

/** Catalogue order: the indicators' sort order, then their code. */
export function byCatalogueOrder(a: IndicatorRef, b: IndicatorRef): number {
  return a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

const refOf = (row: catalogue.IndicatorRow): IndicatorRef => ({
  id: row.id,
  code: row.code,
  nameKm: row.nameKm,
  nameEn: row.nameEn,
  sectorCode: row.sectorCode,
  sortOrder: row.sortOrder,
});

/** These indicators (whatever their status), by id; unknown ids are left out. */
export async function indicatorRefsOf(db: Db, ids: readonly string[]): Promise<Map<string, IndicatorRef>> {
  const rows = await catalogue.findIndicators(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, refOf(row)]));
}

/** The sector's indicators a plan may name, in catalogue order: active ones, and any others among `alsoIds`. */
export async function offeredIndicators(
  db: Db,
  sectorCode: string,
  alsoIds: readonly string[],
): Promise<IndicatorRef[]> {
  const also = new Set(alsoIds);
  const rows = await catalogue.listIndicators(db, { sector: sectorCode });
  return rows.filter((row) => row.status === "active" || also.has(row.id)).map(refOf);
}
