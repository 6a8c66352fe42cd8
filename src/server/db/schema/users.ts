import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { organisations } from "./organisations";
import { places } from "./places";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    /** A work phone for reminders by SMS (canonical digits, 855…), set by administrators. */
    phone: text("phone"),
    passwordHash: text("password_hash").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    locale: text("locale", { enum: ["km", "en"] })
      .notNull()
      .default("km"),
    /** A national user sees every place; otherwise the area is the rows of user_areas. */
    nationalArea: boolean("national_area").notNull().default(false),
    active: boolean("active").notNull().default(true),
    totpSecret: text("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    /** The 30-second step of the last TOTP code accepted: a code is good once (no replay in its window). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true, mode: "date" }),
    isDemo: boolean("is_demo").notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_username_uq").on(sql`lower(${t.username})`)],
);

/**
 * Failed sign-ins with a user name that has no account, counted and locked exactly as a real account's
 * (users.failed_sign_ins, locked_until), so that the answers at the lockout threshold do not tell
 * which names exist. `name` is the name as typed, lower-cased.
 */
export const unknownSignIns = pgTable("unknown_sign_ins", {
  name: text("name").primaryKey(),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
});

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** A user's area: every place under one of these codes (a user of province 15 sees all of 15). */
export const userAreas = pgTable(
  "user_areas",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    placeCode: text("place_code")
      .notNull()
      .references(() => places.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.placeCode] }), index("user_areas_place_idx").on(t.placeCode)],
);

/** Per-role settings an administrator manages, such as requiring two-factor sign-in. */
export const roleSettings = pgTable("role_settings", {
  role: text("role").primaryKey(),
  requireTotp: boolean("require_totp").notNull().default(false),
  ...timestamps,
});

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    ...timestamps,
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
