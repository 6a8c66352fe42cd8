import { useTranslation } from "react-i18next";
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

/** Audit actions with a label under admin:actions (the key is the action itself, e.g. actions.user.signed_in). */
export const KNOWN_ACTIONS = [
  "user.signed_in",
  "user.signed_out",
  "user.signed_out_everywhere",
  "user.sign_in_failed",
  "user.locked",
  "user.created",
  "user.updated",
  "user.password_reset",
  "user.password_changed",
  "user.preferences_changed",
  "user.totp_setup_started",
  "user.totp_enabled",
  "user.totp_disabled",
  "role.settings_changed",
  "organisation.created",
  "organisation.updated",
  "facility.created",
  "facility.updated",
  "facility.deactivated",
  "facility.reactivated",
  "facility_import.validated",
  "facility_import.committed",
] as const;

/** Kinds of record the audit log names (entityType), with a label under admin:entities. */
export const KNOWN_ENTITY_TYPES = ["user", "role", "organisation", "facility", "facility_import"] as const;

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
    action: (action: string) => (isKnown(KNOWN_ACTIONS, action) ? t(`actions.${action}`) : action),
    entity: (type: string) => (isKnown(KNOWN_ENTITY_TYPES, type) ? t(`entities.${type}`) : type),
    field: (field: string) => (KNOWN_FIELDS.has(field) ? t(`fields.${field}`) : field),
  };
}
