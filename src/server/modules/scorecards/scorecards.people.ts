import type { Db } from "../../db/database";
import * as directory from "../users/people.service";
import * as repo from "./scorecards.repo";

/**
 * Who is who on a card (who submitted and reviewed it, who asked for a change and who decided),
 * with their names from the users module (people.service.ts), one query for all of them.
 */
export type Person = { id: string; displayName: string };

/** These users by id, those who exist. */
export async function people(db: Db, ids: readonly (string | null)[]): Promise<Map<string, Person>> {
  const names = await directory.namesOf(db, ids);
  return new Map([...names].map(([id, displayName]) => [id, { id, displayName }]));
}

/** The cards' requests for change, newest first, with who asked and who decided. */
export async function changeRequests(db: Db, scorecardIds: readonly string[], onlyPending = false) {
  const rows = await repo.changeRequestRows(db, scorecardIds, onlyPending);
  const names = await people(
    db,
    rows.flatMap((request) => [request.requestedBy, request.decidedBy]),
  );
  const personOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((request) => ({
    request,
    requester: personOf(request.requestedBy),
    decider: personOf(request.decidedBy),
  }));
}

export type ChangeRequestEntry = Awaited<ReturnType<typeof changeRequests>>[number];
