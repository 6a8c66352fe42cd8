import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import type { Me } from "../../../contracts/auth";
import type { Db } from "../../db/database";
import type { Actor } from "../../platform/actor";
import { type AuditEvent, audit, auditAll } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest } from "../../platform/errors";
import type { Locale } from "../../platform/messages";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "../../platform/passwords";
import { auditAbilities } from "../audit/audit.policy";
import { facilityAbilities } from "../facilities/facilities.policy";
import { feedbackAbilities } from "../feedback/feedback.policy";
import { isafAbilities } from "../isaf/isaf.policy";
import { organisationAbilities } from "../organisations/organisations.policy";
import * as accounts from "../users/accounts.service";
import { userAbilities } from "../users/users.policy";

export const SESSION_COOKIE = "samleng_session";
/** A session ends after 12 idle hours, and at the latest 30 days after sign-in. */
const IDLE_MS = 12 * 60 * 60 * 1000;
const ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SignInResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * Checks the password (and the TOTP code when the user has two-factor on), locks the account for
 * 15 minutes after 5 failures in a row, and opens a session.
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string; totpCode?: string; locale?: Locale },
  client: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<SignInResult> {
  const user = await accounts.findAccount(db, input.username);
  if (!user) return refuseUnknownName(db, input, now);
  if (user.lockedUntil && user.lockedUntil > now) throw lockedFor(user.lockedUntil, now);
  const who = { actor: { id: user.id, username: user.username, roles: [] }, ip: client.ip };
  /** Counts a wrong password or a wrong code (else the 6 digits could be guessed), locking at the limit. */
  const failure = async (code: "invalid_credentials" | "totp_invalid" | "totp_used"): Promise<AppError> => {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60000);
    const { locked } = await db.transaction(async (tx) => {
      const counted = await accounts.recordFailedSignIn(tx, user.id, MAX_FAILED_SIGN_INS, lockUntil, now);
      await audit(tx, who, {
        action: counted.locked ? "user.locked" : "user.sign_in_failed",
        entityType: "user",
        entityId: user.id,
        label: user.username,
        changes: { failures: counted.failures, ...(code === "invalid_credentials" ? {} : { reason: code }) },
      });
      return counted;
    });
    if (locked) return new AppError(429, "account_locked", { minutes: LOCKOUT_MINUTES });
    return new AppError(401, code);
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) throw await failure("invalid_credentials");
  if (!user.active) throw new AppError(403, "account_inactive");
  if (user.totpEnabled) {
    if (!input.totpCode) throw new AppError(401, "totp_required");
    const step = totpStep(user.totpSecret, input.totpCode, now);
    if (step === null) throw await failure("totp_invalid");
    // A code is good once: the same code again within its window (seen over a shoulder, replayed
    // from a log) is refused, and counted like a wrong one.
    if (!(await accounts.claimTotpStep(db, user.id, step))) throw await failure("totp_used");
  }
  const actor = await accounts.loadActor(db, user.id);
  if (!actor) throw new AppError(403, "account_inactive");
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await accounts.startSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + IDLE_MS),
    });
    // The language she signed in with is hers from now on (as if she had changed it in her account).
    const locale = input.locale ?? user.locale;
    await accounts.changeAccount(
      tx,
      user.id,
      { failedSignIns: 0, lockedUntil: null, lastSignInAt: now, locale },
      now,
    );
    const events: AuditEvent[] = [
      { action: "user.signed_in", entityType: "user", entityId: user.id, label: user.username },
    ];
    if (locale !== user.locale)
      events.push({
        action: "user.preferences_changed",
        entityType: "user",
        entityId: user.id,
        label: user.username,
        changes: { locale: { from: user.locale, to: locale } },
      });
    await auditAll(tx, { actor, ip: client.ip }, events);
  });
  return { token, csrfToken, actor: { ...actor, locale: input.locale ?? actor.locale } };
}

/** Made on the first sign-in with an unknown user name, not at start-up. */
let dummyHash: string | undefined;

