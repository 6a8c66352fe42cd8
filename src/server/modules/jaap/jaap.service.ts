import { uuidv7 } from "uuidv7";
import type { RecordName } from "../../../contracts/audit-actions";
import type { ActionInput, ActionListQuery } from "../../../contracts/jaap";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import { created, diff } from "../../platform/audit";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import * as rollups from "../../platform/rollups/rollups.engine";
import * as facilities from "../facilities/facilities.service";
import * as indicatorRefs from "../isaf/catalogue.service";
import { type CycleInScope, findCycleInScope, getCycleInScope } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as directory from "../users/people.service";
import { JAAP_ACTION_FACT } from "./jaap.facts";
import { ACTION_STATUS_NAMES } from "./jaap.messages";
import { jaapPolicy } from "./jaap.policy";
import {
  type ActionListRow,
  type FacilityRef,
  groupIndicators,
  type IndicatorsByAction,
  isOpen,
  presentAction,
  presentDetail,
  presentListItem,
} from "./jaap.presenter";
import * as repo from "./jaap.repo";

/**
 * The Joint Accountability Action Plan (issue 3, part 7): actions tied to indicators, with an owner,
 * resources, a deadline and a status, followed through the year with progress updates and photos.
 * Every change to an action moves the dashboard counters (rollups.tracked) and is audited.
 */

/** Each action's indicators in catalogue order: its links, then one look-up of the indicators (isaf). */
async function indicatorsOf(db: Db, actionIds: readonly string[]): Promise<IndicatorsByAction> {
  const links = await repo.indicatorLinksOf(db, actionIds);
  const refs = await indicatorRefs.indicatorRefsOf(
    db,
    links.map((link) => link.indicatorId),
  );
  return groupIndicators(
    links
      .flatMap((link) => {
        const indicator = refs.get(link.indicatorId);
        return indicator ? [{ actionId: link.actionId, indicator }] : [];
      })
      .sort((a, b) => indicatorRefs.byCatalogueOrder(a.indicator, b.indicator)),
  );
}

/**
 * A page of actions with their facility and the responsible person's name: one look-up of the page's
 * facilities (facilities.service) and one of the names (people.service), with those of `alsoNamed`.
 */
async function withNames(db: Db, rows: repo.ActionPageRow[], alsoNamed: readonly (string | null)[] = []) {
  const [facilityRows, names] = await Promise.all([
    facilities.summariesOf(db, [...new Set(rows.map((row) => row.facilityId))]),
    directory.namesOf(db, [...rows.map((row) => row.action.responsibleUserId), ...alsoNamed]),
  ]);
  const facilityById = new Map<string, FacilityRef>(
    facilityRows.map((f) => [f.id, { id: f.id, code: f.code, nameKm: f.nameKm, nameEn: f.nameEn }]),
  );
  const shown = rows.flatMap(({ facilityId, ...row }): ActionListRow[] => {
    const facility = facilityById.get(facilityId);
    if (!facility) return [];
    const responsible = row.action.responsibleUserId;
    return [{ ...row, facility, responsibleDisplayName: (responsible && names.get(responsible)) ?? null }];
  });
  return { rows: shown, names };
}

/** For the public pages: a facility's actions over the years, without the names of people. */
export async function publicActionsOfFacility(db: Db, facilityId: string) {
  const rows = await repo.actionsOfFacility(db, facilityId);
  const indicators = await indicatorsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    year: row.year,
    title: row.title,
    responsibleParty: row.responsibleParty,
    deadline: row.deadline,
    status: row.status,
    indicatorCodes: (indicators.get(row.id) ?? []).map((indicator) => indicator.code),
    lastUpdateOn: row.lastUpdateOn,
  }));
}

const AUDITED = [
  "title",
  "indicatorIds",
  "responsibleParty",
  "responsibleName",
  "responsibleUserId",
  "resourcesRiel",
  "deadline",
  "status",
  "dropReason",
  "fromInterfaceMeeting",
] as const;

type Auditable = Record<(typeof AUDITED)[number], unknown>;

function auditable(action: Omit<Auditable, "indicatorIds">, indicatorIds: readonly string[]): Auditable {
  const picked = Object.fromEntries(AUDITED.map((field) => [field, (action as Auditable)[field]]));
  return { ...picked, indicatorIds: [...indicatorIds].sort() } as Auditable;
}

