import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { I4cPackInput, I4cSessionInput } from "../../../contracts/isaf";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import { created, diff } from "../../platform/audit";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import { LEVEL_NAMES } from "../../platform/platform.messages";
import * as rollups from "../../platform/rollups/rollups.engine";
import * as media from "../media/media.service";
import * as places from "../places/places.service";
import * as cyclesRepo from "./cycles.repo";
import { type CycleInScope, findCycleInScope, getCycleInScope } from "./cycles.service";
import { presentItem, presentSession, type SessionPhoto } from "./i4c.presenter";
import * as repo from "./i4c.repo";
import { CYCLE_FACT } from "./isaf.facts";
import { isafPolicy } from "./isaf.policy";

/** Information for Citizens: the pack (items, budget, notes), its publication, and dissemination sessions. */

/** For the public module (contract): the pack of a cycle, only once it is published. */
export async function publishedI4c(db: Db, cycleId: string) {
  const pack = await repo.packOf(db, cycleId);
  if (!pack?.publishedAt) return null;
  const items = await repo.itemsOf(db, cycleId);
  return {
    items: items.map(presentItem),
    budgetSummary: pack.budgetSummary,
    notes: pack.notes,
    publishedAt: pack.publishedAt.toISOString(),
  };
}

/** The sessions' photos, in the order they were attached, with their files' type and size (media module). */
async function photosOf(db: Db, sessionIds: readonly string[]): Promise<SessionPhoto[]> {
  const links = await repo.photosOf(db, sessionIds);
  const files = await media.infoOf(
    db,
    links.map((link) => link.mediaId),
  );
  return links.flatMap(({ sessionId, mediaId }) => {
    const file = files.get(mediaId);
    return file ? [{ sessionId, id: mediaId, contentType: file.contentType, byteSize: file.byteSize }] : [];
  });
}

async function presentSessions(db: Db, sessions: repo.I4cSessionRow[]) {
  const villageCodes = sessions.map((s) => s.villageCode).filter((c): c is string => !!c);
  const sessionIds = sessions.map((s) => s.id);
  const [villages, photos] = await Promise.all([places.findMany(db, villageCodes), photosOf(db, sessionIds)]);
  const villageByCode = new Map(villages.map((p) => [p.code, p]));
  return sessions.map((session) =>
    presentSession(
      session,
      session.villageCode ? villageByCode.get(session.villageCode) : undefined,
      photos.filter((photo) => photo.sessionId === session.id),
    ),
  );
}

async function presentPack(ctx: Ctx, cycle: CycleInScope) {
  const [items, sessions] = await Promise.all([
    repo.itemsOf(ctx.db, cycle.id),
    repo.sessionsOf(ctx.db, cycle.id),
  ]);
  return {
    cycleId: cycle.id,
    items: items.map(presentItem),
    budgetSummary: cycle.i4cBudgetSummary,
    notes: cycle.i4cNotes,
    publishedAt: cycle.i4cPublishedAt?.toISOString() ?? null,
    sessions: await presentSessions(ctx.db, sessions),
    version: cycle.version,
    canEdit: can(isafPolicy, "cycle:facilitate", ctx.actor, cycle),
  };
}

export async function getPack(ctx: Ctx, cycleId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  return presentPack(ctx, cycle);
}

const itemText = (
  items: { labelKm: string; standardValue: string; actualValue: string; unit?: string | null }[],
) =>
  items.map(
    (item) =>
      `${item.labelKm}: ${item.standardValue} / ${item.actualValue}${item.unit ? ` ${item.unit}` : ""}`,
  );

/** What the public sees of a pack: its items in order, budget and notes. */
function contentOf(
  items: readonly Pick<repo.I4cItemRow, "labelKm" | "labelEn" | "standardValue" | "actualValue" | "unit">[],
  budgetSummary: string | null,
  notes: string | null,
) {
  return JSON.stringify([
    items.map((item) => [item.labelKm, item.labelEn, item.standardValue, item.actualValue, item.unit]),
    budgetSummary,
    notes,
  ]);
}

/** A command on a cycle's pack or sessions: the cycle in the actor's area (none: 404), facilitated by them. */
export const onCycle = {
  entity: "cycle",
  requires: requires(isafPolicy, "cycle:facilitate", (on: { cycle: CycleInScope }) => on.cycle),
};

