import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { organisations } from "../../db/schema";

export type OrganisationRow = typeof organisations.$inferSelect;

/**
 * How many users belong to an organisation, as a correlated SQL count over its id (read-only; shown
 * before an administrator switches it off). The users module's (users sit above organisations and
 * call them), handed to the routes by app.ts: see organisationsRoutes.
 */
export type UserCountSql = (organisationId: SQL) => SQL<number>;

// Written out in full: inside a single-table select drizzle would print ${organisations.id} unqualified.
const organisationId = sql`organisations.id`;

/** Organisations are a shared national directory (names and places, no personal data): no area filter. */
export async function list(
  db: Db,
  filters: { q?: string; kind?: OrganisationRow["kind"] },
  userCountSql: UserCountSql,
) {
  const where: SQL[] = [];
  if (filters.q) {
    where.push(
      or(ilike(organisations.nameEn, `%${filters.q}%`), ilike(organisations.nameKm, `%${filters.q}%`))!,
    );
  }
  if (filters.kind) where.push(eq(organisations.kind, filters.kind));
  return db
    .select({ organisation: organisations, userCount: userCountSql(organisationId) })
    .from(organisations)
    .where(and(...where))
    .orderBy(asc(organisations.nameEn));
}

export async function find(db: Db, id: string, userCountSql: UserCountSql) {
  const [row] = await db
    .select({ organisation: organisations, userCount: userCountSql(organisationId) })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

/** The organisation's row alone (no count): for checks and writes. */
export async function findRow(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findMany(db: Db, ids: readonly string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
}

export async function insert(db: Db, row: typeof organisations.$inferInsert) {
  await db.insert(organisations).values(row);
}

export async function update(
  db: Db,
  id: string,
  values: Partial<typeof organisations.$inferInsert>,
  now: Date,
) {
  await db
    .update(organisations)
    .set({ ...values, updatedAt: now })
    .where(eq(organisations.id, id));
}
