/**
 * The people directory other modules use (docs/mechanisms/boundaries.md): they ask here who holds a
 * role in a place instead of reading users, user_roles and user_areas themselves.
 */

export { loadActor } from "./accounts.service";
export {
  /** True when the user is active and her area covers the commune. */
  activeAndCovers,
  type Facilitator,
  /** Active users holding the facilitator role, with their areas (all of them, or only these ids). */
  facilitators,
  /**
   * The display names of these users (active or not: a past answer keeps its author's name), by id,
   * in name order (the database's collation), so that a caller may list them as the directory sorts.
   */
  namesOf,
  /** How many users belong to an organisation, as a correlated SQL count over the caller's organisation id. */
  organisationUserCountSql,
  /** Active users whose area covers the commune (national users too when `withNational`), by name, at most 300. */
  peopleCovering,
  type Textable,
  /**
   * Active users with a work phone whose area covers the commune and who hold one of the roles, or
   * (when a facility is given) run that facility.
   */
  textableCovering,
  /** The user, when she is active and has a work phone. */
  textableUser,
} from "./people.repo";

import type { RecordName } from "../../../contracts/audit-actions";
import type { Db } from "../../db/database";
import { namesOf as displayNamesOf, type Facilitator } from "./people.repo";

/** Whether the facilitator's area covers the commune. */
export function covers(facilitator: Facilitator, communeCode: string): boolean {
  return facilitator.national || facilitator.codes.some((code) => communeCode.startsWith(code));
}

/** Users' names for the audit log (a person's name is the same in both languages). */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const names = await displayNamesOf(db, ids);
  return new Map([...names].map(([id, name]) => [id, { km: name, en: name }]));
}
