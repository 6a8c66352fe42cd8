import { uuidv7 } from "uuidv7";
import type { ProgressInput } from "../../../contracts/jaap";
import type { Db } from "../../db/database";
import { authorize } from "../../platform/access";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import * as rollups from "../../platform/rollups/rollups.engine";
import { getCycleInScope } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as media from "../media/media.service";
import { JAAP_ACTION_FACT } from "./jaap.facts";
import { jaapPolicy } from "./jaap.policy";
import { isOpen } from "./jaap.presenter";
import * as repo from "./jaap.repo";
import { assertTransition, get, loadInScope, statusName } from "./jaap.service";

/**
 * Following an action through the year: progress updates (a note, the status it moves to, evidence
 * photos), dropping with a reason, and the photos themselves, readable by whoever may read the action.
 */

/** An action in the actor's scope, with what jaap:update is checked on (its cycle and who is responsible). */
async function loadForUpdate(ctx: Ctx, db: Db, id: string) {
  const row = await repo.findInScope(db, ctx.actor, id);
  if (!row) return undefined;
  const cycle = await getCycleInScope(db, ctx.actor, row.action.cycleId);
  return { action: row.action, access: { ...cycle, responsibleUserId: row.action.responsibleUserId } };
}

type ForUpdate = NonNullable<Awaited<ReturnType<typeof loadForUpdate>>>;

/** Progress is recorded by whoever may update the action (its facilitators, the person responsible). */
const mayUpdate = requires(jaapPolicy, "jaap:update", (before: ForUpdate) => before.access);

function assertOpen(action: repo.ActionRow) {
  if (!isOpen(action.status)) throw conflict("jaap_action_closed", [], { status: statusName(action.status) });
}

/** The photos must be images this person uploaded and no update shows yet. */
async function assertPhotos(ctx: Ctx, photoIds: readonly string[]) {
  const [info, attached] = await Promise.all([
    media.infoOf(ctx.db, photoIds),
    repo.attachedPhotoIds(ctx.db, photoIds),
  ]);
  const errors: FieldError[] = [];
  photoIds.forEach((id, index) => {
    const photo = info.get(id);
    const usable =
      photo &&
      photo.createdBy === ctx.actor.id &&
      media.IMAGE_TYPES.includes(photo.contentType) &&
      !attached.has(id) &&
      photoIds.indexOf(id) === index;
    if (!usable) errors.push({ path: `photoIds.${index}`, code: "jaap_photo_unknown" });
  });
  if (errors.length) throw badRequest("validation_failed", errors);
}

export async function addProgress(ctx: Ctx, id: string, input: ProgressInput) {
  const updateId = uuidv7();
  await command(ctx, {
    entity: "jaap_action",
    load: (db) => loadForUpdate(ctx, db, id),
    requires: mayUpdate,
    check: async (before) => {
      assertOpen(before.action);
      assertTransition(before.action.status, input.status);
      await assertPhotos(ctx, input.photoIds);
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, JAAP_ACTION_FACT, id, write),
    write: async (tx, _before, now) => {
      const action = await repo.update(tx, id, input.version, { status: input.status }, now);
      if (!action) return null;
      await repo.insertUpdate(tx, {
        id: updateId,
        actionId: id,
        note: input.note,
        statusAfter: input.status,
        photoIds: input.photoIds,
        createdBy: ctx.actor.id,
      });
      return action;
    },
    audit: (before, updated) => ({
      action: "jaap.action_progress",
      entityType: "jaap_action",
      entityId: id,
      placeCode: updated.communeCode,
      changes: {
        ...(before.action.status === updated.status
          ? {}
          : { status: { from: before.action.status, to: updated.status } }),
        update: { from: null, to: { id: updateId, note: input.note, photoIds: input.photoIds } },
      },
    }),
  });
  return get(ctx, id);
}

/** Dropping an action needs a reason; it is kept on the action and as its last update. */
export async function drop(ctx: Ctx, id: string, input: { reason?: string; version: number }) {
  const reason = input.reason?.trim() ?? "";
  await command(ctx, {
    entity: "jaap_action",
    load: (db) => loadForUpdate(ctx, db, id),
    requires: mayUpdate,
    check: (before) => {
      assertOpen(before.action);
      if (!reason)
        throw badRequest("jaap_drop_reason_required", [{ path: "reason", code: "field_required" }]);
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, JAAP_ACTION_FACT, id, write),
    write: async (tx, _before, now) => {
      const action = await repo.update(tx, id, input.version, { status: "dropped", dropReason: reason }, now);
      if (!action) return null;
      await repo.insertUpdate(tx, {
        id: uuidv7(),
        actionId: id,
        note: reason,
        statusAfter: "dropped",
        createdBy: ctx.actor.id,
      });
      return action;
    },
    audit: (before, updated) => ({
      action: "jaap.action_dropped",
      entityType: "jaap_action",
      entityId: id,
      placeCode: updated.communeCode,
      changes: {
        status: { from: before.action.status, to: "dropped" },
        dropReason: { from: null, to: reason },
      },
    }),
  });
  return get(ctx, id);
}

/** Step 1 of an update with photos: the photo is stored and its id given back for the update. */
export function uploadPhoto(ctx: Ctx, id: string, upload: media.Upload) {
  return command(ctx, {
    entity: "jaap_action",
    load: (db) => loadForUpdate(ctx, db, id),
    requires: mayUpdate,
    check: (before) => assertOpen(before.action),
    write: (tx) => media.store(tx, ctx.actor.id, upload, media.IMAGE_TYPES),
    audit: (before, stored) => ({
      action: "jaap.photo_uploaded",
      entityType: "jaap_action",
      entityId: id,
      placeCode: before.action.communeCode,
      changes: {
        photo: {
          from: null,
          to: { id: stored.id, contentType: stored.contentType, byteSize: stored.byteSize },
        },
      },
    }),
  });
}

/** A photo of one of the action's updates, for whoever may read the action. */
export async function photo(ctx: Ctx, id: string, mediaId: string) {
  const row = await loadInScope(ctx, id);
  const cycle = await getCycleInScope(ctx.db, ctx.actor, row.action.cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  if (!(await repo.actionHasPhoto(ctx.db, id, mediaId))) throw notFound("photo");
  const file = await media.load(ctx.db, mediaId);
  if (!file) throw notFound("photo");
  return file;
}
