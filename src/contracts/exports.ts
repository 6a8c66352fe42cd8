import { z } from "zod";
import { Uuid } from "./common";
import { DashboardQuery } from "./dashboards";
import { ExportDate, FeedbackQueue, FeedbackStatus } from "./feedback";

/**
 * Exports written in the background (docs/mechanisms/jobs-and-exports.md): the user asks for one,
 * follows its progress, and downloads the file while it is kept. One variant per kind of export,
 * each with the formats it offers and its own parameters.
 */

/** A queue's messages, as the synchronous feedback export (no phone numbers in the background). */
export const FeedbackMessagesExportParams = z
  .object({
    queue: FeedbackQueue.default("general"),
    status: FeedbackStatus.optional(),
    from: ExportDate.optional(),
    to: ExportDate.optional(),
  })
  .refine((params) => !params.from || !params.to || params.from <= params.to, {
    path: ["to"],
    message: "feedback_export_dates_reversed",
  });

export const ExportRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("feedback.messages"),
    format: z.enum(["csv", "xlsx"]),
    params: FeedbackMessagesExportParams,
  }),
  z.object({
    kind: z.literal("dashboards.isaf"),
    format: z.enum(["csv", "xlsx", "pdf"]),
    params: DashboardQuery,
  }),
]);
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportFormat = ExportRequest["format"];

export const ExportParams = z.object({ id: Uuid });

/** Where an export stands. `rowsTotal` is known once the writer has counted what it writes. */
export const ExportStatus = z.object({
  id: Uuid,
  kind: z.string(),
  format: z.enum(["csv", "xlsx", "pdf"]),
  status: z.enum(["queued", "running", "done", "failed"]),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  fileName: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  /** A message code, when the export failed. */
  error: z.string().nullable(),
  /** When the file is deleted (ISO time); null until it is written. */
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ExportStatus = z.infer<typeof ExportStatus>;