/** 429 `account_locked` with the minutes left of a lock. */
function lockedFor(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60000);
  return new AppError(429, "account_locked", { minutes });
}

/**
 * A sign-in with a user name that has no account answers exactly as a real account with a wrong
 * password would: the same time (a password check against a dummy hash), the same count of failures
 * and the same lock at the threshold, so that no answer tells which names exist.
 */
async function refuseUnknownName(
  db: Db,
  input: { username: string; password: string },
  now: Date,
): Promise<never> {
  const lockedUntil = await accounts.unknownNameLockedUntil(db, input.username);
  if (lockedUntil && lockedUntil > now) throw lockedFor(lockedUntil, now);
  dummyHash ??= await hashPassword("not-a-real-password-only-for-timing");
  await verifyPassword(dummyHash, input.password);
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60000);
  const counted = await accounts.recordFailedUnknownSignIn(
    db,
    input.username,
    MAX_FAILED_SIGN_INS,
    lockUntil,
    now,
  );
  if (counted.locked) throw new AppError(429, "account_locked", { minutes: LOCKOUT_MINUTES });
  throw new AppError(401, "invalid_credentials");
}

/** The actor and CSRF token of a live session, sliding its idle expiry. */
export async function resumeSession(db: Db, token: string, now: Date) {
  const session = await accounts.findLiveSession(db, hashToken(token), now);
  if (!session) return undefined;
  const actor = await accounts.loadActor(db, session.userId);
  if (!actor) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const latest = session.createdAt.getTime() + ABSOLUTE_MS;
    await accounts.touchSession(
      db,
      session.tokenHash,
      now,
      new Date(Math.min(now.getTime() + IDLE_MS, latest)),
    );
  }
  return { actor, tokenHash: session.tokenHash, csrfToken: session.csrfToken };
}

export async function signOut(ctx: Ctx, tokenHash: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await accounts.endSession(tx, tokenHash);
    await audit(tx, ctx, {
      action: "user.signed_out",
      entityType: "user",
      entityId: ctx.actor.id,
      label: ctx.actor.username,
    });
  });
}

export async function signOutEverywhere(ctx: Ctx): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const count = await accounts.endAllSessions(tx, ctx.actor.id);
    await audit(tx, ctx, {
      action: "user.signed_out_everywhere",
      entityType: "user",
      entityId: ctx.actor.id,
      label: ctx.actor.username,
      changes: { sessions: count },
    });
  });
}

/** The signed-in user as the app sees it, with what they may do. */
export async function me(ctx: Ctx): Promise<Me> {
  const user = await accounts.findAccount(ctx.db, ctx.actor.username);
  const { actor } = ctx;
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    area: actor.area,
    locale: actor.locale,
    organisationId: actor.organisationId,
    totpEnabled: user?.totpEnabled ?? false,
    mustEnrolTotp: actor.mustEnrolTotp,
    abilities: [
      ...facilityAbilities(actor),
      ...userAbilities(actor),
      ...organisationAbilities(actor),
      ...auditAbilities(actor),
      ...isafAbilities(actor),
      ...feedbackAbilities(actor),
    ].sort(),
  };
}

export async function setLocale(ctx: Ctx, locale: "km" | "en"): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await accounts.changeAccount(tx, ctx.actor.id, { locale }, ctx.clock.now());
    await audit(tx, ctx, {
      action: "user.preferences_changed",
      entityType: "user",
      entityId: ctx.actor.id,
      label: ctx.actor.username,
      changes: { locale: { from: ctx.actor.locale, to: locale } },
    });
  });
}

/**
 * Checks the signed-in user's password before a sensitive change. A wrong one counts like a failed
 * sign-in (else a stolen session could guess the password freely); at the limit the account locks and
 * every session ends.
 */
