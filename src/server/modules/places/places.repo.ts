import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { lineageOf } from "../../../domain/places";
import type { Db } from "../../db/database";
import { places } from "../../db/schema";

export type PlaceRow = typeof places.$inferSelect;
export type PlaceRowWithCount = PlaceRow & { childCount: number };

// Written out in full: inside a select drizzle would print ${places.code} unqualified, meaning c.code here.
const childCount = sql<number>`(select count(*)::int from places c where c.parent_code = places.code)`;

/**
 * The gazetteer is public reference data published by NCDD: every signed-in user may read all of it,
 * so these queries take no area predicate. Records that sit in places (facilities, cases) do.
 */
export async function listChildren(db: Db, parentCode: string | undefined): Promise<PlaceRowWithCount[]> {
  return db
    .select({ ...allColumns(), childCount })
    .from(places)
    .where(parentCode ? eq(places.parentCode, parentCode) : isNull(places.parentCode))
    .orderBy(asc(places.code));
}

export async function findByCode(db: Db, code: string): Promise<PlaceRowWithCount | undefined> {
  const [row] = await db
    .select({ ...allColumns(), childCount })
    .from(places)
    .where(eq(places.code, code));
  return row;
}

export async function findByCodes(db: Db, codes: readonly string[]): Promise<PlaceRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(places)
    .where(inArray(places.code, [...codes]));
}

/** The ancestors of every given place, by code, in one query. */
export async function ancestorsOf(db: Db, codes: readonly string[]): Promise<Map<string, PlaceRow>> {
  const wanted = new Set<string>();
  for (const code of codes) for (const ancestor of lineageOf(code).slice(0, -1)) wanted.add(ancestor);
  const rows = await findByCodes(db, [...wanted]);
  return new Map(rows.map((row) => [row.code, row]));
}

export interface SearchTerms {
  latin: string;
  khmer: string;
  level?: string;
  within?: string;
  limit: number;
}

/**
 * Name search, ranked: exact name, then name prefix, then a word of the name starting with the
 * query, then the query anywhere in the name, then similar spellings (trigrams, Latin only).
 * Ties go to the larger unit (province before village), then to the name.
 */
export async function search(db: Db, terms: SearchTerms): Promise<PlaceRowWithCount[]> {
  const filters: SQL[] = [];
  if (terms.level) filters.push(eq(places.level, terms.level as PlaceRow["level"]));
  if (terms.within) filters.push(sql`${places.code} like ${`${terms.within}%`}`);

  let rank: SQL;
  let match: SQL;
  if (terms.khmer) {
    const k = terms.khmer;
    rank = sql`case when ${places.searchKhmer} = ${k} then 0 when ${places.searchKhmer} like ${`${k}%`} then 1
      when ${places.searchKhmer} like ${`% ${k}%`} then 2 else 3 end`;
    match = sql`${places.searchKhmer} like ${`%${k}%`}`;
  } else {
    const l = terms.latin;
    rank = sql`case when ${places.searchLatin} = ${l} then 0 when ${places.searchLatin} like ${`${l}%`} then 1
      when ${places.searchLatin} like ${`% ${l}%`} then 2 when ${places.searchLatin} like ${`%${l}%`} then 3 else 4 end`;
    match =
      l.length >= 3
        ? sql`(${places.searchLatin} like ${`%${l}%`} or ${places.searchLatin} % ${l})`
        : sql`(${places.searchLatin} like ${`${l}%`} or ${places.searchLatin} like ${`% ${l}%`})`;
  }
  const bySimilarity = terms.khmer ? [] : [sql`similarity(${places.searchLatin}, ${terms.latin}) desc`];
  return db
    .select({ ...allColumns(), childCount })
    .from(places)
    .where(and(match, ...filters))
    .orderBy(rank, ...bySimilarity, sql`length(${places.code})`, asc(places.nameEn), asc(places.code))
    .limit(terms.limit);
}

function allColumns() {
  return {
    code: places.code,
    parentCode: places.parentCode,
    level: places.level,
    type: places.type,
    nameKm: places.nameKm,
    nameEn: places.nameEn,
    nameUngegn: places.nameUngegn,
    searchLatin: places.searchLatin,
    searchKhmer: places.searchKhmer,
    lat: places.lat,
    lng: places.lng,
    retiredAt: places.retiredAt,
    createdAt: places.createdAt,
    updatedAt: places.updatedAt,
  };
}
