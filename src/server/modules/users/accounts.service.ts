import type { Db } from "../../db/database";
import type { Actor } from "../../platform/actor";
import * as facilities from "../facilities/facilities.service";
import * as sessions from "./sessions.repo";
import * as repo from "./users.repo";

/**
 * What the sign-in flows (modules/auth) may do with an account and its sessions. The users module
 * owns the tables (users, sessions); auth reaches them only through these functions, so that auth
 * depends on users and never the other way round (docs/mechanisms/boundaries.md).
 */
export type Account = repo.UserRow;
export type Session = sessions.SessionRow;

/** The account fields the sign-in flows change: nothing about roles, areas or facilities. */
export type AccountChange = Partial<
  Pick<
    Account,
    | "failedSignIns"
    | "lockedUntil"
    | "lastSignInAt"
    | "locale"
    | "passwordHash"
    | "totpSecret"
    | "totpEnabled"
  >
>;

export const findAccount = (db: Db, username: string): Promise<Account | undefined> =>
  repo.findByUsername(db, username);

/** The actor a session belongs to, or undefined when the user is gone or switched off. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const loaded = await repo.loadActorRow(db, userId);
  if (!loaded) return undefined;
  const { facilityIds, ...actor } = loaded;
  // Most users run no facility: then the actor costs one query.
  return { ...actor, facilities: facilityIds.length > 0 ? await facilities.linksOf(db, facilityIds) : [] };
}

export const changeAccount = (tx: Db, userId: string, change: AccountChange, now: Date) =>
  repo.update(tx, userId, change, now);

/** Counts a failed sign-in and locks the account for a while after `max` of them in a row. */
export const recordFailedSignIn = (tx: Db, userId: string, max: number, lockUntil: Date, now: Date) =>
  repo.recordFailedSignIn(tx, userId, max, lockUntil, now);

export const unknownNameLockedUntil = repo.unknownNameLockedUntil;
export const recordFailedUnknownSignIn = repo.recordFailedUnknownSignIn;
export const claimTotpStep = repo.claimTotpStep;

/** The roles whose holders must use a second factor (role_settings). */
export const rolesRequiringTotp = (db: Db): Promise<Set<string>> => repo.rolesRequiringTotp(db);

export const startSession = sessions.insert;
export const findLiveSession = sessions.findLive;
export const touchSession = sessions.touch;
export const endSession = sessions.remove;
/** Ends every session of a user ("sign out everywhere", password change, switched off, locked). */
export const endAllSessions = sessions.removeAllOfUser;
