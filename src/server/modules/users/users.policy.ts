import { ability, actorIs, everywhere } from "../../platform/abilities";
import { heldAbilities } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Administrators manage the users of their area (a user whose whole area lies in theirs; the
 * repository scopes that). Role settings (two-factor per role) are national: only a national administrator.
 */
const nationalActor = actorIs<null>("the actor's area is the whole country", (actor) => actor.area.national);

export const userPolicy = {
  "user:read": ability<null>("user:read", [{ roles: ["admin"], scope: everywhere() }]),
  "user:manage": ability<null>("user:manage", [{ roles: ["admin"], scope: everywhere() }]),
  "role:manage": ability<null>("role:manage", [{ roles: ["admin"], scope: nationalActor }]),
};

export function userAbilities(actor: Actor): string[] {
  return heldAbilities(userPolicy, ["user:manage", "role:manage"], actor);
}
