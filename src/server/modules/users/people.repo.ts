import { type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../domain/roles";
import type { Db } from "../../db/database";
import { arrayParam, queryRows } from "../../db/sql";

/**
 * Who is who, for other modules (through people.service.ts): the people who hold a role in a place,
 * their names and work phones. Reads of the users module's own tables only.
 */

/** The user's area covers the commune: she is national, or one of her area codes is a prefix of it. */
const coversCommune = (communeCode: string): SQL =>
  sql`(u.national_area or exists (select 1 from user_areas a where a.user_id = u.id
    and ${communeCode} like a.place_code || '%'))`;

const holdsRole = (roles: readonly Role[]): SQL =>
  sql`exists (select 1 from user_roles r where r.user_id = u.id and r.role = any(${arrayParam(roles)}::text[]))`;

export interface Facilitator {
  id: string;
  displayName: string;
  national: boolean;
  codes: string[];
}

export async function facilitators(db: Db, ids?: readonly string[]): Promise<Facilitator[]> {
  const byId = ids ? sql`and u.id = any(${arrayParam(ids)}::uuid[])` : sql``;
  const rows = await queryRows<Omit<Facilitator, "codes"> & { codes: string[] | null }>(
    db,
    sql`select u.id, u.display_name as "displayName", u.national_area as national,
          array(select a.place_code from user_areas a where a.user_id = u.id order by 1) as codes
        from users u
        where u.active and ${holdsRole(["facilitator"])} ${byId}
        order by u.display_name`,
  );
  return rows.map((row) => ({ ...row, codes: row.codes ?? [] }));
}

export async function peopleCovering(db: Db, communeCode: string, withNational: boolean) {
  const covers = withNational
    ? coversCommune(communeCode)
    : sql`exists (select 1 from user_areas a where a.user_id = u.id and ${communeCode} like a.place_code || '%')`;
  return queryRows<{ id: string; displayName: string }>(
    db,
    sql`select u.id, u.display_name as "displayName" from users u
        where u.active and ${covers}
        order by u.display_name, u.id limit 300`,
  );
}

export async function activeAndCovers(db: Db, userId: string, communeCode: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 from users u where u.id = ${userId} and u.active and ${coversCommune(communeCode)}`,
  );
  return rows.length > 0;
}

export interface Textable {
  id: string;
  phone: string;
  locale: "km" | "en";
}

const textable = sql`u.active and u.phone is not null`;

export async function textableUser(db: Db, userId: string): Promise<Textable[]> {
  return queryRows(
    db,
    sql`select u.id, u.phone, u.locale from users u where u.id = ${userId} and ${textable}`,
  );
}

export async function textableCovering(
  db: Db,
  communeCode: string,
  roles: readonly Role[],
  staffOfFacilityId: string | null,
): Promise<Textable[]> {
  const runsFacility = staffOfFacilityId
    ? sql`or exists (select 1 from facility_staff s where s.user_id = u.id and s.facility_id = ${staffOfFacilityId})`
    : sql``;
  return queryRows(
    db,
    sql`select u.id, u.phone, u.locale from users u
        where ${textable} and ${coversCommune(communeCode)} and (${holdsRole(roles)} ${runsFacility})`,
  );
}

export async function namesOf(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ id: string; displayName: string }>(
    db,
    sql`select u.id, u.display_name as "displayName" from users u where u.id = any(${arrayParam(wanted)}::uuid[])
        order by u.display_name, u.id`,
  );
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/**
 * How many users belong to the organisation `organisationId` (an SQL expression of the caller's
 * statement), as a correlated count: the organisations list shows it before an administrator
 * switches one off. Users sit above organisations, so app.ts hands this to the organisations routes.
 */
export function organisationUserCountSql(organisationId: SQL): SQL<number> {
  return sql<number>`(select count(*)::int from users u where u.organisation_id = ${organisationId})`;
}
