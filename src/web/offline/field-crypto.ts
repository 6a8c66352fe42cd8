/**
 * Encryption of the field store (issue 4, "security on a shared phone"), with the browser's WebCrypto.
 *
 * Each user's data on the device is encrypted with a random AES-GCM data key. That key is kept in
 * the store only wrapped (AES-KW) by a key derived from the user's password (PBKDF2-SHA-256), so the
 * phone's storage never holds anything readable without the password. The unwrapped key lives in
 * memory only: a reload, a closed tab or the idle lock means typing the password again.
 */

const PBKDF2_ITERATIONS = 310_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** What the store keeps about the user's key: never the key itself. */
export interface WrappedKey {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  wrapped: ArrayBuffer;
}

/** An encrypted value as stored: the AES-GCM nonce and the ciphertext of its JSON. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveKey",
  ]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", salt, iterations, hash: "SHA-256" },
    material,
    { name: "AES-KW", length: 256 },
    false,
    ["wrapKey", "unwrapKey"],
  );
}

/** A new data key for a user, and its wrapped form to store. */
export async function createDataKey(password: string): Promise<{ key: CryptoKey; wrapped: WrappedKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  // Extractable only so that it can be wrapped once, here; the unwrapped copies are not extractable.
  const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
  const wrapping = await passwordKey(password, salt, PBKDF2_ITERATIONS);
  const wrapped = await crypto.subtle.wrapKey("raw", key, wrapping, "AES-KW");
  return { key: await unwrap(wrapped, wrapping), wrapped: { salt, iterations: PBKDF2_ITERATIONS, wrapped } };
}

function unwrap(wrapped: ArrayBuffer, wrapping: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey("raw", wrapped, wrapping, "AES-KW", "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
}

/** The data key, or null when the password is not the one it was wrapped with (AES-KW checks integrity). */
export async function openDataKey(password: string, stored: WrappedKey): Promise<CryptoKey | null> {
  const wrapping = await passwordKey(password, stored.salt, stored.iterations);
  try {
    return await unwrap(stored.wrapped, wrapping);
  } catch {
    return null;
  }
}

/** The same data key wrapped by a new password (after the user changed it online). */
export async function rewrapDataKey(
  oldPassword: string,
  newPassword: string,
  stored: WrappedKey,
): Promise<WrappedKey | null> {
  // The stored key is not extractable once unwrapped, so unwrap an extractable copy to wrap again.
  const oldWrapping = await passwordKey(oldPassword, stored.salt, stored.iterations);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.unwrapKey("raw", stored.wrapped, oldWrapping, "AES-KW", "AES-GCM", true, [
      "encrypt",
      "decrypt",
    ]);
  } catch {
    return null;
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const wrapping = await passwordKey(newPassword, salt, PBKDF2_ITERATIONS);
  return {
    salt,
    iterations: PBKDF2_ITERATIONS,
    wrapped: await crypto.subtle.wrapKey("raw", key, wrapping, "AES-KW"),
  };
}

export async function sealBytes(key: CryptoKey, bytes: BufferSource): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  return { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, bytes) };
}

export function unsealBytes(key: CryptoKey, sealed: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
}

export function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  return sealBytes(key, new TextEncoder().encode(JSON.stringify(value)));
}

export async function unseal<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await unsealBytes(key, sealed))) as T;
}
