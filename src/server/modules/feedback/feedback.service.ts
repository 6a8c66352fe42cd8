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
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import { allOf, command, requires } from "../../platform/command";
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

/** Who may read a message: its area and queue (loaded in scope, then checked on it). */
const mayRead = requires(feedbackPolicy, "feedback:read", (row: repo.MessageWithContact) =>
  accessOf(row.message),
);
/** Who may answer a message, take it or give it back (and read it). */
const mayAnswer = allOf(
  mayRead,
  requires(feedbackPolicy, "feedback:answer", (row: repo.MessageWithContact) => accessOf(row.message)),
);

/** A message in the actor's scope, for a command (none: 404). */
const loadMessage = (ctx: Ctx, id: string) => (db: Db) => repo.findInScope(db, ctx.actor, id);

function assertNotClosed(row: repo.MessageWithContact) {
  if (row.message.status === "closed") throw conflict("feedback_closed");
}

/** The version the caller read, against the message's own. */
const versionOf = (expected: number) => ({
  expected,
  of: (row: repo.MessageWithContact) => row.message.version,
});

/**
 * Answers a message (or replaces its answer: the sender reads the latest). The audit keeps the
 * answer's length, not its words: administrators read the audit log, and an answer in the
 * child-protection queue may speak of a child's case. The answer itself stays on the message.
 */
export async function answer(ctx: Ctx, id: string, input: z.infer<typeof AnswerFeedbackBody>) {
  await command(ctx, {
    entity: "feedback_message",
    load: loadMessage(ctx, id),
    requires: mayAnswer,
    check: assertNotClosed,
    version: versionOf(input.version),
    write: async (tx, before, now) => {
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
        now,
      );
      if (!updated) return null;
      // The sender who left a number gets the answer by SMS, queued with the answer itself. For a
      // report of harm to a child the phone may be shared: the SMS only says that an answer waits.
      await contacts.queueToSender(tx, id, "answer", (locale) =>
        updated.restricted
          ? sms.replies.answerReady(locale, updated.trackingCode)
          : sms.replies.answer(locale, updated.trackingCode, input.text),
      );
      return updated;
    },
    audit: (before, updated) => ({
      action: "feedback.answered",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      sensitivity: sensitivityOf(updated),
      changes: {
        status: { from: before.message.status, to: updated.status },
        answerLength: { from: before.message.answerText?.length ?? null, to: input.text.length },
      },
    }),
  });
  return get(ctx, id);
}

/**
 * The sender's phone number, for staff who must call back, with the reason in the audit (the
 * number never is). 404 when the sender left none.
 */
export async function contact(ctx: Ctx, id: string, input: z.infer<typeof FeedbackContactBody>) {
  const sealed = await command(ctx, {
    entity: "feedback_message",
    load: loadMessage(ctx, id),
    requires: allOf(
      mayRead,
      requires(feedbackPolicy, "feedback:contact", (row: repo.MessageWithContact) => accessOf(row.message)),
    ),
    write: async (tx) => {
      const sealed = await contacts.senderPhoneSealed(tx, id);
      if (!sealed) throw notFound("feedback_contact");
      return sealed;
    },
    audit: (row) => ({
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
    }),
  });
  return { phone: formatPhone(ctx.cipher.open(sealed)) };
}

/**
 * Takes a message (it becomes the actor's to answer, which acknowledges it) or gives it back. Taking
 * one that someone else holds is allowed (a colleague away, a supervisor stepping in): the audit says
 * from whom.
 */
export async function assign(ctx: Ctx, id: string, input: z.infer<typeof AssignFeedbackBody>) {
  const assignedTo = input.take ? ctx.actor.id : null;
  await command(ctx, {
    entity: "feedback_message",
    load: loadMessage(ctx, id),
    requires: mayAnswer,
    check: (before) => {
      assertNotClosed(before);
      if (!input.take && before.message.assignedTo !== ctx.actor.id) throw conflict("feedback_not_yours");
    },
    version: versionOf(input.version),
    write: (tx, before, now) =>
      updateCounted(
        tx,
        before.message,
        input.version,
        { assignedTo, acknowledgedAt: before.message.acknowledgedAt ?? (input.take ? now : null) },
        now,
      ),
    audit: (before, updated) => ({
      action: input.take ? "feedback.taken" : "feedback.given_back",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      sensitivity: sensitivityOf(updated),
      changes: { assignedTo: { from: before.message.assignedTo, to: assignedTo } },
    }),
  });
  return get(ctx, id);
}

/**
 * Moves a message into the child-protection queue (anyone who reads it and sees harm) or out of it
 * (child protection only), with the reason in the audit. Whoever moves a general message in may no
 * longer read it afterwards: the answer is the message as it now stands, and the next read is 404.
 */
export async function restrict(ctx: Ctx, id: string, input: z.infer<typeof RestrictFeedbackBody>) {
  const moved = await command(ctx, {
    entity: "feedback_message",
    load: loadMessage(ctx, id),
    requires: mayRead,
    check: (loaded) => {
      if (loaded.message.restricted === input.restricted) throw conflict("feedback_restriction_unchanged");
      if (!can(feedbackPolicy, "feedback:restrict", ctx.actor, accessOf(loaded.message)))
        throw new AppError(403, "feedback_unrestrict_forbidden");
    },
    version: versionOf(input.version),
    // Why a person moved a message in stays with the message, which only child protection reads; the
    // audit log (read by administrators) says who moved it and when, never the words, which tend to
    // describe the harm. Moving out says why in the audit: the message is general from then on.
    // Whoever took it may not read it in its new queue: it waits to be taken again there.
    write: async (tx, loaded, now) => {
      const updated = await updateCounted(
        tx,
        loaded.message,
        input.version,
        {
          restricted: input.restricted,
          restrictedBecause: input.restricted
            ? [...new Set([...loaded.message.restrictedBecause, `staff: ${input.reason}`])]
            : [],
          assignedTo: null,
        },
        now,
      );
      return updated && { ...loaded, message: updated };
    },
    audit: (loaded, { message: updated }) => ({
      action: input.restricted ? "feedback.restricted" : "feedback.unrestricted",
      entityType: "feedback_message",
      entityId: id,
      placeCode: updated.communeCode,
      // A move across the boundary is known on both sides: the general queue saw the message go (or
      // come), so the event is general; what happens inside child protection is not.
      sensitivity: "general",
      changes: {
        restricted: { from: loaded.message.restricted, to: updated.restricted },
        ...(input.restricted ? {} : { reason: { from: null, to: input.reason } }),
      },
    }),
  });
  return presentOne(ctx, moved);
}
