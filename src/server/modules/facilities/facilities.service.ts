import { uuidv7 } from "uuidv7";
import type { RecordName } from "../../../contracts/audit-actions";
import type { FacilityInput } from "../../../contracts/facilities";
import { lineageOf } from "../../../domain/places";
import { hasKhmer, khmerSearchKey, latinSearchKey } from "../../../domain/search-key";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import type { Actor, LinkedFacility } from "../../platform/actor";
import { bilingualLabel, created, diff } from "../../platform/audit";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import * as places from "../places/places.service";
import { facilityPolicy } from "./facilities.policy";
import { type Lookups, presentFacility, presentListItem } from "./facilities.presenter";
import { AUDITED_FIELDS, auditable, columnsOf } from "./facilities.record";
import * as repo from "./facilities.repo";
import { checkReferences, type ReferenceSets } from "./facilities.validation";

async function lookups(db: Db, rows: repo.FacilityRow[], extraPlaceCodes: string[] = []): Promise<Lookups> {
  const placeCodes = new Set(extraPlaceCodes);
  for (const row of rows) {
    for (const code of lineageOf(row.villageCode ?? row.communeCode)) placeCodes.add(code);
  }
  const [kinds, serviceTypes, placeRows] = await Promise.all([
    repo.kinds(db),
    repo.serviceTypeList(db),
    places.findMany(db, [...placeCodes]),
  ]);
  return {
    kinds: new Map(kinds.map((kind) => [kind.code, kind])),
    serviceTypes: new Map(serviceTypes.map((type) => [type.code, type])),
    places: new Map(placeRows.map((place) => [place.code, place])),
  };
}

/** Kinds, service types and the places an input names, for checkReferences. */
export async function referenceSets(db: Db, placeCodes: readonly string[]): Promise<ReferenceSets> {
  const [kinds, serviceTypes, placeRows] = await Promise.all([
    repo.kinds(db),
    repo.serviceTypeList(db),
    places.findMany(db, placeCodes),
  ]);
  return {
    kindCodes: new Set(kinds.map((kind) => kind.code)),
    activeServiceTypeCodes: new Set(serviceTypes.filter((type) => type.active).map((type) => type.code)),
    places: new Map(placeRows.map((place) => [place.code, place])),
  };
}

function normaliseQuery(q: string | undefined): string | undefined {
  if (!q) return undefined;
  const key = hasKhmer(q) ? khmerSearchKey(q) : latinSearchKey(q);
  return key || undefined;
}

export async function list(ctx: Ctx, query: Omit<Parameters<typeof repo.list>[2], "locale">) {
  const { rows, total } = await repo.list(ctx.db, ctx.actor, {
    ...query,
    locale: ctx.locale,
    q: normaliseQuery(query.q),
  });
  const [services, lookup] = await Promise.all([
    repo.servicesOf(
      ctx.db,
      rows.map((row) => row.id),
    ),
    lookups(ctx.db, rows),
  ]);
  const items = rows.map((row) =>
    presentListItem(
      row,
      services.filter((s) => s.facilityId === row.id).map((s) => s.serviceTypeCode),
      lookup,
    ),
  );
  return { items, total, limit: query.limit, offset: query.offset };
}

export async function mapData(ctx: Ctx, query: repo.FacilityFilters) {
  const rows = await repo.mapPoints(ctx.db, ctx.actor, { ...query, q: normaliseQuery(query.q) });
  const points = rows.filter(
    (row): row is typeof row & { lat: number; lng: number } => row.lat !== null && row.lng !== null,
  );
  return { points, withoutLocation: rows.length - points.length };
}

export async function get(ctx: Ctx, id: string) {
  const row = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound("facility");
  return presentWithDetails(ctx, row);
}

async function presentWithDetails(ctx: Ctx, row: repo.FacilityRow) {
  const [services, catchment] = await Promise.all([
    repo.servicesOf(ctx.db, [row.id]),
    repo.catchmentOf(ctx.db, row.id),
  ]);
  const catchmentCodes = catchment.map((c) => c.placeCode).sort();
  const lookup = await lookups(ctx.db, [row], catchmentCodes);
  const record = { communeCode: row.communeCode };
  return presentFacility(row, services.map((s) => s.serviceTypeCode).sort(), catchmentCodes, lookup, {
    update: can(facilityPolicy, "facility:update", ctx.actor, record),
    deactivate: can(facilityPolicy, "facility:deactivate", ctx.actor, record),
  });
}

