import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import {
  facilities,
  facilityCatchment,
  facilityImports,
  facilityKinds,
  facilityServices,
  serviceTypes,
} from "../../db/schema";
import { arrayParam, queryRows } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { Locale } from "../../platform/messages";

export type FacilityRow = typeof facilities.$inferSelect;
export type FacilityKindRow = typeof facilityKinds.$inferSelect;
export type ServiceTypeRow = typeof serviceTypes.$inferSelect;

export interface FacilityFilters {
  place?: string;
  kind?: string;
  serviceType?: string;
  q?: string;
  status: "active" | "inactive" | "all";
}

/** Every facility query starts from the actor's area. */
function scoped(actor: Actor, filters: FacilityFilters): SQL {
  const where: SQL[] = [areaPredicate(actor, facilities.communeCode)];
  if (filters.place) {
    const column = filters.place.length === 8 ? facilities.villageCode : facilities.communeCode;
    where.push(sql`${column} like ${`${filters.place}%`}`);
    if (filters.place.length === 2) where.push(eq(facilities.provinceCode, filters.place));
    if (filters.place.length === 4) where.push(eq(facilities.districtCode, filters.place));
  }
  if (filters.kind) where.push(eq(facilities.kindCode, filters.kind));
  if (filters.serviceType) {
    where.push(sql`exists (select 1 from facility_services s
      where s.facility_id = ${facilities.id} and s.service_type_code = ${filters.serviceType})`);
  }
  if (filters.q) where.push(sql`${facilities.searchText} like ${`%${filters.q}%`}`);
  if (filters.status !== "all") where.push(eq(facilities.active, filters.status === "active"));
  return and(...where)!;
}

export type FacilitySort = "name" | "-name" | "code" | "-code" | "updated" | "-updated";

/** The ORDER BY of a sort; "name" is the name in the reader's language. */
function orderOf(sort: FacilitySort, locale: Locale) {
  const name = locale === "km" ? facilities.nameKm : facilities.nameEn;
  const orders = {
    name: [asc(name), asc(facilities.id)],
    "-name": [desc(name), asc(facilities.id)],
    code: [asc(facilities.code)],
    "-code": [desc(facilities.code)],
    updated: [asc(facilities.updatedAt), asc(facilities.id)],
    "-updated": [desc(facilities.updatedAt), asc(facilities.id)],
  };
  return orders[sort];
}

export async function list(
  db: Db,
  actor: Actor,
  filters: FacilityFilters & { sort: FacilitySort; locale: Locale; limit: number; offset: number },
) {
  const rows = await db
    .select({ facility: facilities, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(facilities)
    .where(scoped(actor, filters))
    .orderBy(...orderOf(filters.sort, filters.locale))
    .limit(filters.limit)
    .offset(filters.offset);
  const total =
    rows[0]?.total ??
    (filters.offset > 0
      ? (await db.select({ n: sql<number>`count(*)::int` }).from(facilities).where(scoped(actor, filters)))[0]
          .n
      : 0);
  return { rows: rows.map((row) => row.facility), total };
}

export async function mapPoints(db: Db, actor: Actor, filters: FacilityFilters) {
  const rows = await db
    .select({
      id: facilities.id,
      code: facilities.code,
      kindCode: facilities.kindCode,
      nameKm: facilities.nameKm,
      nameEn: facilities.nameEn,
      lat: facilities.lat,
      lng: facilities.lng,
    })
    .from(facilities)
    .where(scoped(actor, filters));
  return rows;
}

export async function findInScope(db: Db, actor: Actor, id: string): Promise<FacilityRow | undefined> {
  const [row] = await db
    .select()
    .from(facilities)
    .where(and(eq(facilities.id, id), areaPredicate(actor, facilities.communeCode)));
  return row;
}

/** Facilities by id, whatever the area (the caller checks the area it needs). */
export async function findByIds(db: Db, ids: readonly string[]): Promise<FacilityRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(facilities)
    .where(inArray(facilities.id, [...ids]));
}

/**
 * Every facility's code, as an SQL relation with the columns id and code, for another module's list
 * ordered by facility code in one statement (`join (…) f on f.id = …`; the planner joins the table
 * as if it were named there).
 */
export function codesSql(): SQL {
  return sql`select f.id, f.code from facilities f`;
}

/** Facilities by code, case-insensitive, whatever the area (codes are unique nationally). */
export async function findByCodes(db: Db, codes: readonly string[]): Promise<FacilityRow[]> {
  if (codes.length === 0) return [];
  const lower = codes.map((code) => code.toLowerCase());
  return db
    .select()
    .from(facilities)
    .where(inArray(sql`lower(${facilities.code})`, lower));
}

export async function servicesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(facilityServices)
    .where(inArray(facilityServices.facilityId, [...ids]));
}

