import { hasRole, type Policy } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/** The whole log (within their area) is for administrators; others read the history of records they can see. */
export const auditPolicy: Policy<{ "audit:read": null }> = {
  "audit:read": (actor) => hasRole(actor, "admin"),
};

export function auditAbilities(actor: Actor): string[] {
  return hasRole(actor, "admin") ? ["audit:read"] : [];
}