async function assertValid(ctx: Ctx, input: FacilityInput, exceptId?: string) {
  const codes = [
    input.communeCode,
    ...(input.villageCode ? [input.villageCode] : []),
    ...input.catchmentCodes,
  ];
  const errors = checkReferences(input, await referenceSets(ctx.db, codes), ctx.actor);
  if (errors.length) throw badRequest("validation_failed", errors);
  const [clash] = await repo.findByCodes(ctx.db, [input.code]);
  if (clash && clash.id !== exceptId) {
    throw conflict("validation_failed", [
      { path: "code", code: "duplicate_facility_code", params: { code: input.code } },
    ]);
  }
}

export async function create(ctx: Ctx, input: FacilityInput) {
  const row = await creation(ctx, {
    // Someone who may not edit the registry at all hears so before any field check.
    requires: requires(facilityPolicy, "facility:write"),
    input,
    check: async (facility) => {
      await assertValid(ctx, facility);
      authorize(facilityPolicy, "facility:create", ctx.actor, facility);
    },
    write: async (tx, facility) => {
      const inserted = await repo.insert(tx, {
        id: uuidv7(),
        ...columnsOf(facility),
        createdBy: ctx.actor.id,
      });
      await repo.replaceServices(tx, inserted.id, unique(facility.serviceTypeCodes));
      await repo.replaceCatchment(tx, inserted.id, unique(facility.catchmentCodes));
      return inserted;
    },
    audit: (facility, inserted) => ({
      action: "facility.created",
      entityType: "facility",
      entityId: inserted.id,
      label: bilingualLabel(inserted),
      placeCode: inserted.communeCode,
      changes: created(
        auditable(facility, facility.serviceTypeCodes, facility.catchmentCodes),
        AUDITED_FIELDS,
      ),
    }),
  });
  return presentWithDetails(ctx, row);
}

export async function update(ctx: Ctx, id: string, input: FacilityInput & { version: number }) {
  const row = await command(ctx, {
    entity: "facility",
    load: (db) => repo.findInScope(db, ctx.actor, id),
    requires: requires(facilityPolicy, "facility:update", (before: repo.FacilityRow) => before),
    check: async () => {
      await assertValid(ctx, input, id);
      // Moving a facility: the new commune must be in the area too.
      authorize(facilityPolicy, "facility:update", ctx.actor, input);
    },
    write: async (tx, _before, now) => {
      // What the event compares with: the links as they were, read in the change's transaction.
      const [servicesBefore, catchmentBefore] = await Promise.all([
        repo.servicesOf(tx, [id]),
        repo.catchmentOf(tx, id),
      ]);
      const updated = await repo.update(tx, id, input.version, columnsOf(input), now);
      if (!updated) return null;
      await repo.replaceServices(tx, id, unique(input.serviceTypeCodes));
      await repo.replaceCatchment(tx, id, unique(input.catchmentCodes));
      return { updated, servicesBefore, catchmentBefore };
    },
    audit: (before, { updated, servicesBefore, catchmentBefore }) => ({
      action: "facility.updated",
      entityType: "facility",
      entityId: id,
      label: bilingualLabel(updated),
      placeCode: updated.communeCode,
      changes: diff(
        auditable(
          before,
          servicesBefore.map((s) => s.serviceTypeCode),
          catchmentBefore.map((c) => c.placeCode),
        ),
        auditable(updated, unique(input.serviceTypeCodes), unique(input.catchmentCodes)),
        AUDITED_FIELDS,
      ),
    }),
  });
  return presentWithDetails(ctx, row.updated);
}

/** Deactivation, never deletion: records elsewhere refer to facilities. */
export async function setActive(ctx: Ctx, id: string, active: boolean, version: number, reason?: string) {
  const row = await command(ctx, {
    entity: "facility",
    load: (db) => repo.findInScope(db, ctx.actor, id),
    requires: requires(facilityPolicy, "facility:deactivate", (before: repo.FacilityRow) => before),
    check: (before) => {
      if (before.active === active) throw new AppError(409, active ? "already_active" : "already_inactive");
    },
    write: (tx, _before, now) =>
      repo.update(
        tx,
        id,
        version,
        {
          active,
          deactivatedAt: active ? null : now,
          deactivationReason: active ? null : (reason ?? null),
        },
        now,
      ),
    audit: (before, updated) => ({
      action: active ? "facility.reactivated" : "facility.deactivated",
      entityType: "facility",
      entityId: id,
      label: bilingualLabel(updated),
      placeCode: updated.communeCode,
      changes: diff(before, updated, ["active", "deactivationReason"]),
    }),
  });
  return presentWithDetails(ctx, row);
}

