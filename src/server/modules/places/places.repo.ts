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

/**
 * The codes of the communes under a province or a district (under every province when null), as an
 * SQL subquery another module embeds in its own statement (the dashboards' overdue actions:
 * `commune_code = any(array(…))`). Listed down the gazetteer's parent index, so that the caller's
 * (commune, …) index reads those communes only.
 */
export function communeCodesUnderSql(parentCode: string | null): SQL {
  let districts: SQL;
  if (parentCode === null) {
    districts = sql`select d.code from places d where d.parent_code in (select p.code from places p where p.parent_code is null)`;
  } else if (parentCode.length === 2) {
    districts = sql`select d.code from places d where d.parent_code = ${parentCode}`;
  } else if (parentCode.length === 4) {
    districts = sql`${parentCode}`;
  } else {
    throw new Error(`not a province or district code: ${parentCode}`);
  }
  return sql`select c.code from places c where c.parent_code in (${districts})`;
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
 * query, then the query anywhere in the name; ties go to the larger unit (province before village),
 * then to the name. When that finds fewer than asked for, similar spellings (trigram distance,
 * Latin only) fill the rest, nearest first.
 */
export async function search(db: Db, terms: SearchTerms): Promise<PlaceRowWithCount[]> {
  const filters: SQL[] = [];
  if (terms.level) filters.push(eq(places.level, terms.level as PlaceRow["level"]));
  if (terms.within) filters.push(sql`${places.code} like ${`${terms.within}%`}`);
  const column = terms.khmer ? places.searchKhmer : places.searchLatin;
  const q = terms.khmer || terms.latin;
  const rank = sql`case when ${column} = ${q} then 0 when ${column} like ${`${q}%`} then 1
    when ${column} like ${`% ${q}%`} then 2 else 3 end`;
  const matches = await db
    .select({ ...allColumns(), childCount })
    .from(places)
    .where(and(sql`${column} like ${`%${q}%`}`, ...filters))
    .orderBy(rank, sql`length(${places.code})`, asc(places.nameEn), asc(places.code))
    .limit(terms.limit);
  if (terms.khmer || q.length < 4 || matches.length >= terms.limit) return matches;
  const similar = await db
    .select({ ...allColumns(), childCount })
    .from(places)
    .where(and(sql`${column} % ${q}`, sql`${column} not like ${`%${q}%`}`, ...filters))
    .orderBy(sql`${column} <-> ${q}`)
    .limit(terms.limit - matches.length);
  return [...matches, ...similar];
}

/** Places whose code starts with the digits typed, the shortest code (the unit itself) first. */
export async function searchByCode(
  db: Db,
  terms: { code: string; level?: string; within?: string; limit: number },
): Promise<PlaceRowWithCount[]> {
  const filters: SQL[] = [sql`${places.code} like ${`${terms.code}%`}`];
  if (terms.level) filters.push(eq(places.level, terms.level as PlaceRow["level"]));
  if (terms.within) filters.push(sql`${places.code} like ${`${terms.within}%`}`);
  return db
    .select({ ...allColumns(), childCount })
    .from(places)
    .where(and(...filters))
    .orderBy(sql`length(${places.code})`, asc(places.code))
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
