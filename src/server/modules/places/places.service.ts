import type { Place } from "../../../contracts/places";
import { hasKhmer, khmerSearchKey, latinSearchKey } from "../../../domain/search-key";
import type { Db } from "../../db/database";
import { notFound } from "../../platform/errors";
import { presentPlace } from "./places.presenter";
import * as repo from "./places.repo";

/** How other modules show a place they name (facilities, score cards). */
export { presentSummary } from "./places.presenter";
export type { PlaceRow } from "./places.repo";

/** Children of a place, or the provinces when no parent is given. */
export async function children(db: Db, parentCode: string | undefined): Promise<Place[]> {
  if (parentCode && !(await repo.findByCode(db, parentCode))) throw notFound("place");
  return withPaths(db, await repo.listChildren(db, parentCode));
}

export async function get(db: Db, code: string): Promise<Place> {
  const row = await repo.findByCode(db, code);
  if (!row) throw notFound("place");
  return presentPlace(row, await repo.ancestorsOf(db, [code]));
}

export async function search(
  db: Db,
  query: { q: string; level?: string; within?: string; limit: number },
): Promise<Place[]> {
  const filters = { level: query.level, within: query.within, limit: query.limit };
  const code = query.q.replace(/\s+/g, "");
  if (/^\d{2,8}$/.test(code)) return withPaths(db, await repo.searchByCode(db, { code, ...filters }));
  const khmer = hasKhmer(query.q) ? khmerSearchKey(query.q) : "";
  const latin = khmer ? "" : latinSearchKey(query.q);
  if (!khmer && !latin) return [];
  return withPaths(db, await repo.search(db, { latin, khmer, ...filters }));
}

/** Places presented with their paths, the ancestors looked up in one query. */
async function withPaths(db: Db, rows: repo.PlaceRowWithCount[]): Promise<Place[]> {
  const ancestors = await repo.ancestorsOf(
    db,
    rows.map((row) => row.code),
  );
  return rows.map((row) => presentPlace(row, ancestors));
}

/** The communes under a province or district (every commune for null), as an SQL subquery to embed. */
export const communeCodesUnderSql = repo.communeCodesUnderSql;

/** The places with these codes (for validating references from other modules). */
export function findMany(db: Db, codes: readonly string[]) {
  return repo.findByCodes(db, codes);
}
