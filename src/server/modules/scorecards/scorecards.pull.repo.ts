import { type SQL, sql } from "drizzle-orm";
import type { CycleStep } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { scorecardRecordingReach } from "../isaf/isaf.policy";

/**
 * The SQL of the field app's pull (scorecards.pull.ts). A record's change mark is its change time in
 * microseconds since 1970 (as text: a bigint does not fit a JS number) and its id, which breaks ties.
 * A card's time is the later of its own updated_at (moved by every change of the card, see
 * scorecards.edit.ts editCard) and its cycle's (moved when the cycle's facilitators or step change,
 * which decides who may see and edit the card). A cycle's time is the later of its own and its
 * cards' (a card started or prioritised changes what may be started next).
 */
export interface MarkRow {
  id: string;
  marker: string;
}

const micros = (timestamp: SQL) => sql`(extract(epoch from ${timestamp}) * 1000000)::bigint`;

/** The open cycles of the actor's area (alias `c`) that the actor may record a score card for. */
function recordable(actor: Actor): SQL {
  const reach = scorecardRecordingReach(actor);
  const who =
    reach === "area"
      ? sql`true`
      : reach === "assigned"
        ? sql`c.id in (select f.cycle_id from cycle_facilitators f where f.user_id = ${actor.id}::uuid)`
        : sql`false`;
  return sql`c.step <> 'closed' and ${areaPredicate(actor, sql`c.commune_code`)} and ${who}`;
}

/** `columns` of the rows of `marked` (which has `id` and a bigint `mark`) after `after`, in mark order. */
function pageOf(columns: SQL, marked: SQL, after: MarkRow, limit: number): SQL {
  return sql`select ${columns}, changed.mark::text as marker from (${marked}) changed
    where (changed.mark, changed.id) > (${after.marker}::bigint, ${after.id}::uuid)
    order by changed.mark, changed.id
    limit ${limit}`;
}

export function changedCycles(
  db: Db,
  actor: Actor,
  after: MarkRow,
  limit: number,
): Promise<Array<MarkRow & { step: CycleStep; version: number }>> {
  const cardsChanged = sql`(select max(s.updated_at) from scorecards s where s.cycle_id = c.id)`;
  return queryRows(
    db,
    pageOf(
      sql`changed.id, changed.step, changed.version`,
      sql`select c.id, c.step, c.version, ${micros(sql`greatest(c.updated_at, ${cardsChanged})`)} as mark
        from cycles c where ${recordable(actor)}`,
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
      sql`select s.id, ${micros(sql`greatest(s.updated_at, c.updated_at)`)} as mark
        from scorecards s join cycles c on c.id = s.cycle_id where ${recordable(actor)}`,
      after,
      limit,
    ),
  );
}

export async function cycleIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from cycles c where ${recordable(actor)} order by c.id`,
  );
  return rows.map((row) => row.id);
}

export async function cardIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select s.id from scorecards s join cycles c on c.id = s.cycle_id where ${recordable(actor)} order by s.id`,
  );
  return rows.map((row) => row.id);
}
