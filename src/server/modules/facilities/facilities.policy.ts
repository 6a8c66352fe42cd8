import type { Role } from "../../../domain/roles";
import { hasRole, inArea, type Policy } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/** Who keeps the facility registry: administrators and government officers, within their area. */
const REGISTRY_EDITORS: Role[] = ["admin", "national_officer", "provincial_officer", "district_officer"];

type InCommune = { communeCode: string };

export const facilityPolicy: Policy<{
  "facility:read": InCommune;
  "facility:create": InCommune;
  "facility:update": InCommune;
  "facility:deactivate": InCommune;
  "facility:import": null;
  "facility:write": null;
}> = {
  "facility:read": (actor, facility) => inArea(actor, facility.communeCode),
  "facility:create": (actor, facility) =>
    hasRole(actor, ...REGISTRY_EDITORS) && inArea(actor, facility.communeCode),
  "facility:update": (actor, facility) =>
    hasRole(actor, ...REGISTRY_EDITORS) && inArea(actor, facility.communeCode),
  "facility:deactivate": (actor, facility) =>
    hasRole(actor, ...REGISTRY_EDITORS) && inArea(actor, facility.communeCode),
  "facility:import": (actor) => hasRole(actor, ...REGISTRY_EDITORS),
  "facility:write": (actor) => hasRole(actor, ...REGISTRY_EDITORS),
};

/** Record-independent abilities, for the app to show or hide actions. */
export function facilityAbilities(actor: Actor): string[] {
  return hasRole(actor, ...REGISTRY_EDITORS) ? ["facility:create", "facility:import"] : [];
}
