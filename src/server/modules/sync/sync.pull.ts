import type { PullResponse, SyncStream } from "../../../contracts/sync";
import type { Ctx } from "../../platform/context";
import * as scorecards from "../scorecards/scorecards.pull";
import { accessKey, decodeCursor, encodeCursor } from "./sync.cursor";
import { awaitEarlierWriters } from "./sync.repo";

/**
 * GET /api/v1/sync/pull (issue 4, ARCHITECTURE.md "Offline"): the field app downloads the work it
 * may do and, later, what changed since the position it stored. Each stream is read in the order of
 * its records' last change, a page at a time; the last page also lists every record the user may
 * see now, so that the device deletes what it may no longer see. Reads only: nothing is audited.
 * A change's mark is its transaction's id, read only once no older transaction runs
 * (scorecards.pull.repo.ts), so a page never passes a change that commits later.
 */
export async function pull(
  ctx: Ctx,
  query: { stream: SyncStream; after?: string; limit: number },
): Promise<PullResponse> {
  if (query.stream === "cycles") {
    return {
      stream: "cycles",
      ...(await page(ctx, query, scorecards.cyclesChangedAfter, scorecards.cycleIdsInReach)),
    };
  }
  return {
    stream: "scorecards",
    ...(await page(ctx, query, scorecards.cardsChangedAfter, scorecards.cardIdsInReach)),
  };
}

/** One page of a stream; `position` is the last item's mark, or where the device already was. */
async function page<T>(
  ctx: Ctx,
  query: { stream: SyncStream; after?: string; limit: number },
  changedAfter: (ctx: Ctx, after: scorecards.ChangeMark, limit: number) => Promise<scorecards.Changes<T>>,
  idsInReach: (ctx: Ctx) => Promise<string[]>,
) {
  const access = accessKey(ctx.actor);
  const after = query.after ? decodeCursor(query.after, query.stream, access) : scorecards.FIRST_MARK;
  await awaitEarlierWriters(ctx.db);
  const { entries, more } = await changedAfter(ctx, after, query.limit);
  const position = encodeCursor(query.stream, access, entries.at(-1)?.mark ?? after);
  return {
    items: entries.map((entry) => entry.item),
    next: more ? position : null,
    position,
    inScope: more ? null : await idsInReach(ctx),
  };
}
