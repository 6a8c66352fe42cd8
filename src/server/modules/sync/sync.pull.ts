import type { PullResponse, SyncStream } from "../../../contracts/sync";
import type { Ctx } from "../../platform/context";
import { accessKey, decodeCursor, encodeCursor } from "./sync.cursor";
import { FIRST_MARK, type StreamDefinition, type SyncRegistry } from "./sync.registry";
import { awaitEarlierWriters } from "./sync.repo";

/**
 * GET /api/v1/sync/pull (issue 4, ARCHITECTURE.md "Offline"): the field app downloads the work it
 * may do and, later, what changed since the position it stored. Each stream (registered by its
 * module, sync.registry.ts) is read in the order of its records' last change, a page at a time; the
 * last page also lists every record the user may see now, so that the device deletes what it may no
 * longer see. Reads only: nothing is audited. A change's mark is its transaction's id, read only once
 * no older transaction runs (scorecards.pull.repo.ts), so a page never passes a change that commits later.
 */
export async function pull(
  ctx: Ctx,
  registry: SyncRegistry,
  query: { stream: SyncStream; after?: string; limit: number },
): Promise<PullResponse> {
  const stream = registry.streams.get(query.stream);
  // The contract's enum lists the registered streams; one missing here is a server mistake.
  if (!stream) throw new Error(`sync stream "${query.stream}" is not registered`);
  return { stream: query.stream, ...(await page(ctx, stream, query)) } as PullResponse;
}

/** One page of a stream; `position` is the last item's mark, or where the device already was. */
async function page(ctx: Ctx, stream: StreamDefinition, query: { after?: string; limit: number }) {
  const access = accessKey(ctx.actor);
  const after = query.after ? decodeCursor(query.after, stream.name, access) : FIRST_MARK;
  await awaitEarlierWriters(ctx.db);
  const { entries, more, last } = await stream.changedAfter(ctx, after, query.limit);
  const position = encodeCursor(stream.name, access, last ?? after);
  return {
    items: entries.map((entry) => entry.item),
    next: more ? position : null,
    position,
    inScope: more ? null : await stream.idsInReach(ctx),
  };
}
