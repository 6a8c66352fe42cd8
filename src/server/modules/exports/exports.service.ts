import { Readable } from "node:stream";
import { uuidv7 } from "uuidv7";
import type { ExportRequest, ExportStatus } from "../../../contracts/exports";
import type { Actor } from "../../platform/actor";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { exportWriteJob } from "./exports.jobs";
import { CONTENT_TYPES, type ExportKinds } from "./exports.kinds";

/** What a module declares to offer an export (dashboards, feedback): see exports.kinds.ts. */
export type { ExportKind } from "./exports.kinds";

import { assertChromium } from "./exports.pdf";
import { exportsPolicy } from "./exports.policy";
import * as repo from "./exports.repo";

/**
 * Exports in the background: a user asks (checked now, with her access now), a job writes the
 * file (exports.jobs.ts), she follows its progress and downloads it while it is kept. Only she
 * reads it: anyone else's export reads as not found. Asking and each download are audited.
 */

/** The requester's access, kept with the export: the writer reads with exactly this. */
export type ExportAccess = Pick<
  Actor,
  "id" | "username" | "displayName" | "roles" | "area" | "locale" | "organisationId" | "facilities"
>;

export async function request(ctx: Ctx, kinds: ExportKinds, input: ExportRequest): Promise<ExportStatus> {
  const kind = kinds.get(input.kind);
  if (!kind) throw notFound("export");
  const { id: actorId, username, displayName, roles, area, organisationId, facilities } = ctx.actor;
  const access: ExportAccess = {
    id: actorId,
    username,
    displayName,
    roles,
    area,
    locale: ctx.locale,
    organisationId,
    facilities,
  };
  const id = uuidv7();
  await creation(ctx, {
    requires: requires(exportsPolicy, "export:request"),
    input,
    // What the file may hold is the kind's to say (the queue's readers, the dashboard's scope).
    check: async () => {
      if (input.format === "pdf") assertChromium();
      await kind.authorize(ctx, input.params as never);
    },
    write: (tx) =>
      repo.insert(tx, {
        id,
        userId: ctx.actor.id,
        kind: input.kind,
        format: input.format,
        params: input.params,
        access,
      }),
    audit: () => ({
      action: "export.requested",
      entityType: "export",
      entityId: id,
      changes: {
        kind: { from: null, to: input.kind },
        format: { from: null, to: input.format },
        params: { from: null, to: input.params },
      },
    }),
  });
  await ctx.jobs.send(exportWriteJob, { exportId: id });
  return status(ctx, id);
}

export async function status(ctx: Ctx, id: string): Promise<ExportStatus> {
  const row = await repo.findOwn(ctx.db, ctx.actor.id, id);
  if (!row) throw notFound("export");
  return present(row);
}

export function present(row: repo.ExportRow): ExportStatus {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    status: row.status,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    fileName: row.fileName,
    byteSize: row.byteSize,
    error: row.error,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The file, chunk by chunk; the download is audited before the first byte leaves. */
export async function download(ctx: Ctx, id: string) {
  // Reading the file is audited like a change, through the write path: in scope (her own), then
  // kept and ready, then the event, before the first byte leaves.
  const { row, indexes } = await command(ctx, {
    entity: "export",
    load: async (db) => {
      const row = await repo.findOwn(db, ctx.actor.id, id);
      // Deleted by the sweep or not: past its time, the file is gone for the user.
      return row && !(row.expiresAt && row.expiresAt <= ctx.clock.now()) ? row : null;
    },
    requires: requires(exportsPolicy, "export:read", (row: repo.ExportRow) => row),
    check: (row) => {
      if (row.status !== "done" || !row.fileName) throw new AppError(409, "export_not_ready");
    },
    write: async (tx, row) => ({ row, indexes: await repo.chunkIndexes(tx, id) }),
    audit: (row) => ({
      action: "export.downloaded",
      entityType: "export",
      entityId: id,
      changes: { kind: { from: null, to: row.kind }, fileName: { from: null, to: row.fileName } },
    }),
  });
  async function* chunks() {
    for (const index of indexes) yield await repo.readChunk(ctx.db, id, index);
  }
  return {
    fileName: row.fileName,
    contentType: CONTENT_TYPES[row.format],
    byteSize: row.byteSize,
    body: Readable.from(chunks()),
  };
}
