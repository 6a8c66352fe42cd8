import { hasRole, type Policy } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/** Organisations are a shared directory every signed-in user reads; administrators keep it. */
export const organisationPolicy: Policy<{ "organisation:read": null; "organisation:manage": null }> = {
  "organisation:read": () => true,
  "organisation:manage": (actor) => hasRole(actor, "admin"),
};

export function organisationAbilities(actor: Actor): string[] {
  return hasRole(actor, "admin") ? ["organisation:manage"] : [];
}