async function confirmPassword(ctx: Ctx, password: string, field: string) {
  const user = await accounts.findAccount(ctx.db, ctx.actor.username);
  if (user && (await verifyPassword(user.passwordHash, password))) return user;
  const lockUntil = new Date(ctx.clock.now().getTime() + LOCKOUT_MINUTES * 60000);
  const { locked } = await ctx.db.transaction(async (tx) => {
    const counted = await accounts.recordFailedSignIn(
      tx,
      ctx.actor.id,
      MAX_FAILED_SIGN_INS,
      lockUntil,
      ctx.clock.now(),
    );
    if (counted.locked) await accounts.endAllSessions(tx, ctx.actor.id);
    await audit(tx, ctx, {
      action: counted.locked ? "user.locked" : "user.password_check_failed",
      entityType: "user",
      entityId: ctx.actor.id,
      label: ctx.actor.username,
      changes: { failures: counted.failures },
    });
    return counted;
  });
  if (locked) throw new AppError(429, "account_locked", { minutes: LOCKOUT_MINUTES });
  throw badRequest("validation_failed", [{ path: field, code: "wrong_password" }]);
}

/** Changes the user's own password and ends all their sessions, this one too: they sign in again. */
export async function changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  const user = await confirmPassword(ctx, currentPassword, "currentPassword");
  assertPasswordAcceptable(newPassword, user.username, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await accounts.changeAccount(tx, user.id, { passwordHash }, ctx.clock.now());
    await accounts.endAllSessions(tx, user.id);
    await audit(tx, ctx, {
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      label: user.username,
    });
  });
}

function totpFor(secret: string, username: string) {
  return new OTPAuth.TOTP({
    issuer: "Samleng",
    label: username,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The 30-second step a code belongs to at `now`, or null when it is not the secret's code then. */
function totpStep(secret: string | null, code: string, now: Date): number | null {
  if (!secret) return null;
  // One step either side allows for a phone clock that is up to 30 seconds off.
  const delta = totpFor(secret, "").validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

/**
 * Starts two-factor setup: a new secret, stored but not yet in force until a code proves it.
 * Refused while two-factor is on: a new setup would switch it off, and only disableTotp (which asks
 * for the password) may do that.
 */
export async function startTotpSetup(ctx: Ctx) {
  const user = await accounts.findAccount(ctx.db, ctx.actor.username);
  if (user?.totpEnabled) throw badRequest("totp_already_enabled");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await ctx.db.transaction(async (tx) => {
    await accounts.changeAccount(
      tx,
      ctx.actor.id,
      { totpSecret: secret, totpEnabled: false },
      ctx.clock.now(),
    );
    await audit(tx, ctx, {
      action: "user.totp_setup_started",
      entityType: "user",
      entityId: ctx.actor.id,
      label: ctx.actor.username,
    });
  });
  return { secret, otpauthUri: totpFor(secret, ctx.actor.username).toString() };
}

export async function enableTotp(ctx: Ctx, code: string): Promise<void> {
  const user = await accounts.findAccount(ctx.db, ctx.actor.username);
  if (!user?.totpSecret) throw badRequest("totp_not_started");
  if (totpStep(user.totpSecret, code, ctx.clock.now()) === null)
    throw badRequest("validation_failed", [{ path: "code", code: "totp_invalid" }]);
  await ctx.db.transaction(async (tx) => {
    await accounts.changeAccount(tx, user.id, { totpEnabled: true }, ctx.clock.now());
    await audit(tx, ctx, {
      action: "user.totp_enabled",
      entityType: "user",
      entityId: user.id,
      label: user.username,
    });
  });
}

export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const user = await confirmPassword(ctx, password, "password");
  const required = await accounts.rolesRequiringTotp(ctx.db);
  if (ctx.actor.roles.some((role) => required.has(role))) throw badRequest("totp_still_required");
  await ctx.db.transaction(async (tx) => {
    await accounts.changeAccount(tx, user.id, { totpEnabled: false, totpSecret: null }, ctx.clock.now());
    await audit(tx, ctx, {
      action: "user.totp_disabled",
      entityType: "user",
      entityId: user.id,
      label: user.username,
    });
  });
}

/** A TOTP code for a secret at `now` (for tests and the command line). */
export function currentTotpCode(secret: string, now = new Date()): string {
  return totpFor(secret, "").generate({ timestamp: now.getTime() });
}