export const statusName = (status: repo.ActionRow["status"]) => ACTION_STATUS_NAMES[status];

/** The cycle of an action, with the abilities that act on actions. */
async function actionAccess(ctx: Ctx, row: { action: repo.ActionRow }) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, row.action.cycleId);
  const access = { ...cycle, responsibleUserId: row.action.responsibleUserId };
  const open = isOpen(row.action.status);
  return {
    cycle,
    access,
    can: {
      edit: open && can(isafPolicy, "cycle:facilitate", ctx.actor, cycle),
      update: open && can(jaapPolicy, "jaap:update", ctx.actor, access),
    },
  };
}

export async function loadInScope(ctx: Ctx, id: string): Promise<repo.ActionPageRow> {
  const row = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound("jaap_action");
  return row;
}

function assertOpen(action: repo.ActionRow) {
  if (!isOpen(action.status)) throw conflict("jaap_action_closed", [], { status: statusName(action.status) });
}

/** Everything wrong with an action's content at once; nothing is written when anything is. */
async function assertValid(db: Db, cycle: CycleInScope, input: ActionInput) {
  const errors: FieldError[] = [];
  if (!input.responsibleName?.trim()) errors.push({ path: "responsibleName", code: "jaap_owner_required" });
  const ids = [...new Set(input.indicatorIds)];
  const found = await indicatorRefs.indicatorRefsOf(db, ids);
  input.indicatorIds.forEach((id, index) => {
    const indicator = found.get(id);
    if (!indicator) errors.push({ path: `indicatorIds.${index}`, code: "jaap_indicator_unknown" });
    else if (indicator.sectorCode !== cycle.sectorCode)
      errors.push({
        path: `indicatorIds.${index}`,
        code: "jaap_indicator_other_sector",
        params: { code: indicator.code },
      });
  });
  if (
    input.responsibleUserId &&
    !(await directory.activeAndCovers(db, input.responsibleUserId, cycle.communeCode))
  )
    errors.push({ path: "responsibleUserId", code: "jaap_responsible_user_outside" });
  if (errors.length === 0) return;
  const ownerMissing = errors.some((error) => error.code === "jaap_owner_required");
  throw badRequest(ownerMissing ? "jaap_action_without_owner" : "validation_failed", errors);
}

function columnsOf(input: ActionInput) {
  return {
    title: input.title,
    responsibleParty: input.responsibleParty,
    responsibleName: input.responsibleName?.trim() ?? "",
    responsibleUserId: input.responsibleUserId ?? null,
    resourcesRiel: input.resourcesRiel ?? null,
    deadline: input.deadline,
    fromInterfaceMeeting: input.fromInterfaceMeeting,
  };
}

/** One action as its cycle's page shows it. */
export async function get(ctx: Ctx, id: string) {
  const row = await loadInScope(ctx, id);
  const { can: abilities } = await actionAccess(ctx, row);
  const [indicators, { updates, shown }] = await Promise.all([
    indicatorsOf(ctx.db, [id]),
    repo.updatesOf(ctx.db, id).then(async (updates) => ({
      updates,
      shown: await withNames(
        ctx.db,
        [row],
        updates.map((update) => update.createdBy),
      ),
    })),
  ]);
  const [detail] = shown.rows;
  if (!detail) throw notFound("jaap_action");
  return presentDetail(detail, indicators, cambodiaToday(ctx.clock.now()), abilities, updates, shown.names);
}

/** The cycle's actions, soonest deadline first. */
export async function listOfCycle(ctx: Ctx, cycleId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  const page = await repo.listOfCycle(ctx.db, ctx.actor, cycleId);
  const [indicators, { rows }] = await Promise.all([
    indicatorsOf(
      ctx.db,
      page.map((row) => row.action.id),
    ),
    withNames(ctx.db, page),
  ]);
  const today = cambodiaToday(ctx.clock.now());
  const facilitate = can(isafPolicy, "cycle:facilitate", ctx.actor, cycle);
  return {
    items: rows.map((row) => {
      const open = isOpen(row.action.status);
      const access = { ...cycle, responsibleUserId: row.action.responsibleUserId };
      return presentAction(row, indicators, today, {
        edit: open && facilitate,
        update: open && can(jaapPolicy, "jaap:update", ctx.actor, access),
      });
    }),
  };
}

