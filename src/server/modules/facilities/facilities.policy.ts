import type { Role } from "../../../domain/roles";
import { facilities } from "../../db/schema";
import { ANY_ROLE, ability, everywhere, inArea, type Subject } from "../../platform/abilities";
import { heldAbilities } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/** Who keeps the facility registry: administrators and government officers, within their area. */
const REGISTRY_EDITORS: Role[] = ["admin", "national_officer", "provincial_officer", "district_officer"];

/** A facility (or a facility being created or moved) as the rules see it: where it is. */
export const facility: Subject<{ communeCode: string }> = {
  name: "facility",
  place: { of: (f) => f.communeCode, sql: facilities.communeCode },
};

const inMyArea = inArea(facility);

export const facilityPolicy = {
  "facility:read": ability("facility:read", [{ roles: ANY_ROLE, scope: inMyArea }]),
  "facility:create": ability("facility:create", [{ roles: REGISTRY_EDITORS, scope: inMyArea }]),
  "facility:update": ability("facility:update", [{ roles: REGISTRY_EDITORS, scope: inMyArea }]),
  "facility:deactivate": ability("facility:deactivate", [{ roles: REGISTRY_EDITORS, scope: inMyArea }]),
  "facility:import": ability<null>("facility:import", [{ roles: REGISTRY_EDITORS, scope: everywhere() }]),
  /** May edit the registry at all: asked before any field of a new facility is checked. */
  "facility:write": ability<null>("facility:write", [{ roles: REGISTRY_EDITORS, scope: everywhere() }]),
};

/** Record-independent abilities, for the app to show or hide actions. */
export function facilityAbilities(actor: Actor): string[] {
  return heldAbilities(facilityPolicy, ["facility:create", "facility:import"], actor);
}
