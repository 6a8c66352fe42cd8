import { createHash } from "node:crypto";
import { UPLOAD_CHUNK_SIZE, type UploadStart, type UploadState } from "../../../contracts/uploads";
import type { Db } from "../../db/database";
import { created } from "../../platform/audit";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, notFound } from "../../platform/errors";
import type { MessageParam } from "../../platform/messages";
import * as media from "../media/media.service";
import { uploadsPolicy } from "./uploads.policy";
import * as repo from "./uploads.repo";

/**
 * Resumable uploads (issue 4): a field device sends a photo or a recording in chunks, asks after a cut
 * which chunks arrived, and completes the upload; the checked file then becomes a media file that a
 * sync command attaches to a record (`completedFile`). Chunks are staging bytes, not records: they are
 * not audited one by one; starting, completing and discarding an upload are.
 */

const ALLOWED_TYPES = [...media.IMAGE_TYPES, ...media.AUDIO_TYPES];
const FILE_FIELDS = ["fileName", "contentType", "byteSize", "sha256"] as const;
const KHMER_DIGITS = new Intl.NumberFormat("km-KH-u-nu-khmr", { useGrouping: false });

const chunkCount = (upload: repo.UploadRow) => Math.ceil(upload.byteSize / upload.chunkSize);
const everyIndex = (upload: repo.UploadRow) =>
  Array.from({ length: chunkCount(upload) }, (_, index) => index);

/** Every chunk is chunkSize bytes, but the last, which holds what remains. */
function expectedSize(upload: repo.UploadRow, index: number): number {
  const last = chunkCount(upload) - 1;
  return index < last ? upload.chunkSize : upload.byteSize - last * upload.chunkSize;
}

/** A list of chunk indexes for a message, in each language's digits. */
function indexList(indexes: readonly number[]): MessageParam {
  return { en: indexes.join(", "), km: indexes.map((index) => KHMER_DIGITS.format(index)).join(", ") };
}

async function own(db: Db, ctx: Ctx, id: string, lock = false): Promise<repo.UploadRow> {
  const upload = await repo.findOwn(db, ctx.actor.id, id, lock);
  if (!upload) throw notFound("upload");
  return upload;
}

async function stateOf(db: Db, upload: repo.UploadRow): Promise<UploadState> {
  return {
    id: upload.id,
    chunkSize: upload.chunkSize,
    // A complete upload's chunks are gone: it holds them all.
    received: upload.mediaId ? everyIndex(upload) : await repo.receivedIndexes(db, upload.id),
    mediaId: upload.mediaId,
  };
}

/**
 * POST /uploads: starts the upload under the device's id, or — the same id and file again, after a
 * cut — answers what is held so far. The id used for another file, or by someone else, is a 409.
 */
export async function start(ctx: Ctx, input: UploadStart): Promise<{ created: boolean; state: UploadState }> {
  const sha256 = input.sha256.toLowerCase();
  // The type is checked once the caller may upload at all (403 first).
  let file: { fileName: string; contentType: string; byteSize: number; sha256: string } | undefined;
  const isNew = await creation(ctx, {
    requires: requires(uploadsPolicy, "upload:create"),
    input,
    check: () => {
      const contentType = media.allowedType(input.contentType, ALLOWED_TYPES);
      file = { fileName: input.fileName, contentType, byteSize: input.byteSize, sha256 };
    },
    // At the clock's time: the sweep decides by it (uploads.sweep.ts).
    write: (tx, _input, now) =>
      repo.insert(tx, {
        id: input.id,
        userId: ctx.actor.id,
        chunkSize: UPLOAD_CHUNK_SIZE,
        ...file!,
        createdAt: now,
        updatedAt: now,
      }),
    // The same upload started again (after a cut) is not a new one.
    audit: (_input, inserted) =>
      inserted
        ? {
            action: "upload.started",
            entityType: "upload",
            entityId: input.id,
            changes: created(file!, FILE_FIELDS),
          }
        : null,
  });
  const upload = await repo.findOwn(ctx.db, ctx.actor.id, input.id);
  const sameFile = upload && FILE_FIELDS.every((field) => upload[field] === file![field]);
  if (!upload || !sameFile) throw conflict("upload_id_reused");
  return { created: isNew, state: await stateOf(ctx.db, upload) };
}

/** GET /uploads/:id: what the server holds, for a device resuming after a cut. */
export async function status(ctx: Ctx, id: string): Promise<UploadState> {
  return stateOf(ctx.db, await own(ctx.db, ctx, id));
}

