import { useSyncExternalStore } from "react";
import type { Me } from "../../contracts/auth";
import { createDataKey, openDataKey, rewrapDataKey, seal, unseal, type WrappedKey } from "./field-crypto";
import type { FieldDatabase } from "./field-db";

/**
 * The database code (Dexie) loads only when a store is opened, so that the first visit of someone who
 * never does field work does not download it (bench/bundle.ts keeps the first load under 300 KB).
 */
const database = () => import("./field-db");

/**
 * Who the field store on this device belongs to, and whether it is open (its data key in memory),
 * locked (key dropped: reload, idle lock) or absent. One user's store at a time: the last user to
 * sign in on this device. The profile is in clear so that, offline, the unlock screen can say whose
 * data it is; everything else is sealed.
 */
export interface FieldProfile {
  id: string;
  username: string;
  displayName: string;
}

export type FieldState =
  | { status: "absent" }
  | { status: "locked"; profile: FieldProfile }
  | { status: "open"; profile: FieldProfile; me: Me; db: FieldDatabase; key: CryptoKey };

const PROFILE_KEY = "samleng.field.profile";
const FIELD_ABILITY = "cycle:facilitate";
/** Minutes without a touch or a key press before the store locks itself. */
export const IDLE_LOCK_MINUTES = 15;

let state: FieldState = initialState();
const listeners = new Set<() => void>();

function initialState(): FieldState {
  const profile = storedProfile();
  return profile ? { status: "locked", profile } : { status: "absent" };
}

function storedProfile(): FieldProfile | null {
  try {
    const text = localStorage.getItem(PROFILE_KEY);
    return text ? (JSON.parse(text) as FieldProfile) : null;
  } catch {
    return null;
  }
}

function setState(next: FieldState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function fieldState(): FieldState {
  return state;
}

export function subscribeField(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFieldState(): FieldState {
  return useSyncExternalStore(subscribeField, fieldState);
}

/** The open store, or null (absent or locked). */
export function openStore(): Extract<FieldState, { status: "open" }> | null {
  return state.status === "open" ? state : null;
}

/** Those who record field work (score-card meetings) get a store on the device; nobody else does. */
export function isFieldWorker(me: Me): boolean {
  return me.abilities.includes(FIELD_ABILITY);
}

/**
 * After a sign-in with signal: opens (or creates) the user's store with a key from the password. A
 * different user than the last one gets a store of their own; the last one's stays sealed under
 * their password until they sign in or it is wiped. Returns false when the store exists but this
 * password does not open it (the password was changed on another device): the user then chooses,
 * on the unlock screen, between the old password and erasing.
 */
export async function openAfterSignIn(me: Me, password: string): Promise<boolean> {
  const profile: FieldProfile = { id: me.id, username: me.username, displayName: me.displayName };
  if (state.status === "open") state.db.close();
  localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
  const { openFieldDatabase, readMeta, writeMeta } = await database();
  const db = openFieldDatabase(me.id);
  const stored = await readMeta<WrappedKey>(db, "key");
  let key: CryptoKey | null;
  if (stored) {
    key = await openDataKey(password, stored);
  } else {
    const created = await createDataKey(password);
    await writeMeta(db, "key", created.wrapped);
    key = created.key;
  }
  if (!key) {
    db.close();
    setState({ status: "locked", profile });
    return false;
  }
  await writeMeta(db, "me", await seal(key, me));
  setState({ status: "open", profile, me, db, key });
  void requestPersistence();
  return true;
}

/** Opens the locked store with the password; false when the password is wrong. */
export async function unlock(password: string): Promise<boolean> {
  if (state.status !== "locked") return state.status === "open";
  const profile = state.profile;
  const { openFieldDatabase, readMeta } = await database();
  const db = openFieldDatabase(profile.id);
  const stored = await readMeta<WrappedKey>(db, "key");
  const key = stored ? await openDataKey(password, stored) : null;
  const sealedMe = key ? await readMeta<Parameters<typeof unseal>[1]>(db, "me") : undefined;
  if (!key || !sealedMe) {
    db.close();
    return false;
  }
  setState({ status: "open", profile, me: await unseal<Me>(key, sealedMe), db, key });
  return true;
}

/** Drops the key from memory (idle lock); the data stays, sealed. */
export function lock(): void {
  if (state.status !== "open") return;
  state.db.close();
  setState({ status: "locked", profile: state.profile });
}

/** Erases the user's store on this device, if the device's store is theirs. */
export async function wipeFor(userId: string): Promise<void> {
  if (state.status !== "absent" && state.profile.id === userId) await wipe();
}

/** Erases the store of the device's field user: every record, every unsent command, the key. */
export async function wipe(): Promise<void> {
  const profile = state.status === "absent" ? null : state.profile;
  if (state.status === "open") state.db.close();
  if (profile) await (await database()).deleteFieldDatabase(profile.id);
  localStorage.removeItem(PROFILE_KEY);
  setState({ status: "absent" });
}

/** Keeps the store's key usable after the user changed the password (online, on this device). */
export async function changeStorePassword(oldPassword: string, newPassword: string): Promise<void> {
  if (state.status !== "open") return;
  const { readMeta, writeMeta } = await database();
  const stored = await readMeta<WrappedKey>(state.db, "key");
  const rewrapped = stored ? await rewrapDataKey(oldPassword, newPassword, stored) : null;
  if (rewrapped) await writeMeta(state.db, "key", rewrapped);
}

/** The user's unsent commands on this device, counted without the key (their state is in clear). */
export async function unsentCount(userId?: string): Promise<number> {
  if (state.status === "absent") return 0;
  if (userId !== undefined && state.profile.id !== userId) return 0;
  const db = state.status === "open" ? state.db : (await database()).openFieldDatabase(state.profile.id);
  try {
    return await db.outbox.count();
  } finally {
    if (state.status !== "open") db.close();
  }
}

/** Asks the browser not to evict the store under storage pressure (it may say no; we show that). */
async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** Locks the store after IDLE_LOCK_MINUTES without input. Call once at start-up. */
export function startIdleLock(minutes = IDLE_LOCK_MINUTES): void {
  const reset = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(lock, minutes * 60_000);
  };
  for (const event of ["pointerdown", "keydown", "touchstart"]) {
    window.addEventListener(event, reset, { passive: true });
  }
  reset();
}
