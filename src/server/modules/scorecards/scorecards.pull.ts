import type { Scorecard } from "../../../contracts/scorecards";
import type { SyncCycle } from "../../../contracts/sync";
import type { Ctx } from "../../platform/context";
import type { ChangeMark, Changes, StreamDefinition } from "../sync/sync.service";
import { cycleRefsById } from "./scorecards.presenter";
import * as pull from "./scorecards.pull.repo";
import { getMany, listForCycles } from "./scorecards.service";

/**
 * The score-card module's part of the field app's pull (GET /api/v1/sync/pull, issue 4): the open
 * cycles a user may record a score card for, and those cycles' cards, in the order of their last
 * change. Each item is what the API's own GET answers this user, built by the same code, so that a
 * card read offline shows and hides exactly what it shows and hides online; a page is built with
 * one query per kind of record, not per record (getMany, listForCycles).
 */

/** The cycles changed after `after`, with what GET /api/v1/cycles/:cycleId/scorecards says may be started. */
async function cyclesChangedAfter(ctx: Ctx, after: ChangeMark, limit: number): Promise<Changes<SyncCycle>> {
  const rows = await pull.changedCycles(ctx.db, ctx.actor, after, limit + 1);
  const page = rows.slice(0, limit);
  const refs = await cycleRefsById(
    ctx.db,
    page.map((row) => row.id),
  );
  const lists = await listForCycles(
    ctx,
    page.map((row) => row.id),
  );
  // A cycle that left the user's reach between the two reads is not sent (the last page's inScope drops it).
  const entries = page.flatMap((row) => {
    const list = lists.get(row.id);
    const ref = refs.get(row.id);
    if (!list || !ref) return [];
    const item: SyncCycle = { ...ref, status: row.step, version: row.version, can: list.can };
    return [{ mark: { marker: row.marker, id: row.id }, item }];
  });
  return { entries, more: rows.length > limit, last: lastMark(page) };
}

/** The cards of those cycles changed after `after`, each as GET /api/v1/scorecards/:id answers it. */
async function cardsChangedAfter(ctx: Ctx, after: ChangeMark, limit: number): Promise<Changes<Scorecard>> {
  const rows = await pull.changedCards(ctx.db, ctx.actor, after, limit + 1);
  const page = rows.slice(0, limit);
  const cards = new Map(
    (
      await getMany(
        ctx,
        page.map((row) => row.id),
      )
    ).map((card) => [card.id, card]),
  );
  // A card that left the user's reach between the two reads is not sent.
  const entries = page.flatMap((row) => {
    const item = cards.get(row.id);
    return item ? [{ mark: { marker: row.marker, id: row.id }, item }] : [];
  });
  return { entries, more: rows.length > limit, last: lastMark(page) };
}

function lastMark(page: ChangeMark[]): ChangeMark | null {
  const last = page.at(-1);
  return last ? { marker: last.marker, id: last.id } : null;
}

export const cycleStream: StreamDefinition<SyncCycle> = {
  name: "cycles",
  changedAfter: cyclesChangedAfter,
  idsInReach: (ctx) => pull.cycleIds(ctx.db, ctx.actor),
};

export const scorecardStream: StreamDefinition<Scorecard> = {
  name: "scorecards",
  changedAfter: cardsChangedAfter,
  idsInReach: (ctx) => pull.cardIds(ctx.db, ctx.actor),
};