/** Actions across the cycles of the caller's area (the responsible people's and the dashboards' list). */
export async function list(ctx: Ctx, query: ActionListQuery) {
  const today = cambodiaToday(ctx.clock.now());
  const { rows: page, total } = await repo.list(ctx.db, ctx.actor, {
    place: query.place,
    year: query.year,
    sector: query.sector,
    status: query.status,
    overdue: query.overdue === "1",
    mineUserId: query.mine === "1" ? ctx.actor.id : undefined,
    today,
    limit: query.limit,
    offset: query.offset,
  });
  const [indicators, { rows }] = await Promise.all([
    indicatorsOf(
      ctx.db,
      page.map((row) => row.action.id),
    ),
    withNames(ctx.db, page),
  ]);
  return {
    items: rows.map((row) => presentListItem(row, indicators, today)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** An action is created on its cycle: a command on the cycle (404, cycle:facilitate, valid), then the insert. */
export async function create(ctx: Ctx, cycleId: string, input: ActionInput) {
  const id = uuidv7();
  const indicatorIds = [...new Set(input.indicatorIds)];
  await command(ctx, {
    entity: "cycle",
    load: (db) => findCycleInScope(db, ctx.actor, cycleId),
    requires: requires(isafPolicy, "cycle:facilitate", (cycle: CycleInScope) => cycle),
    check: (cycle) => assertValid(ctx.db, cycle, input),
    rollup: (tx, _cycle, write) => rollups.tracked(tx, JAAP_ACTION_FACT, id, write),
    write: async (tx, cycle) => {
      const row = await repo.insert(tx, {
        id,
        cycleId,
        communeCode: cycle.communeCode,
        ...columnsOf(input),
        createdBy: ctx.actor.id,
      });
      await repo.replaceIndicators(tx, id, indicatorIds);
      return row;
    },
    audit: (cycle, inserted) => ({
      action: "jaap.action_created",
      entityType: "jaap_action",
      entityId: id,
      placeCode: cycle.communeCode,
      changes: created(auditable(inserted, indicatorIds), AUDITED),
    }),
  });
  return get(ctx, id);
}

export async function edit(ctx: Ctx, id: string, input: ActionInput & { version: number }) {
  const indicatorIds = [...new Set(input.indicatorIds)];
  await command(ctx, {
    entity: "jaap_action",
    load: async (db) => {
      const row = await repo.findInScope(db, ctx.actor, id);
      if (!row) return undefined;
      const { cycle } = await actionAccess(ctx, row);
      const indicatorsBefore = (await repo.indicatorLinksOf(db, [id])).map((link) => link.indicatorId);
      return { action: row.action, cycle, indicatorsBefore };
    },
    requires: requires(isafPolicy, "cycle:facilitate", (before: { cycle: CycleInScope }) => before.cycle),
    check: async (before) => {
      assertOpen(before.action);
      await assertValid(ctx.db, before.cycle, input);
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, JAAP_ACTION_FACT, id, write),
    write: async (tx, _before, now) => {
      const row = await repo.update(tx, id, input.version, columnsOf(input), now);
      if (row) await repo.replaceIndicators(tx, id, indicatorIds);
      return row;
    },
    audit: (before, updated) => ({
      action: "jaap.action_updated",
      entityType: "jaap_action",
      entityId: id,
      placeCode: updated.communeCode,
      changes: diff(
        auditable(before.action, before.indicatorsBefore),
        auditable(updated, indicatorIds),
        AUDITED,
      ),
    }),
  });
  return get(ctx, id);
}

/** Where a progress update may move an action. Done and dropped actions are closed. */
const NEXT: Record<repo.ActionRow["status"], readonly repo.ActionRow["status"][]> = {
  planned: ["planned", "in_progress", "done"],
  in_progress: ["in_progress", "done"],
  done: [],
  dropped: [],
};

export function assertTransition(from: repo.ActionRow["status"], to: repo.ActionRow["status"]) {
  if (NEXT[from].includes(to)) return;
  const params = { from: statusName(from), to: statusName(to) };
  throw conflict(
    "jaap_status_not_allowed",
    [{ path: "status", code: "jaap_status_not_allowed", params }],
    params,
  );
}

/** Actions as the audit log names them: by their title, as it was typed. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const rows = await repo.titlesOf(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { km: row.title, en: row.title }]));
}
