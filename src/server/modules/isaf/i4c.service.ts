import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { I4cPackInput, I4cSessionInput } from "../../../contracts/isaf";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import { audit, created, diff } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import { LEVEL_NAMES } from "../../platform/platform.messages";
import * as rollups from "../../platform/rollups/rollups.engine";
import * as places from "../places/places.service";
import * as cyclesRepo from "./cycles.repo";
import { type CycleInScope, getCycleInScope } from "./cycles.service";
import { presentItem, presentSession } from "./i4c.presenter";
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

async function presentSessions(db: Db, sessions: repo.I4cSessionRow[]) {
  const villageCodes = sessions.map((s) => s.villageCode).filter((c): c is string => !!c);
  const sessionIds = sessions.map((s) => s.id);
  const [villages, photos] = await Promise.all([
    places.findMany(db, villageCodes),
    repo.photosOf(db, sessionIds),
  ]);
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

/**
 * Saves the whole pack (versioned with the cycle), audited. A change to a published pack takes it
 * off the public page until it is published again.
 */
export async function savePack(ctx: Ctx, cycleId: string, input: z.infer<typeof I4cPackInput>) {
  const before = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:facilitate", ctx.actor, before);
  const itemsBefore = await repo.itemsOf(ctx.db, cycleId);
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
  const changed =
    contentOf(itemsBefore, before.i4cBudgetSummary, before.i4cNotes) !==
    contentOf(items, budgetSummary, notes);
  const unpublish = changed && before.i4cPublishedAt !== null;
  await ctx.db.transaction((tx) =>
    rollups.tracked(tx, CYCLE_FACT, cycleId, async () => {
      const updated = await cyclesRepo.update(
        tx,
        cycleId,
        input.version,
        {
          i4cBudgetSummary: budgetSummary,
          i4cNotes: notes,
          ...(unpublish ? { i4cPublishedAt: null } : {}),
        },
        ctx.clock.now(),
      );
      if (!updated) throw conflict("version_conflict");
      await repo.replaceItems(tx, cycleId, items);
      await audit(tx, ctx, {
        action: "i4c.saved",
        entityType: "cycle",
        entityId: cycleId,
        placeCode: before.communeCode,
        changes: diff(
          {
            budgetSummary: before.i4cBudgetSummary,
            notes: before.i4cNotes,
            items: itemText(itemsBefore),
            publishedAt: before.i4cPublishedAt,
          },
          {
            budgetSummary: updated.i4cBudgetSummary,
            notes: updated.i4cNotes,
            items: itemText(input.items),
            publishedAt: updated.i4cPublishedAt,
          },
          ["budgetSummary", "notes", "items", "publishedAt"],
        ),
      });
    }),
  );
  return getPack(ctx, cycleId);
}

/** Publishes the pack (the public page shows it from now on); again after changes, with a new date. */
export async function publish(ctx: Ctx, cycleId: string, version: number) {
  const before = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:facilitate", ctx.actor, before);
  if ((await repo.itemsOf(ctx.db, cycleId)).length === 0) throw new AppError(409, "i4c_empty");
  await ctx.db.transaction((tx) =>
    rollups.tracked(tx, CYCLE_FACT, cycleId, async () => {
      const updated = await cyclesRepo.update(
        tx,
        cycleId,
        version,
        { i4cPublishedAt: ctx.clock.now() },
        ctx.clock.now(),
      );
      if (!updated) throw conflict("version_conflict");
      await audit(tx, ctx, {
        action: "i4c.published",
        entityType: "cycle",
        entityId: cycleId,
        placeCode: before.communeCode,
        changes: diff({ publishedAt: before.i4cPublishedAt }, { publishedAt: updated.i4cPublishedAt }, [
          "publishedAt",
        ]),
      });
    }),
  );
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

const SESSION_FIELDS = ["heldOn", "villageCode", "attendance", "notes"] as const;

async function facilitated(ctx: Ctx, cycleId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:facilitate", ctx.actor, cycle);
  return cycle;
}

async function sessionOf(ctx: Ctx, cycleId: string, sessionId: string) {
  const session = await repo.findSession(ctx.db, cycleId, sessionId);
  if (!session) throw notFound("i4c_session");
  return session;
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
  const cycle = await facilitated(ctx, cycleId);
  const errors = await checkVillage(ctx.db, cycle.communeCode, input.villageCode);
  if (errors.length) throw badRequest("validation_failed", errors);
  await ctx.db.transaction(async (tx) => {
    if (input.id && (await repo.sessionExists(tx, input.id))) throw conflict("i4c_session_exists");
    const row = await repo.insertSession(
      tx,
      {
        id: input.id ?? uuidv7(),
        cycleId,
        heldOn: input.heldOn,
        villageCode: input.villageCode ?? null,
        attendance: input.attendance,
        notes: input.notes ?? null,
        createdBy: ctx.actor.id,
      },
      ctx.clock.now(),
    );
    await audit(tx, ctx, {
      action: "i4c_session.created",
      entityType: "i4c_session",
      entityId: row.id,
      placeCode: cycle.communeCode,
      changes: { cycleId: { from: null, to: cycleId }, ...created(row, SESSION_FIELDS) },
    });
  });
  return getPack(ctx, cycleId);
}

export async function updateSession(
  ctx: Ctx,
  cycleId: string,
  sessionId: string,
  input: z.infer<typeof I4cSessionInput> & { updatedAt: string },
) {
  const cycle = await facilitated(ctx, cycleId);
  const before = await sessionOf(ctx, cycleId, sessionId);
  const errors = await checkVillage(ctx.db, cycle.communeCode, input.villageCode);
  if (errors.length) throw badRequest("validation_failed", errors);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateSession(
      tx,
      sessionId,
      new Date(input.updatedAt),
      {
        heldOn: input.heldOn,
        villageCode: input.villageCode ?? null,
        attendance: input.attendance,
        notes: input.notes ?? null,
      },
      ctx.clock.now(),
    );
    if (!row) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: "i4c_session.updated",
      entityType: "i4c_session",
      entityId: sessionId,
      placeCode: cycle.communeCode,
      changes: diff(before, row, SESSION_FIELDS),
    });
  });
  return getPack(ctx, cycleId);
}

export async function deleteSession(ctx: Ctx, cycleId: string, sessionId: string, updatedAt: string) {
  const cycle = await facilitated(ctx, cycleId);
  const before = await sessionOf(ctx, cycleId, sessionId);
  await ctx.db.transaction(async (tx) => {
    // The session's photos go with it (their links cascade); the event names them.
    const photoIds = (await repo.photosOf(tx, [sessionId])).map((photo) => photo.id);
    if (!(await repo.deleteSession(tx, sessionId, new Date(updatedAt)))) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: "i4c_session.deleted",
      entityType: "i4c_session",
      entityId: sessionId,
      placeCode: cycle.communeCode,
      changes: {
        ...diff(before, {} as repo.I4cSessionRow, SESSION_FIELDS),
        ...(photoIds.length ? { photos: { from: photoIds, to: null } } : {}),
      },
    });
  });
  return getPack(ctx, cycleId);
}