/**
 * PUT /uploads/:id/chunks/:index: keeps one chunk (sent again, it replaces the first copy). The
 * upload's row is locked, so a chunk cannot slip in while the upload is being completed.
 */
export async function putChunk(
  ctx: Ctx,
  id: string,
  index: number,
  data: Buffer,
): Promise<{ received: number[] }> {
  return ctx.db.transaction(async (tx) => {
    const upload = await own(tx, ctx, id, true);
    const count = chunkCount(upload);
    if (index >= count) throw badRequest("upload_chunk_out_of_range", [], { index, count });
    const expected = expectedSize(upload, index);
    if (data.length !== expected)
      throw badRequest("upload_chunk_wrong_size", [], { index, expected, actual: data.length });
    // Complete already (a late retry): the file is stored, the chunk is not needed.
    if (!upload.mediaId) await repo.putChunk(tx, id, index, data, ctx.clock.now());
    return { received: (await stateOf(tx, upload)).received };
  });
}

/** What completing an upload did: stored its file (or had already), or discarded a file that did not match. */
type Completion = { mediaId: string; discarded?: never } | { discarded: { sha256: string; chunks: number } };

/**
 * POST /uploads/:id/complete: with every chunk in, checks the size and the SHA-256, stores the file
 * as a media file and drops the chunks, in one transaction. Completing again answers the same file.
 * A file that does not match its hash is discarded (committed) before the 400, so that the device
 * sends it again from the start instead of completing the same bad bytes forever.
 */
export async function complete(ctx: Ctx, id: string): Promise<{ mediaId: string }> {
  const outcome = await command<repo.UploadRow, Completion & { fresh: boolean }>(ctx, {
    entity: "upload",
    load: (db) => repo.findOwn(db, ctx.actor.id, id),
    requires: requires(uploadsPolicy, "upload:complete", (upload: repo.UploadRow) => upload),
    // The row is locked, so that no chunk slips in while the upload is completed.
    lock: (tx) => own(tx, ctx, id, true),
    write: async (tx, upload, now) => {
      if (upload.mediaId) return { mediaId: upload.mediaId, fresh: false };
      const received = new Set(await repo.receivedIndexes(tx, id));
      const missing = everyIndex(upload).filter((index) => !received.has(index));
      if (missing.length) throw conflict("upload_chunks_missing", [], { missing: indexList(missing) });
      const data = Buffer.concat(await repo.chunkData(tx, id));
      const sha256 = createHash("sha256").update(data).digest("hex");
      if (data.length !== upload.byteSize || sha256 !== upload.sha256) {
        await repo.deleteChunks(tx, id);
        return { discarded: { sha256, chunks: received.size }, fresh: true };
      }
      const stored = await media.store(
        tx,
        ctx.actor.id,
        { fileName: upload.fileName, contentType: upload.contentType, data },
        ALLOWED_TYPES,
      );
      await repo.markComplete(tx, id, stored.id, now);
      await repo.deleteChunks(tx, id);
      return { mediaId: stored.id, fresh: true };
    },
    audit: (upload, done) => {
      // Completing again changes nothing, and is not audited.
      if (!done.fresh) return null;
      if (done.discarded)
        return {
          action: "upload.discarded",
          entityType: "upload",
          entityId: id,
          changes: {
            sha256: { from: upload.sha256, to: done.discarded.sha256 },
            chunks: { from: done.discarded.chunks, to: 0 },
          },
        };
      return {
        action: "upload.completed",
        entityType: "upload",
        entityId: id,
        changes: { mediaId: { from: null, to: done.mediaId } },
      };
    },
  });
  if (outcome.discarded) throw badRequest("upload_hash_mismatch");
  return { mediaId: outcome.mediaId };
}

/**
 * For other modules' commands (attaching the file to a record): the stored file of the caller's own
 * completed upload. Someone else's upload is not found; one still in progress is a 409.
 */
export async function completedFile(
  ctx: Ctx,
  uploadId: string,
): Promise<{ mediaId: string; fileName: string; contentType: string; byteSize: number }> {
  const upload = await own(ctx.db, ctx, uploadId);
  if (!upload.mediaId) throw conflict("upload_incomplete");
  const { mediaId, fileName, contentType, byteSize } = upload;
  return { mediaId, fileName, contentType, byteSize };
}