export async function referenceData(db: Db) {
  const [kinds, serviceTypes] = await Promise.all([repo.kinds(db), repo.serviceTypeList(db)]);
  return {
    kinds: kinds.map((k) => ({ code: k.code, nameKm: k.nameKm, nameEn: k.nameEn, isafSector: k.isafSector })),
    serviceTypes: serviceTypes.map((t) => ({
      code: t.code,
      nameKm: t.nameKm,
      nameEn: t.nameEn,
      active: t.active,
    })),
  };
}

export async function counts(ctx: Ctx) {
  const { byKind, byProvince } = await repo.counts(ctx.db, ctx.actor);
  const provinces = new Map(
    (
      await places.findMany(
        ctx.db,
        byProvince.map((p) => p.provinceCode),
      )
    ).map((p) => [p.code, p]),
  );
  return {
    total: byKind.reduce((sum, row) => sum + row.count, 0),
    byKind,
    byProvince: byProvince
      .filter((row) => provinces.has(row.provinceCode))
      .map((row) => {
        const p = provinces.get(row.provinceCode)!;
        return {
          province: { code: p.code, level: p.level, type: p.type, nameKm: p.nameKm, nameEn: p.nameEn },
          count: row.count,
        };
      }),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * For the public results pages (no session, no area): an active facility of an ISAF sector, with its
 * public columns only; undefined for anything else.
 */
export async function publicIsafFacility(db: Db, id: string) {
  const [row] = await repo.findPublicIsaf(db, { id });
  return row;
}

/** An active ISAF-sector facility by its code, any case (an SMS names a facility by code). */
export async function publicIsafFacilityByCode(db: Db, code: string) {
  const [row] = await repo.findPublicIsaf(db, { code });
  return row;
}

/** The active ISAF-sector facilities of a commune, public columns only (public results pages). */
export function publicIsafFacilitiesOfCommune(db: Db, communeCode: string) {
  return repo.findPublicIsaf(db, { communeCode });
}

export type PlannableFacility = repo.PlannableFacility;

/**
 * For planning ISAF cycles (isaf's planning.service): the active facilities of an ISAF-sector kind
 * among `kindCodes`, in these communes and in the actor's area (only `ids`, when given), by commune,
 * kind and code.
 */
export function plannableFacilities(
  db: Db,
  actor: Actor,
  where: { kindCodes: readonly string[]; communeCodes: readonly string[]; ids?: readonly string[] },
): Promise<PlannableFacility[]> {
  return repo.findPlannable(db, actor, where);
}

/** Facilities by id with their place, for linking staff to them (users module); unknown ids are left out. */
export async function placesOfFacilities(db: Db, ids: readonly string[]) {
  const rows = await repo.findByIds(db, ids);
  return rows.map((row) => ({ id: row.id, communeCode: row.communeCode, active: row.active }));
}

/** What the access rules need of the facilities a user runs (Actor.facilities), by id. */
export async function linksOf(db: Db, ids: readonly string[]): Promise<LinkedFacility[]> {
  const rows = await repo.findByIds(db, ids);
  return rows
    .map((row) => ({ id: row.id, kindCode: row.kindCode, communeCode: row.communeCode }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How the facilities a user runs are shown on her record, by code. */
export async function summariesOf(db: Db, ids: readonly string[]) {
  const rows = await repo.findByIds(db, ids);
  return rows
    .map((row) => ({
      id: row.id,
      code: row.code,
      kindCode: row.kindCode,
      nameKm: row.nameKm,
      nameEn: row.nameEn,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * How another module shows a facility with its place (an ISAF cycle's page): the summary, its
 * commune and its village, by id (unknown ids are left out).
 */
export async function placedSummariesOf(db: Db, ids: readonly string[]) {
  const rows = await repo.findByIds(db, ids);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        code: row.code,
        kindCode: row.kindCode,
        nameKm: row.nameKm,
        nameEn: row.nameEn,
        communeCode: row.communeCode,
        villageCode: row.villageCode,
      },
    ]),
  );
}

/** Every facility's code as an SQL relation (id, code), to order another module's list by facility code in one statement. */
export const facilityCodesSql = repo.codesSql;

/** Facilities' names with their codes, for the audit log. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const rows = await repo.findByIds(db, ids);
  return new Map(
    rows.map((row) => [row.id, { km: `${row.nameKm} (${row.code})`, en: `${row.nameEn} (${row.code})` }]),
  );
}