export async function catchmentOf(db: Db, id: string) {
  return db.select().from(facilityCatchment).where(eq(facilityCatchment.facilityId, id));
}

export async function insert(db: Db, row: typeof facilities.$inferInsert): Promise<FacilityRow> {
  const [inserted] = await db.insert(facilities).values(row).returning();
  return inserted;
}

/** Updates when the version still matches; returns undefined when someone else changed it first. */
export async function update(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof facilities.$inferInsert>,
  now: Date,
): Promise<FacilityRow | undefined> {
  const [row] = await db
    .update(facilities)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(facilities.id, id), eq(facilities.version, version)))
    .returning();
  return row;
}

export async function replaceServices(db: Db, id: string, codes: readonly string[]) {
  await db.delete(facilityServices).where(eq(facilityServices.facilityId, id));
  if (codes.length)
    await db
      .insert(facilityServices)
      .values(codes.map((serviceTypeCode) => ({ facilityId: id, serviceTypeCode })));
}

export async function replaceCatchment(db: Db, id: string, codes: readonly string[]) {
  await db.delete(facilityCatchment).where(eq(facilityCatchment.facilityId, id));
  if (codes.length)
    await db.insert(facilityCatchment).values(codes.map((placeCode) => ({ facilityId: id, placeCode })));
}

export async function kinds(db: Db): Promise<FacilityKindRow[]> {
  return db.select().from(facilityKinds).orderBy(asc(facilityKinds.sortOrder), asc(facilityKinds.code));
}

export async function serviceTypeList(db: Db): Promise<ServiceTypeRow[]> {
  return db.select().from(serviceTypes).orderBy(asc(serviceTypes.sortOrder), asc(serviceTypes.code));
}

/** Active facilities in the actor's area by kind and by province. */
export async function counts(db: Db, actor: Actor) {
  const where = and(areaPredicate(actor, facilities.communeCode), eq(facilities.active, true));
  const [byKind, byProvince] = await Promise.all([
    db
      .select({ kindCode: facilities.kindCode, count: sql<number>`count(*)::int` })
      .from(facilities)
      .where(where)
      .groupBy(facilities.kindCode),
    db
      .select({ provinceCode: facilities.provinceCode, count: sql<number>`count(*)::int` })
      .from(facilities)
      .where(where)
      .groupBy(facilities.provinceCode)
      .orderBy(facilities.provinceCode),
  ]);
  return { byKind, byProvince };
}

const BULK_CHUNK = 500;

/** Inserts many facilities, 500 rows a statement. */
export async function insertMany(db: Db, rows: (typeof facilities.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK_CHUNK)
    await db.insert(facilities).values(rows.slice(i, i + BULK_CHUNK));
}

/** Facilities by id with their service and catchment codes (the "before" of a bulk update). */
export async function findManyWithLinks(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [rows, services, catchment] = await Promise.all([
    db
      .select()
      .from(facilities)
      .where(inArray(facilities.id, [...ids])),
    db
      .select()
      .from(facilityServices)
      .where(inArray(facilityServices.facilityId, [...ids])),
    db
      .select()
      .from(facilityCatchment)
      .where(inArray(facilityCatchment.facilityId, [...ids])),
  ]);
  return rows.map((row) => ({
    row,
    services: services.filter((s) => s.facilityId === row.id).map((s) => s.serviceTypeCode),
    catchment: catchment.filter((c) => c.facilityId === row.id).map((c) => c.placeCode),
  }));
}

