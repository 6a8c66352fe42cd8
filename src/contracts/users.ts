import { z } from "zod";
import { Role } from "./auth";
import { Locale, Name, PagingQuery, PlaceCode, page, Timestamp, Uuid } from "./common";

export const UserArea = z.object({ national: z.boolean(), codes: z.array(PlaceCode).max(200) });

export const User = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  /** A work phone for reminders by SMS ("012 345 678"). */
  phone: z.string().nullable(),
  organisationId: Uuid.nullable(),
  /** The organisation's name in English and in Khmer. */
  organisationName: z.string().nullable(),
  organisationNameKm: z.string().nullable(),
  roles: z.array(Role),
  area: z.object({ national: z.boolean(), codes: z.array(z.string()) }),
  /** The facilities a service provider runs: citizens' messages about them are hers to answer. */
  facilities: z.array(
    z.object({ id: Uuid, code: z.string(), kindCode: z.string(), nameKm: z.string(), nameEn: z.string() }),
  ),
  locale: Locale,
  active: z.boolean(),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: Timestamp.nullable(),
  isDemo: z.boolean(),
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

export const UserListQuery = PagingQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  organisationId: Uuid.optional(),
  status: z.enum(["active", "inactive", "all"]).default("all"),
});
export const UserPage = page(User);

const Username = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-zA-Z0-9._-]+$/);

export const UserCreate = z.object({
  username: Username,
  displayName: Name,
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  organisationId: Uuid.nullable().optional(),
  roles: z.array(Role).min(1).max(11),
  area: UserArea,
  facilityIds: z.array(Uuid).max(20).default([]),
  locale: Locale.default("km"),
  password: z.string().min(1).max(200),
});

export const UserUpdate = z.object({
  displayName: Name,
  email: z.email().max(200).nullable().optional(),
  /** Left out: the phone stays as it is. */
  phone: z.string().trim().max(30).nullable().optional(),
  organisationId: Uuid.nullable().optional(),
  roles: z.array(Role).min(1).max(11),
  area: UserArea,
  /** Left out: the facilities stay as they are (and go when the user is no longer a provider). */
  facilityIds: z.array(Uuid).max(20).optional(),
  locale: Locale,
  active: z.boolean(),
});

export const ResetPasswordBody = z.object({ password: z.string().min(1).max(200) });
export const UserParams = z.object({ id: Uuid });

export const RoleSetting = z.object({ role: Role, requireTotp: z.boolean() });
export const RoleSettings = z.object({ items: z.array(RoleSetting) });
export const RoleSettingParams = z.object({ role: Role });
export const RoleSettingBody = z.object({ requireTotp: z.boolean() });
