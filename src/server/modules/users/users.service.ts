import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { User, UserCreate, UserUpdate } from "../../../contracts/users";
import { formatPhone, normalisePhone } from "../../../domain/feedback/phone";
import { isInArea } from "../../../domain/places";
import { ROLES, type Role } from "../../../domain/roles";
import { areaCovers, authorize } from "../../platform/access";
import { created, diff } from "../../platform/audit";
import { allOf, command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import { assertPasswordAcceptable, hashPassword } from "../../platform/passwords";
import * as facilities from "../facilities/facilities.service";
import * as organisations from "../organisations/organisations.service";
import * as places from "../places/places.service";
import * as sessions from "./sessions.repo";
import { userPolicy } from "./users.policy";
import * as repo from "./users.repo";

/** Users the actor may see, as an SQL subquery of ids, for other modules' scopes (the audit log). */
export const userIdsInScope = repo.idsInScope;

type OrganisationNames = Map<string, { nameEn: string; nameKm: string }>;

/** Users with their organisation's name in both languages (looked up through the organisations module). */
async function presentAll(ctx: Ctx, rows: repo.UserWithAccess[]): Promise<User[]> {
  const [names, runs] = await Promise.all([
    organisations.namesOf(
      ctx.db,
      rows.map((row) => row.organisationId).filter((id): id is string => id !== null),
    ),
    facilities.summariesOf(
      ctx.db,
      rows.flatMap((row) => row.facilityIds),
    ),
  ]);
  const now = ctx.clock.now();
  return rows.map((row) => present(row, names, runs, now));
}

type FacilitySummaries = Awaited<ReturnType<typeof facilities.summariesOf>>;

function present(
  row: repo.UserWithAccess,
  names: OrganisationNames,
  runs: FacilitySummaries,
  now: Date,
): User {
  const organisation = row.organisationId ? names.get(row.organisationId) : undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone ? formatPhone(row.phone) : null,
    organisationId: row.organisationId,
    organisationName: organisation?.nameEn ?? null,
    organisationNameKm: organisation?.nameKm ?? null,
    roles: row.roles,
    area: { national: row.nationalArea, codes: row.areaCodes },
    facilities: runs.filter((facility) => row.facilityIds.includes(facility.id)),
    locale: row.locale,
    active: row.active,
    totpEnabled: row.totpEnabled,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function list(
  ctx: Ctx,
  query: Omit<repo.UserFilters, "active"> & { status: "active" | "inactive" | "all" },
) {
  authorize(userPolicy, "user:read", ctx.actor, null);
  const active = query.status === "all" ? undefined : query.status === "active";
  const { rows, total } = await repo.list(ctx.db, ctx.actor, { ...query, active });
  return { items: await presentAll(ctx, rows), total, limit: query.limit, offset: query.offset };
}

async function findOrFail(ctx: Ctx, id: string) {
  authorize(userPolicy, "user:read", ctx.actor, null);
  const row = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound("user");
  return row;
}

export async function get(ctx: Ctx, id: string): Promise<User> {
  const [user] = await presentAll(ctx, [await findOrFail(ctx, id)]);
  return user;
}

/** The area must be non-empty, made of real places, and inside the granting administrator's own area. */
async function assertAreaGrantable(ctx: Ctx, area: { national: boolean; codes: string[] }) {
  if (!area.national && area.codes.length === 0)
    throw badRequest("validation_failed", [{ path: "area", code: "area_required" }]);
  const known = new Set((await places.findMany(ctx.db, area.codes)).map((place) => place.code));
  const unknown = area.codes.findIndex((code) => !known.has(code));
  if (unknown >= 0) {
    throw badRequest("validation_failed", [
      { path: `area.codes.${unknown}`, code: "unknown_place", params: { code: area.codes[unknown] } },
    ]);
  }
  if (!areaCovers(ctx.actor, area))
    throw badRequest("validation_failed", [{ path: "area", code: "area_outside_yours" }]);
}

/**
 * The facilities a service provider runs (her citizens' messages are theirs), as they will be stored:
 * only for the service-provider role; a facility newly linked must exist, be open and lie inside the
 * user's area (errors by the request's index). A link she already had is not checked again, so that
 * a facility moved or closed since never blocks an update (switching her off included); one left
 * outside a narrowed area is dropped, which the audit's facilityIds change shows.
 */
async function linkableFacilities(
  ctx: Ctx,
  roles: readonly Role[],
  area: { national: boolean; codes: readonly string[] },
  requested: readonly string[],
  linkedBefore: readonly string[] = [],
): Promise<string[]> {
  if (requested.length === 0) return [];
  if (!roles.includes("service_provider"))
    throw badRequest("validation_failed", [{ path: "facilityIds", code: "facilities_need_provider" }]);
  const found = new Map(
    (await facilities.placesOfFacilities(ctx.db, requested)).map((facility) => [facility.id, facility]),
  );
  const errors = requested.flatMap((id, index): FieldError[] => {
    if (linkedBefore.includes(id)) return [];
    const facility = found.get(id);
    if (!facility) return [{ path: `facilityIds.${index}`, code: "unknown_facility" }];
    if (!facility.active) return [{ path: `facilityIds.${index}`, code: "facility_inactive" }];
    if (!isInArea(facility.communeCode, area))
      return [{ path: `facilityIds.${index}`, code: "facility_outside_user_area" }];
    return [];
  });
  if (errors.length) throw badRequest("validation_failed", errors);
  const inArea = requested.filter((id) => {
    const facility = found.get(id);
    return facility !== undefined && isInArea(facility.communeCode, area);
  });
  return [...new Set(inArea)].sort();
}

/** A work phone in canonical digits, or null; a field error for anything that is no Cambodian number. */
function workPhone(typed: string | null | undefined): string | null {
  if (!typed) return null;
  const phone = normalisePhone(typed);
  if (!phone) throw badRequest("validation_failed", [{ path: "phone", code: "phone_invalid" }]);
  return phone;
}

async function assertOrganisation(ctx: Ctx, organisationId: string | null | undefined) {
  if (organisationId && !(await organisations.exists(ctx.db, organisationId))) {
    throw badRequest("validation_failed", [{ path: "organisationId", code: "unknown_organisation" }]);
  }
}

/** Managing a user: an administrator (who may read users too); the user in her scope, else 404. */
const manages = allOf(requires(userPolicy, "user:manage"), requires(userPolicy, "user:read"));

const CREATED_FIELDS = [
  "username",
  "displayName",
  "roles",
  "area",
  "facilityIds",
  "phone",
  "organisationId",
] as const;

export async function create(ctx: Ctx, input: z.infer<typeof UserCreate>): Promise<User> {
  const id = uuidv7();
  const roles = [...new Set(input.roles)] as Role[];
  const codes = [...new Set(input.area.codes)];
  // Worked out by the checks (the facilities as they will be linked, the phone, the password's hash).
  let prepared: { facilityIds: string[]; phone: string | null; passwordHash: string } | undefined;
  await creation(ctx, {
    requires: requires(userPolicy, "user:manage"),
    input,
    check: async () => {
      if (await repo.usernameTaken(ctx.db, input.username)) {
        throw conflict("validation_failed", [
          { path: "username", code: "duplicate_username", params: { username: input.username } },
        ]);
      }
      assertPasswordAcceptable(input.password, input.username);
      await assertAreaGrantable(ctx, input.area);
      await assertOrganisation(ctx, input.organisationId);
      const facilityIds = await linkableFacilities(ctx, roles, input.area, input.facilityIds);
      const phone = workPhone(input.phone);
      prepared = { facilityIds, phone, passwordHash: await hashPassword(input.password) };
    },
    write: async (tx) => {
      const { facilityIds, phone, passwordHash } = prepared!;
      await repo.insert(
        tx,
        {
          id,
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          phone,
          passwordHash,
          organisationId: input.organisationId ?? null,
          locale: input.locale,
          nationalArea: input.area.national,
        },
        roles,
        input.area.national ? [] : codes,
      );
      await repo.replaceFacilities(tx, id, facilityIds);
      return { facilityIds, phone };
    },
    audit: (_input, { facilityIds, phone }) => ({
      action: "user.created",
      entityType: "user",
      entityId: id,
      label: input.username,
      changes: created(
        {
          username: input.username,
          displayName: input.displayName,
          roles,
          area: input.area,
          facilityIds,
          phone,
          organisationId: input.organisationId ?? null,
        },
        CREATED_FIELDS,
      ),
    }),
  });
  return get(ctx, id);
}

const UPDATED_FIELDS = [
  "displayName",
  "email",
  "phone",
  "organisationId",
  "locale",
  "active",
  "roles",
  "area",
  "facilityIds",
] as const;

export async function update(ctx: Ctx, id: string, input: z.infer<typeof UserUpdate>): Promise<User> {
  const roles = [...new Set(input.roles)].sort() as Role[];
  const area = {
    national: input.area.national,
    codes: input.area.national ? [] : [...new Set(input.area.codes)].sort(),
  };
  // The user as the checks leave her: her facilities (as they will be linked) and phone.
  let after: { facilityIds: string[]; phone: string | null } | undefined;
  await command(ctx, {
    entity: "user",
    requires: manages,
    load: (db) => repo.findInScope(db, ctx.actor, id),
    check: async (before) => {
      const facilitiesBefore = [...before.facilityIds].sort();
      const keptFacilities = roles.includes("service_provider") ? facilitiesBefore : [];
      const facilityIds = await linkableFacilities(
        ctx,
        roles,
        area,
        input.facilityIds ?? keptFacilities,
        facilitiesBefore,
      );
      const accessChanged =
        JSON.stringify(roles) !== JSON.stringify(before.roles) ||
        JSON.stringify(area) !== JSON.stringify({ national: before.nationalArea, codes: before.areaCodes }) ||
        JSON.stringify(facilityIds) !== JSON.stringify(facilitiesBefore) ||
        !input.active;
      if (id === ctx.actor.id && accessChanged) throw badRequest("cannot_change_own_access");
      await assertAreaGrantable(ctx, area);
      await assertOrganisation(ctx, input.organisationId);
      after = { facilityIds, phone: input.phone === undefined ? before.phone : workPhone(input.phone) };
    },
    write: async (tx, _before, now) => {
      const { facilityIds, phone } = after!;
      const values = {
        displayName: input.displayName,
        email: input.email ?? null,
        phone,
        organisationId: input.organisationId ?? null,
        locale: input.locale,
        active: input.active,
      };
      await repo.update(tx, id, { ...values, nationalArea: area.national }, now);
      await repo.replaceAccess(tx, id, roles, area.codes);
      await repo.replaceFacilities(tx, id, facilityIds);
      // Switching someone off ends their sessions at once.
      if (!input.active) await sessions.removeAllOfUser(tx, id);
      return { ...values, roles, area, facilityIds };
    },
    audit: (before, updated) => ({
      action: "user.updated",
      entityType: "user",
      entityId: id,
      label: before.username,
      changes: diff(
        {
          displayName: before.displayName,
          email: before.email,
          phone: before.phone,
          organisationId: before.organisationId,
          locale: before.locale,
          active: before.active,
          roles: before.roles,
          area: { national: before.nationalArea, codes: before.areaCodes },
          facilityIds: [...before.facilityIds].sort(),
        },
        updated,
        UPDATED_FIELDS,
      ),
    }),
  });
  return get(ctx, id);
}

/** An administrator sets a new password (the user's sessions end) and clears a lockout. */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<User> {
  let passwordHash = "";
  await command(ctx, {
    entity: "user",
    requires: manages,
    load: (db) => repo.findInScope(db, ctx.actor, id),
    check: async (user) => {
      assertPasswordAcceptable(password, user.username);
      passwordHash = await hashPassword(password);
    },
    write: async (tx, _user, now) => {
      await repo.update(tx, id, { passwordHash, failedSignIns: 0, lockedUntil: null }, now);
      await sessions.removeAllOfUser(tx, id);
      return id;
    },
    audit: (user) => ({
      action: "user.password_reset",
      entityType: "user",
      entityId: id,
      label: user.username,
    }),
  });
  return get(ctx, id);
}

export async function roleSettings(ctx: Ctx) {
  authorize(userPolicy, "user:read", ctx.actor, null);
  const rows = await repo.listRoleSettings(ctx.db);
  const required = new Set(rows.filter((row) => row.requireTotp).map((row) => row.role));
  return { items: ROLES.map((role) => ({ role, requireTotp: required.has(role) })) };
}

export async function setRoleSetting(ctx: Ctx, role: Role, requireTotp: boolean) {
  await command(ctx, {
    entity: "role",
    requires: requires(userPolicy, "role:manage"),
    load: async (db) => ({
      requireTotp: (await repo.listRoleSettings(db)).find((row) => row.role === role)?.requireTotp ?? false,
    }),
    write: async (tx, _before, now) => {
      await repo.setRoleRequiresTotp(tx, role, requireTotp, now);
      return requireTotp;
    },
    audit: (before) => ({
      action: "role.settings_changed",
      entityType: "role",
      entityId: role,
      changes: { requireTotp: { from: before.requireTotp, to: requireTotp } },
    }),
  });
  return roleSettings(ctx);
}
