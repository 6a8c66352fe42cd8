import type { Writable } from "node:stream";
import { z } from "zod";
import type { ExportFormat } from "../../../contracts/exports";
import type { Db } from "../../db/database";
import type { Ctx, Deps } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { defineJob } from "../../platform/jobs";
import { CONTENT_TYPES, type ExportContent, type ExportKinds } from "./exports.kinds";
import { exportHtml, printPdf } from "./exports.pdf";
import * as repo from "./exports.repo";
import type { ExportAccess } from "./exports.service";
import { chunkSink, type Progress, writeCsv, writeXlsx } from "./exports.writers";

/** How long a written file is kept for its requester; the sweep deletes it after. */
export const EXPORT_KEEP_MS = 24 * 3600_000;
/** Stored (and served) in chunks of this size, so that neither writing nor reading holds a whole file. */
const CHUNK_SIZE = 256 * 1024;
/** An export still unwritten after this has lost its job (or run out of retries): it is failed. */
const STALE_MS = 2 * 3600_000;

export const exportWriteJob = defineJob({
  name: "exports.write",
  payload: z.object({ exportId: z.uuid() }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  // A national export of tens of thousands of rows, or a PDF printed by Chromium.
  expireInSeconds: 15 * 60,
});

/**
 * The `exports.write` job: writes the file with the requester's access as it was when she asked,
 * reporting rows done as it goes. A refusal that will not change (an AppError: no Chromium, access
 * gone) fails the export; anything else is thrown for pg-boss to retry.
 */
export async function writeExport(deps: Deps, kinds: ExportKinds, exportId: string): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  const row = await repo.claim(db, exportId, now);
  if (!row) return;
  const kind = kinds.get(row.kind);
  const access = row.access as ExportAccess;
  const ctx: Ctx = { ...deps, actor: { ...access, mustEnrolTotp: false }, ip: null, locale: access.locale };
  try {
    if (!kind) throw new AppError(500, "export_failed");
    await repo.deleteChunks(db, exportId);
    const content = await kind.content(ctx, row.params as never, row.format);
    await repo.update(db, exportId, { rowsTotal: content.total }, clock.now());
    const progress: Progress = (rowsDone) => repo.update(db, exportId, { rowsDone }, clock.now());
    const sink = chunkSink(CHUNK_SIZE, (index, chunk) => repo.insertChunk(db, exportId, index, chunk));
    await writeFile(row.format, content, sink.stream, progress);
    await repo.update(
      db,
      exportId,
      {
        status: "done",
        fileName: `${content.baseName}.${row.format}`,
        contentType: CONTENT_TYPES[row.format],
        byteSize: sink.written(),
        expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
      },
      clock.now(),
    );
  } catch (error) {
    if (!(error instanceof AppError)) {
      await repo.update(db, exportId, { status: "queued" }, clock.now());
      throw error;
    }
    await repo.deleteChunks(db, exportId);
    await repo.update(
      db,
      exportId,
      {
        status: "failed",
        error: error.code === "export_pdf_unavailable" ? error.code : "export_failed",
        expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
      },
      clock.now(),
    );
  }
}

async function writeFile(
  format: ExportFormat,
  content: ExportContent,
  out: Writable,
  progress: Progress,
): Promise<void> {
  if (format === "csv") return writeCsv(out, content.tables[0]!, progress);
  if (format === "xlsx") return writeXlsx(out, content.tables, progress);
  // A PDF is a report of a few pages: its page is built whole, then printed.
  const pdf = await printPdf(await exportHtml(content.title, content.tables, progress));
  out.end(pdf);
  await new Promise((resolve, reject) => out.once("finish", resolve).once("error", reject));
}

/** The `exports.sweep` job: deletes files kept past their time, and fails exports whose job was lost. */
export async function sweepExports(db: Db, now: Date) {
  const failed = await repo.failStale(
    db,
    new Date(now.getTime() - STALE_MS),
    new Date(now.getTime() + EXPORT_KEEP_MS),
    now,
  );
  const deleted = await repo.deleteExpired(db, now);
  return { deleted, failed };
}
