/** Every role a user can hold (issue 2, part 5). A user has one or more. */
export const ROLES = [
  "admin",
  "national_officer",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "ngo_staff",
  "facilitator",
  "service_provider",
  "social_worker",
  "supervisor",
  "viewer",
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The roles of child protection: they alone read reports of harm to a child (and later cases) and
 * the audit events about them; not administrators, because that access follows the role, not the rank.
 */
export const CHILD_PROTECTION_ROLES: readonly Role[] = ["social_worker", "supervisor"];
