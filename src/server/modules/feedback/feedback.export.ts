import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { FeedbackExportBody } from "../../../contracts/feedback";
import { formatPhone } from "../../../domain/feedback/phone";
import { isOverdue } from "../../../domain/feedback/time-limits";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { can } from "../../platform/access";
import { audit } from "../../platform/audit";
import type { ContactCipher } from "../../platform/contact-cipher";
import type { Ctx } from "../../platform/context";
import { type CsvCell, csvDocument } from "../../platform/csv";
import { AppError } from "../../platform/errors";
import type { ExportKind } from "../exports/exports.service";
import * as contacts from "./feedback.contacts";
import { type FeedbackListRow, withNames } from "./feedback.names";
import { feedbackPolicy } from "./feedback.policy";
import * as repo from "./feedback.repo";

/**
 * A queue's messages as CSV, for staff who report on them or work offline in a spreadsheet (issue 5,
 * parts 7 and 8). The same scope as the queue: the actor's area, a provider's facilities. Phone
 * numbers only when asked for, by those who may call back, with the reason in the audit. Every export
 * is audited with its filters and row count, never with its contents.
 */

/** More than this is a report for the figures, not a spreadsheet of messages. */
export const EXPORT_MAX_ROWS = 20_000;

const HEADER = [
  "tracking_code",
  "received_at",
  "channel",
  "province_code",
  "district_code",
  "commune_code",
  "commune_name_km",
  "commune_name_en",
  "service",
  "facility_code",
  "facility_name_km",
  "facility_name_en",
  "topic",
  "status",
  "text",
  "taken_by",
  "acknowledge_due_on",
  "answer_due_on",
  "overdue",
  "escalated_to",
  "answered_at",
  "answered_by",
  "answer",
];

/** Cambodia's date and time (UTC+7, no daylight saving), as a spreadsheet reads it. */
function cambodiaTime(at: Date | null): string | null {
  if (!at) return null;
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

function line(row: FeedbackListRow, today: string): CsvCell[] {
  const { message, commune, facility } = row;
  return [
    // Grouped as people read it, which also keeps a spreadsheet from dropping a leading zero.
    formatTrackingCode(message.trackingCode),
    cambodiaTime(message.createdAt),
    message.channel,
    message.communeCode.slice(0, 2),
    message.communeCode.slice(0, 4),
    message.communeCode,
    commune.nameKm,
    commune.nameEn,
    message.sectorCode,
    facility?.code,
    facility?.nameKm,
    facility?.nameEn,
    message.topic,
    message.status,
    message.text,
    row.assignedToName,
    message.acknowledgeDueOn,
    message.answerDueOn,
    isOverdue(message, today) ? "yes" : "no",
    message.escalatedToLevel,
    cambodiaTime(message.answeredAt),
    row.answeredByName,
    message.answerText,
  ];
}

/** The queue's rule: who may export which queue (the same as who may read it). */
function authorizeQueue(ctx: Ctx, queue: "general" | "restricted"): void {
  if (!can(feedbackPolicy, queue === "restricted" ? "queue:restricted" : "queue:general", ctx.actor, null))
    throw new AppError(403, "feedback_queue_forbidden");
}

/** The queue's messages in the actor's scope, at most EXPORT_MAX_ROWS. */
async function rowsOf(ctx: Ctx, input: Omit<z.infer<typeof FeedbackExportBody>, "withPhones" | "reason">) {
  const rows = await repo.listForExport(ctx.db, ctx.actor, {
    restricted: input.queue === "restricted",
    status: input.status,
    from: input.from,
    to: input.to,
    limit: EXPORT_MAX_ROWS + 1,
  });
  if (rows.length > EXPORT_MAX_ROWS)
    throw new AppError(422, "feedback_export_too_large", { max: EXPORT_MAX_ROWS });
  return withNames(ctx.db, rows);
}

/**
 * The queue as a background export (modules/exports): the same columns, without phone numbers
 * (those stay an audited download of their own, above).
 */
export const feedbackMessagesExport: ExportKind<"feedback.messages"> = {
  kind: "feedback.messages",
  async authorize(ctx, params) {
    authorizeQueue(ctx, params.queue);
  },
  async content(ctx, params) {
    authorizeQueue(ctx, params.queue);
    const rows = await rowsOf(ctx, params);
    const today = cambodiaToday(ctx.clock.now());
    return {
      baseName: `samleng-feedback-${params.queue}-${today}`,
      title: `Samleng feedback ${params.queue} ${today}`,
      total: rows.length,
      tables: [{ name: params.queue, header: HEADER, rows: rows.map((row) => line(row, today)) }],
    };
  },
};

export async function exportMessages(
  ctx: Ctx,
  cipher: ContactCipher,
  input: z.infer<typeof FeedbackExportBody>,
): Promise<{ fileName: string; body: Buffer; rows: number }> {
  const restricted = input.queue === "restricted";
  authorizeQueue(ctx, input.queue);
  if (input.withPhones && !can(feedbackPolicy, "queue:phones", ctx.actor, { restricted }))
    throw new AppError(403, "feedback_export_phones_forbidden");
  const rows = await rowsOf(ctx, input);

  const today = cambodiaToday(ctx.clock.now());
  const exportId = uuidv7();
  const body = await ctx.db.transaction(async (tx) => {
    const lines = rows.map((row) => line(row, today));
    const header = [...HEADER];
    if (input.withPhones) {
      const sealed = await contacts.sendersPhonesSealed(
        tx,
        rows.map((row) => row.message.id),
      );
      header.push("phone");
      rows.forEach((row, index) => {
        const phone = sealed.get(row.message.id);
        lines[index]!.push(phone ? formatPhone(cipher.open(phone)) : null);
      });
    }
    await audit(tx, ctx, {
      action: "feedback.exported",
      entityType: "feedback_export",
      entityId: exportId,
      sensitivity: restricted ? "child_protection" : "general",
      changes: {
        queue: { from: null, to: input.queue },
        filters: {
          from: null,
          to: { status: input.status ?? null, from: input.from ?? null, to: input.to ?? null },
        },
        rows: { from: null, to: rows.length },
        withPhones: { from: null, to: input.withPhones },
        // As for one number: the reason about reports of harm tends to describe a child, so the audit
        // (read by administrators) keeps only that one was given.
        ...(input.withPhones
          ? restricted
            ? { reasonGiven: { from: null, to: true } }
            : { reason: { from: null, to: input.reason ?? null } }
          : {}),
      },
    });
    return csvDocument([header, ...lines]);
  });
  const fileName = `samleng-feedback-${input.queue}-${today}${input.withPhones ? "-with-phones" : ""}.csv`;
  return { fileName, body, rows: rows.length };
}
