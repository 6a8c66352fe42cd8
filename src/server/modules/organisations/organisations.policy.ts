import { organisations } from "../../db/schema";
import {
  ANY_ROLE,
  ability,
  actorIs,
  anyOf,
  everywhere,
  inArea,
  type Subject,
} from "../../platform/abilities";
import { heldAbilities } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/** An organisation as the rules see it: where it is placed (national bodies and NGOs have no place). */
export const organisation: Subject<{ placeCode: string | null }> = {
  name: "organisation",
  place: { of: (o) => o.placeCode, sql: organisations.placeCode },
};

/**
 * Organisations are a shared directory every signed-in user reads. Administrators keep the ones placed
 * in their area; national bodies and NGOs without a place are kept by national administrators.
 */
export const organisationPolicy = {
  "organisation:read": ability<null>("organisation:read", [{ roles: ANY_ROLE, scope: everywhere() }]),
  "organisation:manage": ability("organisation:manage", [
    {
      roles: ["admin"],
      scope: anyOf(
        actorIs("the actor's area is the whole country", (actor) => actor.area.national),
        inArea(organisation),
      ),
    },
  ]),
};

export function organisationAbilities(actor: Actor): string[] {
  return heldAbilities(organisationPolicy, ["organisation:manage"], actor);
}
