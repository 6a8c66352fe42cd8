import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { isRole, type Role } from "../../../domain/roles";
import type { Db } from "../../db/database";
import { facilityStaff, roleSettings, unknownSignIns, userAreas, userRoles, users } from "../../db/schema";
import { arrayParam } from "../../db/sql";
import type { Actor } from "../../platform/actor";
import type { Locale } from "../../platform/messages";

export type UserRow = typeof users.$inferSelect;
/** A facility a user runs, as the user's record shows it. */
export type UserWithAccess = UserRow & {
  roles: Role[];
  areaCodes: string[];
  facilityIds: string[];
};

/**
 * A user is in the actor's scope when the actor is national, or when the user is not national and
 * every code of the user's area lies in the actor's area (an officer of 1501 does not manage a user of 15).
 */
export function userScope(actor: Actor): SQL {
  if (actor.area.national) return sql`true`;
  const patterns = arrayParam(actor.area.codes.map((code) => `${code}%`));
  return sql`(not ${users.nationalArea}
    and exists (select 1 from user_areas a where a.user_id = ${users.id})
    and not exists (select 1 from user_areas a where a.user_id = ${users.id}
                    and not (a.place_code like any(${patterns}::text[]))))`;
}

/** The ids (as text) of the users in the actor's scope, as a subquery (the audit log uses it). */
export function idsInScope(actor: Actor): SQL {
  return sql`(select ${users.id}::text from ${users} where ${userScope(actor)})`;
}

export async function findByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

/**
 * The actor a session belongs to, with the ids of the facilities she runs (accounts.service.ts fills
 * in what the access rules need of them), or undefined when the user is gone or switched off. One
 * query: it runs on every request.
 */
export async function loadActorRow(
  db: Db,
  userId: string,
): Promise<(Omit<Actor, "facilities"> & { facilityIds: string[] }) | undefined> {
  const [row] = await db
    .select({
      user: users,
      roles: sql<
        string[]
      >`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = users.id), '{}')`,
      areaCodes: sql<
        string[]
      >`coalesce((select array_agg(a.place_code order by a.place_code) from user_areas a where a.user_id = users.id), '{}')`,
      facilityIds: sql<
        string[]
      >`coalesce((select array_agg(s.facility_id order by s.facility_id) from facility_staff s where s.user_id = users.id), '{}')`,
      totpRequired: sql<boolean>`exists (select 1 from user_roles r join role_settings s on s.role = r.role
        where r.user_id = users.id and s.require_totp)`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row?.user.active) return undefined;
  const { user } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: row.roles.filter(isRole),
    area: { national: user.nationalArea, codes: row.areaCodes },
    locale: user.locale,
    organisationId: user.organisationId,
    facilityIds: row.facilityIds,
    mustEnrolTotp: !user.totpEnabled && row.totpRequired,
  };
}

export async function rolesRequiringTotp(db: Db): Promise<Set<string>> {
  const rows = await db.select().from(roleSettings).where(eq(roleSettings.requireTotp, true));
  return new Set(rows.map((row) => row.role));
}

export interface UserFilters {
  q?: string;
  role?: string;
  organisationId?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function list(db: Db, actor: Actor, filters: UserFilters) {
  const where: SQL[] = [userScope(actor)];
  if (filters.q) {
    const like = `%${filters.q}%`;
    where.push(or(ilike(users.username, like), ilike(users.displayName, like)) as SQL);
  }
  if (filters.role)
    where.push(
      sql`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = ${filters.role})`,
    );
  if (filters.organisationId) where.push(eq(users.organisationId, filters.organisationId));
  if (filters.active !== undefined) where.push(eq(users.active, filters.active));
  const condition = and(...where);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(users).where(condition);
  const rows = await db
    .select()
    .from(users)
    .where(condition)
    .orderBy(asc(users.username))
    .limit(filters.limit)
    .offset(filters.offset);
  return { rows: await attachAccess(db, rows), total };
}

export async function findInScope(db: Db, actor: Actor, id: string): Promise<UserWithAccess | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScope(actor)));
  if (!row) return undefined;
  const [withAccess] = await attachAccess(db, [row]);
  return withAccess;
}

