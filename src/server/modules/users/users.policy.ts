import { hasRole, type Policy } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Administrators manage the users of their area (a user whose whole area lies in theirs; the
 * repository scopes that). Role settings (two-factor per role) are national: only a national administrator.
 */
export const userPolicy: Policy<{
  "user:read": null;
  "user:manage": null;
  "role:manage": null;
}> = {
  "user:read": (actor) => hasRole(actor, "admin"),
  "user:manage": (actor) => hasRole(actor, "admin"),
  "role:manage": (actor) => hasRole(actor, "admin") && actor.area.national,
};

export function userAbilities(actor: Actor): string[] {
  const abilities: string[] = [];
  if (hasRole(actor, "admin")) abilities.push("user:manage");
  if (hasRole(actor, "admin") && actor.area.national) abilities.push("role:manage");
  return abilities;
}
