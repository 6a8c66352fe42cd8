import { hasRole, inArea, type Policy } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Organisations are a shared directory every signed-in user reads. Administrators keep the ones placed
 * in their area; national bodies and NGOs without a place are kept by national administrators.
 */
export const organisationPolicy: Policy<{
  "organisation:read": null;
  "organisation:manage": { placeCode: string | null };
}> = {
  "organisation:read": () => true,
  "organisation:manage": (actor, organisation) =>
    hasRole(actor, "admin") && (actor.area.national || inArea(actor, organisation.placeCode)),
};

export function organisationAbilities(actor: Actor): string[] {
  return hasRole(actor, "admin") ? ["organisation:manage"] : [];
}
