import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { RecordName } from "../../../contracts/audit-actions";
import type { OrganisationInput } from "../../../contracts/organisations";
import type { Db } from "../../db/database";
import { authorize, hasRole, inArea } from "../../platform/access";
import { bilingualLabel, created, diff } from "../../platform/audit";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, notFound } from "../../platform/errors";
import * as places from "../places/places.service";
import { organisationPolicy } from "./organisations.policy";
import * as repo from "./organisations.repo";

type Input = z.infer<typeof OrganisationInput>;
const FIELDS = ["nameKm", "nameEn", "kind", "placeCode", "active"] as const;

type Row = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

/** Organisations with the names of their places (from the gazetteer, through the places module). */
async function presentAll(db: Db, rows: Row[]) {
  const codes = rows.map((row) => row.organisation.placeCode).filter((code): code is string => code !== null);
  const placeByCode = new Map((await places.findMany(db, codes)).map((place) => [place.code, place]));
  return rows.map(({ organisation: o, userCount }) => {
    const place = o.placeCode ? placeByCode.get(o.placeCode) : undefined;
    return {
      id: o.id,
      nameKm: o.nameKm,
      nameEn: o.nameEn,
      kind: o.kind,
      placeCode: o.placeCode,
      placeNameKm: place?.nameKm ?? null,
      placeNameEn: place?.nameEn ?? null,
      active: o.active,
      isDemo: o.isDemo,
      userCount,
      createdAt: o.createdAt.toISOString(),
    };
  });
}

/** Names of organisations by id, in both languages (users show their organisation's name). */
export async function namesOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { nameEn: string; nameKm: string }>> {
  const rows = await repo.findMany(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { nameEn: row.nameEn, nameKm: row.nameKm }]));
}

/** Organisations' names for the audit log. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const names = await namesOf(db, ids);
  return new Map([...names].map(([id, name]) => [id, { km: name.nameKm, en: name.nameEn }]));
}

export async function list(
  ctx: Ctx,
  filters: Parameters<typeof repo.list>[1],
  userCountSql: repo.UserCountSql,
) {
  authorize(organisationPolicy, "organisation:read", ctx.actor, null);
  return { items: await presentAll(ctx.db, await repo.list(ctx.db, filters, userCountSql)) };
}

export async function get(ctx: Ctx, id: string, userCountSql: repo.UserCountSql) {
  authorize(organisationPolicy, "organisation:read", ctx.actor, null);
  const row = await repo.find(ctx.db, id, userCountSql);
  if (!row) throw notFound("organisation");
  const [presented] = await presentAll(ctx.db, [row]);
  return presented;
}

export async function exists(db: Db, id: string): Promise<boolean> {
  return (await repo.findRow(db, id)) !== undefined;
}

/** The place must exist and, for an administrator of an area, lie in it (said on the field, as for facilities). */
async function assertPlace(ctx: Ctx, placeCode: string | null | undefined) {
  if (!placeCode) return;
  if ((await places.findMany(ctx.db, [placeCode])).length === 0) {
    throw badRequest("validation_failed", [
      { path: "placeCode", code: "unknown_place", params: { code: placeCode } },
    ]);
  }
  if (hasRole(ctx.actor, "admin") && !inArea(ctx.actor, placeCode)) {
    throw badRequest("validation_failed", [
      { path: "placeCode", code: "place_out_of_area", params: { code: placeCode } },
    ]);
  }
}

export async function create(ctx: Ctx, input: Input, userCountSql: repo.UserCountSql) {
  const id = uuidv7();
  const values = { ...input, placeCode: input.placeCode ?? null };
  await creation(ctx, {
    input: values,
    check: (organisation) => assertPlace(ctx, organisation.placeCode),
    requires: requires(
      organisationPolicy,
      "organisation:manage",
      (organisation: typeof values) => organisation,
    ),
    write: (tx, organisation) => repo.insert(tx, { id, ...organisation }),
    audit: (organisation) => ({
      action: "organisation.created",
      entityType: "organisation",
      entityId: id,
      label: bilingualLabel(organisation),
      placeCode: organisation.placeCode,
      changes: created(organisation, FIELDS),
    }),
  });
  return get(ctx, id, userCountSql);
}

export async function update(ctx: Ctx, id: string, input: Input, userCountSql: repo.UserCountSql) {
  const values = { ...input, placeCode: input.placeCode ?? null };
  await command(ctx, {
    entity: "organisation",
    load: (db) => repo.findRow(db, id),
    // Both where it is and where it is moved to must be the administrator's to keep.
    requires: requires(organisationPolicy, "organisation:manage", (before: repo.OrganisationRow) => before),
    check: async () => {
      await assertPlace(ctx, values.placeCode);
      authorize(organisationPolicy, "organisation:manage", ctx.actor, { placeCode: values.placeCode });
    },
    write: async (tx, _before, now) => {
      await repo.update(tx, id, values, now);
      return values;
    },
    audit: (before) => ({
      action: "organisation.updated",
      entityType: "organisation",
      entityId: id,
      label: bilingualLabel(values),
      placeCode: values.placeCode,
      changes: diff(before, { ...before, ...values }, FIELDS),
    }),
  });
  return get(ctx, id, userCountSql);
}
