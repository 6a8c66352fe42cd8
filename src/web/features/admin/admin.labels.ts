import { useTranslation } from "react-i18next";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "../../../contracts/audit-actions";
import { ROLES, type Role } from "../../../domain/roles";
import type { OrganisationKind } from "./admin.api";

export { ROLES, type Role };

const KINDS: Record<OrganisationKind, true> = {
  ministry: true,
  provincial_office: true,
  district_office: true,
  commune_council: true,
  ngo: true,
  other: true,
};

/** Every kind of organisation, in the order the forms offer them. */
export const ORGANISATION_KINDS = Object.keys(KINDS) as OrganisationKind[];

/** Field names of audit changes with a label under admin:fields. */
const KNOWN_FIELDS = new Set([
  "username",
  "displayName",
  "email",
  "organisationId",
  "roles",
  "area",
  "locale",
  "active",
  "nameKm",
  "nameEn",
  "kind",
  "placeCode",
  "requireTotp",
]);

function isKnown(list: readonly string[], value: string): boolean {
  return list.includes(value);
}

/**
 * Labels of the admin vocabulary in the language shown; anything unknown falls back to its raw name.
 * Role names come from common:roles, the one list every screen uses.
 */
export function useAdminLabels() {
  const { t } = useTranslation("admin");
  return {
    role: (role: string) => (isKnown(ROLES, role) ? t(`common:roles.${role}`) : role),
    kind: (kind: string) => (isKnown(ORGANISATION_KINDS, kind) ? t(`kinds.${kind}`) : kind),
    action: (action: string) => (isKnown(AUDIT_ACTIONS, action) ? t(`actions.${action}`) : action),
    entity: (type: string) => (isKnown(AUDIT_ENTITY_TYPES, type) ? t(`entities.${type}`) : type),
    field: (field: string) => (KNOWN_FIELDS.has(field) ? t(`fields.${field}`) : field),
  };
}
