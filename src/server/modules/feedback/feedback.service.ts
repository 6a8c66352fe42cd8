import type { z } from "zod";
import type {
  AnswerFeedbackBody,
  FeedbackItem,
  FeedbackListQuery,
  RestrictFeedbackBody,
} from "../../../contracts/feedback";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { authorize, can } from "../../platform/access";
import { audit } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { AppError, conflict, notFound } from "../../platform/errors";
import { replies } from "../sms/sms.replies";
import * as sms from "../sms/sms.service";
import { type FeedbackAccess, feedbackPolicy, readsRestricted } from "./feedback.policy";
import { presentItem } from "./feedback.presenter";
import * as repo from "./feedback.repo";

/**
 * The staff side of feedback (issue 5): the two queues of the actor's area, one message, its answer,
 * and moving it into or out of the child-protection queue. Every change is versioned and audited in
 * its transaction.
 */

const accessOf = (message: repo.FeedbackRow): FeedbackAccess => ({
  communeCode: message.communeCode,
  restricted: message.restricted,
});

function abilitiesOn(ctx: Ctx, message: repo.FeedbackRow): FeedbackItem["can"] {
  const access = accessOf(message);
  return {
    answer: message.status !== "closed" && can(feedbackPolicy, "feedback:answer", ctx.actor, access),
    restrict: can(feedbackPolicy, "feedback:restrict", ctx.actor, access),
  };
}

/**
 * A message the actor may read, or an error. Out of the area: 404. A restricted message for anyone
 * outside child protection: 404 too, so that even its existence stays in child protection. A general
 * message for a role that does not read the general queue: 403 (its existence is no secret).
 */
async function loadReadable(ctx: Ctx, id: string): Promise<repo.FeedbackListRow> {
  const row = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound("feedback_message");
  if (row.message.restricted && !readsRestricted(ctx.actor)) throw notFound("feedback_message");
  authorize(feedbackPolicy, "feedback:read", ctx.actor, accessOf(row.message));
  return row;
}

export async function get(ctx: Ctx, id: string): Promise<FeedbackItem> {
  const row = await loadReadable(ctx, id);
  return presentItem(row, cambodiaToday(), abilitiesOn(ctx, row.message));
}

/** One queue of the actor's area, newest first; asking for a queue one's role does not read is 403. */
export async function list(ctx: Ctx, query: z.infer<typeof FeedbackListQuery>) {
  const restricted = query.queue === "restricted";
  const ability = restricted ? "queue:restricted" : "queue:general";
  if (!can(feedbackPolicy, ability, ctx.actor, null)) throw new AppError(403, "feedback_queue_forbidden");
  const { rows, total } = await repo.listQueue(ctx.db, ctx.actor, {
    restricted,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
  const today = cambodiaToday();
  return { items: rows.map((row) => presentItem(row, today, abilitiesOn(ctx, row.message))), total };
}

/**
 * Answers a message (or replaces its answer: the sender reads the latest). The audit keeps the
 * answer's length, not its words: administrators read the audit log, and an answer in the
 * child-protection queue may speak of a child's case. The answer itself stays on the message.
 */
export async function answer(ctx: Ctx, id: string, input: z.infer<typeof AnswerFeedbackBody>) {
  const before = await loadReadable(ctx, id);
  authorize(feedbackPolicy, "feedback:answer", ctx.actor, accessOf(before.message));
  if (before.message.status === "closed") throw conflict("feedback_closed");
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.update(tx, id, input.version, {
      status: "answered",
      answerText: input.text,
      answeredAt: now,
      answeredBy: ctx.actor.id,
    });
    if (!updated) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: "feedback.answered",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      changes: {
        status: { from: before.message.status, to: updated.status },
        answerLength: { from: before.message.answerText?.length ?? null, to: input.text.length },
      },
    });
    // The sender who left a number gets the answer by SMS, queued with the answer itself.
    await sms.queueToSender(tx, id, "answer", (locale) =>
      replies.answer(locale, updated.trackingCode, input.text),
    );
  });
  return get(ctx, id);
}

/**
 * Moves a message into the child-protection queue (anyone who reads it and sees harm) or out of it
 * (child protection only), with the reason in the audit. Whoever moves a general message in may no
 * longer read it afterwards: the answer is the message as it now stands, and the next read is 404.
 */
export async function restrict(ctx: Ctx, id: string, input: z.infer<typeof RestrictFeedbackBody>) {
  const before = await loadReadable(ctx, id);
  if (before.message.restricted === input.restricted) throw conflict("feedback_restriction_unchanged");
  if (!can(feedbackPolicy, "feedback:restrict", ctx.actor, accessOf(before.message)))
    throw new AppError(403, "feedback_unrestrict_forbidden");
  // Why a person moved a message in stays with the message, which only child protection reads; the
  // audit log (read by administrators) says who moved it and when, never the words, which tend to
  // describe the harm. Moving out says why in the audit: the message is general from then on.
  const because = input.restricted
    ? [...new Set([...before.message.restrictedBecause, `staff: ${input.reason}`])]
    : [];
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.update(tx, id, input.version, {
      restricted: input.restricted,
      restrictedBecause: because,
    });
    if (!updated) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: input.restricted ? "feedback.restricted" : "feedback.unrestricted",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      changes: {
        restricted: { from: before.message.restricted, to: updated.restricted },
        ...(input.restricted ? {} : { reason: { from: null, to: input.reason } }),
      },
    });
    return updated;
  });
  return presentItem({ ...before, message: row }, cambodiaToday(), abilitiesOn(ctx, row));
}
