import type { z } from "zod";
import type {
  AnswerFeedbackBody,
  AssignFeedbackBody,
  FeedbackContactBody,
  FeedbackItem,
  FeedbackListQuery,
  RestrictFeedbackBody,
} from "../../../contracts/feedback";
import { formatPhone } from "../../../domain/feedback/phone";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { authorize, can } from "../../platform/access";
import { audit } from "../../platform/audit";
import type { ContactCipher } from "../../platform/contact-cipher";
import type { Ctx } from "../../platform/context";
import { AppError, conflict, notFound } from "../../platform/errors";
import * as sms from "../sms/sms.service";
import * as contacts from "./feedback.contacts";
import { updateCounted } from "./feedback.facts";
import { sensitivityOf } from "./feedback.intake";
import { withNames } from "./feedback.names";
import { type FeedbackAccess, feedbackPolicy } from "./feedback.policy";
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
    seeContact: can(feedbackPolicy, "feedback:contact", ctx.actor, access),
  };
}

/**
 * A message the actor may read, or an error. Out of the area: 404. A restricted message for anyone
 * outside child protection: 404 too, so that even its existence stays in child protection. A general
 * message for a role that does not read the general queue: 403 (its existence is no secret).
 */
async function loadReadable(ctx: Ctx, id: string): Promise<repo.MessageWithContact> {
  const row = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound("feedback_message");
  authorize(feedbackPolicy, "feedback:read", ctx.actor, accessOf(row.message));
  return row;
}

export async function get(ctx: Ctx, id: string): Promise<FeedbackItem> {
  return presentOne(ctx, await loadReadable(ctx, id));
}

/** A message as staff see it, with what other modules hold beside it (feedback.names.ts). */
async function presentOne(ctx: Ctx, row: repo.MessageWithContact): Promise<FeedbackItem> {
  const [named] = await withNames(ctx.db, [row]);
  return presentItem(named!, cambodiaToday(ctx.clock.now()), abilitiesOn(ctx, row.message));
}

/** One queue of the actor's area, newest first; asking for a queue one's role does not read is 403. */
export async function list(ctx: Ctx, query: z.infer<typeof FeedbackListQuery>) {
  const restricted = query.queue === "restricted";
  const ability = restricted ? "queue:restricted" : "queue:general";
  if (!can(feedbackPolicy, ability, ctx.actor, null)) throw new AppError(403, "feedback_queue_forbidden");
  const { rows, total } = await repo.listQueue(ctx.db, ctx.actor, {
    restricted,
    status: query.status,
    assignedTo: query.mine === "true" ? ctx.actor.id : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  const today = cambodiaToday(ctx.clock.now());
  const named = await withNames(ctx.db, rows);
  return { items: named.map((row) => presentItem(row, today, abilitiesOn(ctx, row.message))), total };
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
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await updateCounted(
      tx,
      before.message,
      input.version,
      {
        status: "answered",
        answerText: input.text,
        // The first answer's time stays: it is when the sender was answered (the figures' days to answer).
        answeredAt: before.message.answeredAt ?? now,
        answeredBy: ctx.actor.id,
        acknowledgedAt: before.message.acknowledgedAt ?? now,
      },
      ctx.clock.now(),
    );
    if (!updated) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: "feedback.answered",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      sensitivity: sensitivityOf(updated),
      changes: {
        status: { from: before.message.status, to: updated.status },
        answerLength: { from: before.message.answerText?.length ?? null, to: input.text.length },
      },
    });
    // The sender who left a number gets the answer by SMS, queued with the answer itself. For a
    // report of harm to a child the phone may be shared: the SMS only says that an answer waits.
    await contacts.queueToSender(tx, id, "answer", (locale) =>
      updated.restricted
        ? sms.replies.answerReady(locale, updated.trackingCode)
        : sms.replies.answer(locale, updated.trackingCode, input.text),
    );
  });
  return get(ctx, id);
}

/**
 * The sender's phone number, for staff who must call back, with the reason in the audit (the
 * number never is). 404 when the sender left none.
 */
export async function contact(
  ctx: Ctx,
  cipher: ContactCipher,
  id: string,
  input: z.infer<typeof FeedbackContactBody>,
) {
  const row = await loadReadable(ctx, id);
  authorize(feedbackPolicy, "feedback:contact", ctx.actor, accessOf(row.message));
  const phone = await ctx.db.transaction(async (tx) => {
    const sealed = await contacts.senderPhoneSealed(tx, id);
    if (!sealed) throw notFound("feedback_contact");
    await audit(tx, ctx, {
      action: "feedback.contact_seen",
      entityType: "feedback_message",
      entityId: id,
      placeCode: row.message.communeCode,
      sensitivity: sensitivityOf(row.message),
      // A reason about a report of harm tends to describe the child: the audit (read by
      // administrators) keeps only that one was given, as for moves into child protection.
      changes: row.message.restricted
        ? { reasonGiven: { from: null, to: true } }
        : { reason: { from: null, to: input.reason } },
    });
    return cipher.open(sealed);
  });
  return { phone: formatPhone(phone) };
}

/**
 * Takes a message (it becomes the actor's to answer, which acknowledges it) or gives it back. Taking
 * one that someone else holds is allowed (a colleague away, a supervisor stepping in): the audit says
 * from whom.
 */
export async function assign(ctx: Ctx, id: string, input: z.infer<typeof AssignFeedbackBody>) {
  const before = await loadReadable(ctx, id);
  authorize(feedbackPolicy, "feedback:answer", ctx.actor, accessOf(before.message));
  if (before.message.status === "closed") throw conflict("feedback_closed");
  const assignedTo = input.take ? ctx.actor.id : null;
  if (!input.take && before.message.assignedTo !== ctx.actor.id) throw conflict("feedback_not_yours");
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await updateCounted(
      tx,
      before.message,
      input.version,
      {
        assignedTo,
        acknowledgedAt: before.message.acknowledgedAt ?? (input.take ? now : null),
      },
      ctx.clock.now(),
    );
    if (!updated) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: input.take ? "feedback.taken" : "feedback.given_back",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      sensitivity: sensitivityOf(updated),
      changes: { assignedTo: { from: before.message.assignedTo, to: assignedTo } },
    });
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
    // Whoever took it may not read it in its new queue: it waits to be taken again there.
    const updated = await updateCounted(
      tx,
      before.message,
      input.version,
      {
        restricted: input.restricted,
        restrictedBecause: because,
        assignedTo: null,
      },
      ctx.clock.now(),
    );
    if (!updated) throw conflict("version_conflict");
    await audit(tx, ctx, {
      action: input.restricted ? "feedback.restricted" : "feedback.unrestricted",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      // A move across the boundary is known on both sides: the general queue saw the message go (or
      // come), so the event is general; what happens inside child protection is not.
      sensitivity: "general",
      changes: {
        restricted: { from: before.message.restricted, to: updated.restricted },
        ...(input.restricted ? {} : { reason: { from: null, to: input.reason } }),
      },
    });
    return updated;
  });
  return presentOne(ctx, { ...before, message: row });
}
