import { uuidv7 } from "uuidv7";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { isafAbilities } from "../isaf/isaf.policy";
import { loadContent, missingForSubmit } from "./scorecards.content";
import { type Edit, editCard, singleEdit } from "./scorecards.edit";
import * as who from "./scorecards.people";
import { cycleRefsById, presentChangeRequest, presentSummaryOf } from "./scorecards.presenter";
import * as repo from "./scorecards.repo";
import * as store from "./scorecards.store";

/**
 * The review (issue 3, part 9): the facilitator submits, the NGO officer approves (the card is then
 * locked) or returns it with a comment; corrections after approval go through a change request that
 * a reviewer grants (the card goes back to draft) or refuses. Each step moves the dashboard counters.
 */

export function submit(ctx: Ctx, id: string, version: number) {
  return editCard(ctx, id, submitEdit(ctx, id, version));
}

/** The change behind submit; the field app's push applies it too (scorecards.sync.ts). */
export function submitEdit(ctx: Ctx, id: string, version: number): Edit {
  return singleEdit({ action: "submitted", version }, async (tx, card) => {
    const missing = missingForSubmit(card, await loadContent(tx, id));
    if (missing.length) throw badRequest("validation_failed", missing);
    return {
      set: { status: "submitted", submittedAt: ctx.clock.now(), submittedBy: ctx.actor.id },
      changes: { status: { from: card.status, to: "submitted" } },
    };
  });
}

export async function approve(ctx: Ctx, id: string, version: number) {
  return editCard(
    ctx,
    id,
    singleEdit(
      { action: "approved", version, ability: "scorecard:review", whileLocked: true },
      async (_tx, card) => {
        if (card.status !== "submitted") throw conflict("scorecard_not_submitted");
        return {
          set: {
            status: "approved",
            reviewedAt: ctx.clock.now(),
            reviewedBy: ctx.actor.id,
            reviewComment: null,
          },
          changes: { status: { from: "submitted", to: "approved" } },
        };
      },
    ),
  );
}

export async function returnCard(ctx: Ctx, id: string, version: number, comment: string) {
  return editCard(
    ctx,
    id,
    singleEdit(
      { action: "returned", version, ability: "scorecard:review", whileLocked: true },
      async (_tx, card) => {
        if (card.status !== "submitted") throw conflict("scorecard_not_submitted");
        return {
          set: {
            status: "returned",
            reviewedAt: ctx.clock.now(),
            reviewedBy: ctx.actor.id,
            reviewComment: comment,
          },
          changes: { status: { from: "submitted", to: "returned" }, comment },
        };
      },
    ),
  );
}

export async function requestChange(ctx: Ctx, id: string, reason: string) {
  return editCard(
    ctx,
    id,
    singleEdit(
      { action: "change_requested", ability: "scorecard:request_change", whileLocked: true },
      async (tx, card) => {
        if (card.status !== "approved") throw conflict("scorecard_not_approved");
        if (await store.pendingRequestOf(tx, id)) throw conflict("change_request_pending");
        const request = await store.insertChangeRequest(tx, {
          id: uuidv7(),
          scorecardId: id,
          reason,
          requestedBy: ctx.actor.id,
        });
        return { changes: { changeRequestId: request.id, reason } };
      },
    ),
  );
}

/** Grants (the card goes back to draft for the correction) or refuses a pending change request. */
export async function decideChange(
  ctx: Ctx,
  id: string,
  requestId: string,
  decision: "granted" | "refused",
  note: string | null,
) {
  return editCard(
    ctx,
    id,
    singleEdit(
      { action: `change_${decision}`, ability: "scorecard:review", whileLocked: true },
      async (tx, card) => {
        const request = await store.lockChangeRequest(tx, id, requestId);
        if (!request) throw notFound("change_request");
        if (request.status !== "pending") throw conflict("change_request_decided");
        await store.decideChangeRequest(
          tx,
          requestId,
          {
            status: decision,
            decidedBy: ctx.actor.id,
            decidedAt: ctx.clock.now(),
            decisionNote: note,
          },
          ctx.clock.now(),
        );
        const changes = { changeRequestId: requestId, reason: request.reason, note };
        if (decision === "refused") return { changes };
        return {
          set: { status: "draft" as const, submittedAt: null, submittedBy: null },
          changes: { ...changes, status: { from: card.status, to: "draft" } },
        };
      },
    ),
  );
}

/** Submitted cards and pending change requests in the reviewer's area, oldest first. */
export async function reviewQueue(ctx: Ctx) {
  if (!isafAbilities(ctx.actor).includes("scorecard:review")) throw forbidden();
  const submitted = await repo.inAreaWithStatus(ctx.db, ctx.actor, "submitted");
  const requestCardIds = await repo.pendingRequestCardIds(ctx.db, ctx.actor);
  const requestCards = await repo.inAreaWithStatus(ctx.db, ctx.actor, "approved", requestCardIds);
  const cards = [...submitted, ...requestCards].map((entry) => entry.card);
  const [sizes, refs, requests, people] = await Promise.all([
    repo.sizes(
      ctx.db,
      cards.map((card) => card.id),
    ),
    cycleRefsById(
      ctx.db,
      cards.map((card) => card.cycleId),
    ),
    who.changeRequests(ctx.db, requestCardIds, true),
    who.people(
      ctx.db,
      submitted.map((entry) => entry.card.submittedBy),
    ),
  ]);
  const summary = (card: repo.ScorecardRow) => ({
    ...presentSummaryOf(card, sizes.get(card.id)!),
    cycle: refs.get(card.cycleId)!,
  });
  const byId = new Map(requestCards.map((entry) => [entry.card.id, entry.card]));
  return {
    submitted: submitted.map(({ card }) => ({
      ...summary(card),
      submittedBy: card.submittedBy ? (people.get(card.submittedBy) ?? null) : null,
    })),
    changeRequests: requests
      .filter((entry) => byId.has(entry.request.scorecardId))
      .map((entry) => ({
        ...presentChangeRequest(entry),
        scorecard: summary(byId.get(entry.request.scorecardId)!),
      })),
  };
}
