import { z } from "zod";
import { ROLES } from "../domain/roles";
import { Locale } from "./common";

export const Role = z.enum(ROLES);

export const SignInBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  /** A language the person picked before signing in: she gets it, and it is saved as hers. */
  locale: Locale.optional(),
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  area: z.object({ national: z.boolean(), codes: z.array(z.string()) }),
  locale: Locale,
  organisationId: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustEnrolTotp: z.boolean(),
  /** What the user may do, for showing and hiding parts of the app (the server still checks). */
  abilities: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const SessionInfo = z.object({ user: Me, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const PreferencesBody = z.object({ locale: Locale });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const TotpSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpEnableBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const TotpDisableBody = z.object({ password: z.string().min(1).max(200) });

export const Ok = z.object({ ok: z.literal(true) });
