import { type SQL, sql } from "drizzle-orm";
import type { CycleStep } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/sql";
import type { Actor } from "../../platform/actor";
import { recordableCyclesSql } from "../isaf/cycles.service";
import type { ChangeMark } from "../sync/sync.service";

/**
 * The SQL of the field app's pull (scorecards.pull.ts). A record's change mark is the id of the
 * transaction that last wrote it (`change_xid`, set by a trigger; as text: a bigint does not fit a
 * JS number) and its id, which breaks ties. A card's mark is the later of its own (moved by every
 * change of the card) and its cycle's (moved when the cycle's facilitators or step change, which
 * decides who may see and edit the card). A cycle's mark is the later of its own and its cards' (a
 * card started or prioritised changes what may be started next).
 *
 * Marks follow commit order because a page reads only marks below the oldest transaction still
 * running (`pg_snapshot_xmin`): every transaction that commits later has an id at least that, so
 * its writes get a mark above any position a device was handed (docs/mechanisms/sync.md).
 */
type MarkRow = ChangeMark;

/** Below this no transaction is running: every id under it has committed or rolled back. */
const SETTLED = sql`pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;

/**
 * The open cycles of the actor's area that the actor may record a score card for (id, step, version,
 * change_xid), to select from or join as `c`: the isaf module's subquery (cycles.service.ts), so that
 * who reaches which cycle is decided there.
 */
function recordable(actor: Actor): SQL {
  return sql`(${recordableCyclesSql(actor)}) c`;
}

/**
 * `columns` of the rows of `marked` (which has `id` and a bigint `mark`) after `after` and below
 * SETTLED, in mark order.
 */
function pageOf(columns: SQL, marked: SQL, after: MarkRow, limit: number): SQL {
  return sql`select ${columns}, changed.mark::text as marker from (${marked}) changed
    where (changed.mark, changed.id) > (${after.marker}::bigint, ${after.id}::uuid)
      and changed.mark < ${SETTLED}
    order by changed.mark, changed.id
    limit ${limit}`;
}

export function changedCycles(
  db: Db,
  actor: Actor,
  after: MarkRow,
  limit: number,
): Promise<Array<MarkRow & { step: CycleStep; version: number }>> {
  const cardsChanged = sql`(select max(s.change_xid) from scorecards s where s.cycle_id = c.id)`;
  return queryRows(
    db,
    pageOf(
      sql`changed.id, changed.step, changed.version`,
      sql`select c.id, c.step, c.version, greatest(c.change_xid, ${cardsChanged}) as mark
        from ${recordable(actor)}`,
      after,
      limit,
    ),
  );
}

export function changedCards(db: Db, actor: Actor, after: MarkRow, limit: number): Promise<MarkRow[]> {
  return queryRows(
    db,
    pageOf(
      sql`changed.id`,
      sql`select s.id, greatest(s.change_xid, c.change_xid) as mark
        from scorecards s join ${recordable(actor)} on c.id = s.cycle_id`,
      after,
      limit,
    ),
  );
}

export async function cycleIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select c.id from ${recordable(actor)} order by c.id`);
  return rows.map((row) => row.id);
}

export async function cardIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select s.id from scorecards s join ${recordable(actor)} on c.id = s.cycle_id order by s.id`,
  );
  return rows.map((row) => row.id);
}