/** Replaces the services and catchment of many facilities: one delete each, then chunked inserts. */
export async function replaceLinksOfMany(
  db: Db,
  ids: readonly string[],
  services: { facilityId: string; serviceTypeCode: string }[],
  catchment: { facilityId: string; placeCode: string }[],
): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(facilityServices).where(inArray(facilityServices.facilityId, [...ids]));
  await db.delete(facilityCatchment).where(inArray(facilityCatchment.facilityId, [...ids]));
  for (let i = 0; i < services.length; i += BULK_CHUNK)
    await db.insert(facilityServices).values(services.slice(i, i + BULK_CHUNK));
  for (let i = 0; i < catchment.length; i += BULK_CHUNK)
    await db.insert(facilityCatchment).values(catchment.slice(i, i + BULK_CHUNK));
}

/** The public columns of active ISAF-sector facilities (no contact person, phone or e-mail). */
export async function findPublicIsaf(db: Db, where: { id?: string; communeCode?: string; code?: string }) {
  return db
    .select({
      id: facilities.id,
      code: facilities.code,
      kindCode: facilities.kindCode,
      nameKm: facilities.nameKm,
      nameEn: facilities.nameEn,
      communeCode: facilities.communeCode,
      kindNameKm: facilityKinds.nameKm,
      kindNameEn: facilityKinds.nameEn,
    })
    .from(facilities)
    .innerJoin(facilityKinds, eq(facilityKinds.code, facilities.kindCode))
    .where(
      and(
        eq(facilities.active, true),
        eq(facilityKinds.isafSector, true),
        where.id ? eq(facilities.id, where.id) : undefined,
        where.communeCode ? eq(facilities.communeCode, where.communeCode) : undefined,
        // Codes are unique without case (facilities_code_uq), and typed on phones in either case.
        where.code ? sql`lower(${facilities.code}) = lower(${where.code})` : undefined,
      ),
    )
    .orderBy(asc(facilityKinds.sortOrder), asc(facilities.nameEn));
}

export interface PlannableFacility {
  id: string;
  code: string;
  nameKm: string;
  nameEn: string;
  kindCode: string;
  communeCode: string;
}

/**
 * Active facilities of an ISAF-sector kind among `kindCodes`, in these communes and in the actor's
 * area (only `ids`, when given), by commune, kind and code.
 */
export async function findPlannable(
  db: Db,
  actor: Actor,
  where: { kindCodes: readonly string[]; communeCodes: readonly string[]; ids?: readonly string[] },
): Promise<PlannableFacility[]> {
  if (where.communeCodes.length === 0) return [];
  const byId = where.ids ? sql`and f.id = any(${arrayParam(where.ids)}::uuid[])` : sql``;
  return queryRows<PlannableFacility>(
    db,
    sql`select f.id, f.code, f.name_km as "nameKm", f.name_en as "nameEn", f.kind_code as "kindCode",
          f.commune_code as "communeCode"
        from facilities f join facility_kinds k on k.code = f.kind_code
        where f.active and k.isaf_sector and f.kind_code = any(${arrayParam(where.kindCodes)}::text[])
          and f.commune_code = any(${arrayParam(where.communeCodes)}::text[])
          and ${areaPredicate(actor, sql`f.commune_code`)} ${byId}
        order by f.commune_code, f.kind_code, f.code`,
  );
}

export type ImportRow = typeof facilityImports.$inferSelect;

/** An import the user started (scoped: imports are their user's own). */
export async function findOwnImport(db: Db, userId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(facilityImports)
    .where(and(eq(facilityImports.id, id), eq(facilityImports.userId, userId)));
  return row;
}

export async function insertImport(tx: Db, row: typeof facilityImports.$inferInsert): Promise<void> {
  await tx.insert(facilityImports).values(row);
}

export async function markImportCommitted(
  tx: Db,
  id: string,
  importedRows: number,
  now: Date,
): Promise<void> {
  await tx
    .update(facilityImports)
    .set({ status: "committed", importedRows, updatedAt: now })
    .where(eq(facilityImports.id, id));
}

/** Fresh statistics after a bulk change (PGlite has no autovacuum to do it). */
export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`analyze facilities`);
}