async function attachAccess(db: Db, rows: UserRow[]): Promise<UserWithAccess[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [roleRows, areaRows, staffRows] = await Promise.all([
    db.select().from(userRoles).where(inArray(userRoles.userId, ids)),
    db.select().from(userAreas).where(inArray(userAreas.userId, ids)),
    db.select().from(facilityStaff).where(inArray(facilityStaff.userId, ids)),
  ]);
  return rows.map((row) => ({
    ...row,
    roles: roleRows
      .filter((r) => r.userId === row.id)
      .map((r) => r.role)
      .filter(isRole)
      .sort(),
    areaCodes: areaRows
      .filter((a) => a.userId === row.id)
      .map((a) => a.placeCode)
      .sort(),
    facilityIds: staffRows.filter((s) => s.userId === row.id).map((s) => s.facilityId),
  }));
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone?: string | null;
  passwordHash: string;
  organisationId: string | null;
  locale: Locale;
  nationalArea: boolean;
  isDemo?: boolean;
}

export async function insert(db: Db, user: NewUser, roles: readonly Role[], areaCodes: readonly string[]) {
  await db.insert(users).values(user);
  await replaceAccess(db, user.id, roles, areaCodes);
}

export async function replaceAccess(
  db: Db,
  userId: string,
  roles: readonly Role[],
  areaCodes: readonly string[],
) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  await db.delete(userAreas).where(eq(userAreas.userId, userId));
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
  if (areaCodes.length)
    await db.insert(userAreas).values(areaCodes.map((placeCode) => ({ userId, placeCode })));
}

/** The facilities a user runs, replaced as a whole. */
export async function replaceFacilities(db: Db, userId: string, facilityIds: readonly string[]) {
  await db.delete(facilityStaff).where(eq(facilityStaff.userId, userId));
  if (facilityIds.length)
    await db.insert(facilityStaff).values(facilityIds.map((facilityId) => ({ userId, facilityId })));
}

export async function update(db: Db, id: string, values: Partial<typeof users.$inferInsert>, now: Date) {
  await db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(eq(users.id, id));
}

/**
 * Counts a failed sign-in in one statement, so that attempts arriving together cannot lose a count;
 * at `max` the count starts again and the account is locked until `lockUntil`.
 */
export async function recordFailedSignIn(db: Db, id: string, max: number, lockUntil: Date, now: Date) {
  const reached = sql`${users.failedSignIns} + 1 >= ${max}`;
  const [row] = await db
    .update(users)
    .set({
      failedSignIns: sql`case when ${reached} then 0 else ${users.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
      updatedAt: now,
    })
    .where(eq(users.id, id))
    .returning({ failedSignIns: users.failedSignIns });
  const locked = row.failedSignIns === 0;
  return { failures: locked ? max : row.failedSignIns, locked };
}

/** Until when a name without an account is locked (recordFailedUnknownSignIn), or null. */
export async function unknownNameLockedUntil(db: Db, name: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: unknownSignIns.lockedUntil })
    .from(unknownSignIns)
    .where(eq(unknownSignIns.name, name.toLowerCase()));
  return row?.lockedUntil ?? null;
}

/**
 * recordFailedSignIn for a name that has no account: the same count in one statement, the same lock
 * at `max`, so that the answers at the threshold are a real account's.
 */
export async function recordFailedUnknownSignIn(
  db: Db,
  name: string,
  max: number,
  lockUntil: Date,
  now: Date,
) {
  const reached = sql`${unknownSignIns.failedSignIns} + 1 >= ${max}`;
  const first = 1 >= max;
  const [row] = await db
    .insert(unknownSignIns)
    .values({
      name: name.toLowerCase(),
      failedSignIns: first ? 0 : 1,
      lockedUntil: first ? lockUntil : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: unknownSignIns.name,
      set: {
        failedSignIns: sql`case when ${reached} then 0 else ${unknownSignIns.failedSignIns} + 1 end`,
        lockedUntil: sql`case when ${reached} then ${lockUntil.toISOString()}::timestamptz else ${unknownSignIns.lockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning({ failedSignIns: unknownSignIns.failedSignIns });
  const locked = row!.failedSignIns === 0;
  return { failures: locked ? max : row!.failedSignIns, locked };
}

/**
 * Takes the 30-second step of a TOTP code for the user's sign-in, in one statement: false when that
 * step or a later one was taken already (the code was used: a replay within its window).
 */
export async function claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function usernameTaken(db: Db, username: string, exceptId?: string): Promise<boolean> {
  const row = await findByUsername(db, username);
  return row !== undefined && row.id !== exceptId;
}

export async function listRoleSettings(db: Db) {
  return db.select().from(roleSettings);
}

export async function setRoleRequiresTotp(db: Db, role: Role, requireTotp: boolean, now: Date) {
  await db
    .insert(roleSettings)
    .values({ role, requireTotp })
    .onConflictDoUpdate({ target: roleSettings.role, set: { requireTotp, updatedAt: now } });
}