/**
 * Saves the whole pack (versioned with the cycle), audited. A change to a published pack takes it
 * off the public page until it is published again.
 */
export async function savePack(ctx: Ctx, cycleId: string, input: z.infer<typeof I4cPackInput>) {
  const items = input.items.map((item, position) => ({
    id: uuidv7(),
    position,
    labelKm: item.labelKm,
    labelEn: item.labelEn || item.labelKm,
    standardValue: item.standardValue,
    actualValue: item.actualValue,
    unit: item.unit ?? null,
  }));
  const budgetSummary = input.budgetSummary ?? null;
  const notes = input.notes ?? null;
  await command(ctx, {
    ...onCycle,
    load: async (db) => {
      const cycle = await findCycleInScope(db, ctx.actor, cycleId);
      return cycle && { cycle, itemsBefore: await repo.itemsOf(db, cycleId) };
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, CYCLE_FACT, cycleId, write),
    write: async (tx, { cycle, itemsBefore }, now) => {
      const changed =
        contentOf(itemsBefore, cycle.i4cBudgetSummary, cycle.i4cNotes) !==
        contentOf(items, budgetSummary, notes);
      const unpublish = changed && cycle.i4cPublishedAt !== null;
      const values = {
        i4cBudgetSummary: budgetSummary,
        i4cNotes: notes,
        ...(unpublish ? { i4cPublishedAt: null } : {}),
      };
      const updated = await cyclesRepo.update(tx, cycleId, input.version, values, now);
      if (updated) await repo.replaceItems(tx, cycleId, items);
      return updated;
    },
    audit: ({ cycle, itemsBefore }, updated) => ({
      action: "i4c.saved",
      entityType: "cycle",
      entityId: cycleId,
      placeCode: cycle.communeCode,
      changes: diff(
        {
          budgetSummary: cycle.i4cBudgetSummary,
          notes: cycle.i4cNotes,
          items: itemText(itemsBefore),
          publishedAt: cycle.i4cPublishedAt,
        },
        {
          budgetSummary: updated.i4cBudgetSummary,
          notes: updated.i4cNotes,
          items: itemText(input.items),
          publishedAt: updated.i4cPublishedAt,
        },
        ["budgetSummary", "notes", "items", "publishedAt"],
      ),
    }),
  });
  return getPack(ctx, cycleId);
}

/** Publishes the pack (the public page shows it from now on); again after changes, with a new date. */
export async function publish(ctx: Ctx, cycleId: string, version: number) {
  await command(ctx, {
    ...onCycle,
    load: async (db) => {
      const cycle = await findCycleInScope(db, ctx.actor, cycleId);
      return cycle && { cycle };
    },
    check: async () => {
      if ((await repo.itemsOf(ctx.db, cycleId)).length === 0) throw new AppError(409, "i4c_empty");
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, CYCLE_FACT, cycleId, write),
    write: (tx, _before, now) => cyclesRepo.update(tx, cycleId, version, { i4cPublishedAt: now }, now),
    audit: ({ cycle }, updated) => ({
      action: "i4c.published",
      entityType: "cycle",
      entityId: cycleId,
      placeCode: cycle.communeCode,
      changes: diff({ publishedAt: cycle.i4cPublishedAt }, { publishedAt: updated.i4cPublishedAt }, [
        "publishedAt",
      ]),
    }),
  });
  return getPack(ctx, cycleId);
}

async function checkVillage(db: Db, communeCode: string, villageCode: string | null | undefined) {
  const errors: FieldError[] = [];
  if (!villageCode) return errors;
  const [village] = await places.findMany(db, [villageCode]);
  if (!village) errors.push({ path: "villageCode", code: "unknown_place", params: { code: villageCode } });
  else if (village.level !== "village")
    errors.push({
      path: "villageCode",
      code: "place_wrong_level",
      params: { code: villageCode, level: LEVEL_NAMES.village },
    });
  else if (!villageCode.startsWith(communeCode))
    errors.push({ path: "villageCode", code: "village_not_in_commune", params: { code: villageCode } });
  return errors;
}

async function assertVillage(db: Db, communeCode: string, villageCode: string | null | undefined) {
  const errors = await checkVillage(db, communeCode, villageCode);
  if (errors.length) throw badRequest("validation_failed", errors);
}

