import { CHILD_PROTECTION_ROLES } from "../../../domain/roles";
import { ability, everywhere } from "../../platform/abilities";
import { heldAbilities } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * The whole log (within their area) is for administrators; others read the history of records they
 * can see. Which events of the area an administrator reads is the log's own scope (audit.repo.ts).
 */
export const auditPolicy = {
  "audit:read": ability<null>("audit:read", [{ roles: ["admin"], scope: everywhere() }]),
  /**
   * Events about reports of harm to a child (and later cases) are child protection's: an administrator
   * reading her area's log does not see them; child-protection staff see them in a record's history.
   */
  "audit:read_child_protection": ability<null>("audit:read_child_protection", [
    { roles: CHILD_PROTECTION_ROLES, scope: everywhere() },
  ]),
};

export function auditAbilities(actor: Actor): string[] {
  return heldAbilities(auditPolicy, ["audit:read"], actor);
}