const SESSION_FIELDS = ["heldOn", "villageCode", "attendance", "notes"] as const;

/** A session of a cycle, loaded with it; missing is 404 after the ability on the cycle (403) is checked. */
export interface SessionOnCycle {
  cycle: CycleInScope;
  session: repo.I4cSessionRow | null | undefined;
}

export const sessionOnCycle = (ctx: Ctx, cycleId: string, sessionId: string) => async (db: Db) => {
  const cycle = await findCycleInScope(db, ctx.actor, cycleId);
  return cycle && { cycle, session: await repo.findSession(db, cycleId, sessionId) };
};

export function foundSession(on: SessionOnCycle): repo.I4cSessionRow {
  if (!on.session) throw notFound("i4c_session");
  return on.session;
}

/**
 * Records a dissemination session. A session recorded offline keeps the id its device gave it (`id`);
 * an id already used is a 409 (the sync ledger answers a command sent again before it gets here).
 */
export async function addSession(
  ctx: Ctx,
  cycleId: string,
  input: z.infer<typeof I4cSessionInput> & { id?: string },
) {
  await command(ctx, {
    ...onCycle,
    load: async (db) => {
      const cycle = await findCycleInScope(db, ctx.actor, cycleId);
      return cycle && { cycle };
    },
    check: ({ cycle }) => assertVillage(ctx.db, cycle.communeCode, input.villageCode),
    write: async (tx, _before, now) => {
      if (input.id && (await repo.sessionExists(tx, input.id))) throw conflict("i4c_session_exists");
      const session = {
        id: input.id ?? uuidv7(),
        cycleId,
        heldOn: input.heldOn,
        villageCode: input.villageCode ?? null,
        attendance: input.attendance,
        notes: input.notes ?? null,
        createdBy: ctx.actor.id,
      };
      return repo.insertSession(tx, session, now);
    },
    audit: ({ cycle }, row) => ({
      action: "i4c_session.created",
      entityType: "i4c_session",
      entityId: row.id,
      placeCode: cycle.communeCode,
      changes: { cycleId: { from: null, to: cycleId }, ...created(row, SESSION_FIELDS) },
    }),
  });
  return getPack(ctx, cycleId);
}

export async function updateSession(
  ctx: Ctx,
  cycleId: string,
  sessionId: string,
  input: z.infer<typeof I4cSessionInput> & { updatedAt: string },
) {
  const values = {
    heldOn: input.heldOn,
    villageCode: input.villageCode ?? null,
    attendance: input.attendance,
    notes: input.notes ?? null,
  };
  await command(ctx, {
    ...onCycle,
    load: sessionOnCycle(ctx, cycleId, sessionId),
    check: async (before) => {
      foundSession(before);
      await assertVillage(ctx.db, before.cycle.communeCode, input.villageCode);
    },
    write: (tx, _before, now) => repo.updateSession(tx, sessionId, new Date(input.updatedAt), values, now),
    audit: (before, row) => ({
      action: "i4c_session.updated",
      entityType: "i4c_session",
      entityId: sessionId,
      placeCode: before.cycle.communeCode,
      changes: diff(foundSession(before), row, SESSION_FIELDS),
    }),
  });
  return getPack(ctx, cycleId);
}

export async function deleteSession(ctx: Ctx, cycleId: string, sessionId: string, updatedAt: string) {
  await command(ctx, {
    ...onCycle,
    load: sessionOnCycle(ctx, cycleId, sessionId),
    check: (before) => {
      foundSession(before);
    },
    write: async (tx) => {
      // The session's photos go with it (their links cascade); the event names them.
      const photoIds = (await repo.photosOf(tx, [sessionId])).map((photo) => photo.mediaId);
      return (await repo.deleteSession(tx, sessionId, new Date(updatedAt))) ? { photoIds } : null;
    },
    audit: (before, { photoIds }) => ({
      action: "i4c_session.deleted",
      entityType: "i4c_session",
      entityId: sessionId,
      placeCode: before.cycle.communeCode,
      changes: {
        ...diff(foundSession(before), {} as repo.I4cSessionRow, SESSION_FIELDS),
        ...(photoIds.length ? { photos: { from: photoIds, to: null } } : {}),
      },
    }),
  });
  return getPack(ctx, cycleId);
}
