import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database";
import { contactKeyCheck } from "../db/schema";

/**
 * Encryption of citizens' phone numbers and gateway credentials at rest (issue 5, part 7).
 *
 * One 32-byte master key, from SAMLENG_CONTACT_KEY (base64) or else a key file in the data folder made
 * on first start. Two keys are derived from it: one for AES-256-GCM (a random 12-byte IV per value,
 * stored as `v1.<iv>.<ciphertext+tag>` in base64url), one for HMAC-SHA-256 hashes that find the same
 * number again (opt-outs, repeats) without decrypting. A stolen database dump without the key holds
 * no number; the key file belongs in a separate backup.
 */
export interface ContactCipher {
  seal(plain: string): string;
  open(sealed: string): string;
  /** A keyed hash of a value (a canonical phone number): equal values, equal hashes. */
  hash(plain: string): string;
}

/** For processes that hold no key (a command line's import): any use is a programming error. */
export const noCipher: ContactCipher = {
  seal: () => {
    throw new Error("no contact key in this process");
  },
  open: () => {
    throw new Error("no contact key in this process");
  },
  hash: () => {
    throw new Error("no contact key in this process");
  },
};

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function contactCipher(masterKey: Buffer): ContactCipher {
  if (masterKey.length !== KEY_BYTES) throw new Error(`the contact key must be ${KEY_BYTES} bytes`);
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), `samleng ${purpose}`, KEY_BYTES));
  const sealKey = derive("contact seal v1");
  const hashKey = derive("contact hash v1");
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `v1.${iv.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(sealed) {
      const [version, iv, body] = sealed.split(".");
      if (version !== "v1" || !iv || !body) throw new Error("not a sealed value");
      const bytes = Buffer.from(body, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", sealKey, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    },
    hash: (plain) => createHmac("sha256", hashKey).update(plain, "utf8").digest("base64url"),
  };
}

/**
 * The master key: SAMLENG_CONTACT_KEY when set, else `<dataDir>/contact.key`, made (readable by this
 * user only) the first time. Losing the key loses every stored number, so the file is never rewritten.
 */
export function loadContactKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.SAMLENG_CONTACT_KEY) {
    const key = Buffer.from(env.SAMLENG_CONTACT_KEY, "base64");
    if (key.length !== KEY_BYTES) throw new Error(`SAMLENG_CONTACT_KEY must be ${KEY_BYTES} bytes in base64`);
    return key;
  }
  const file = path.join(dataDir, "contact.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(KEY_BYTES).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return loadKeyFile(file);
}

function loadKeyFile(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== KEY_BYTES) throw new Error(`${file} must hold ${KEY_BYTES} bytes in base64`);
  return key;
}

/**
 * Checks that this process seals numbers with the same key as everyone else who uses the database:
 * the first process to start records a keyed hash of a fixed text; a process with another key
 * (another host's key file, a lost SAMLENG_CONTACT_KEY) refuses to start rather than seal numbers
 * that the others cannot open and miss the opt-outs they recorded.
 */
export async function checkContactKey(db: Db, cipher: ContactCipher): Promise<void> {
  const check = cipher.hash("samleng contact key check");
  await db.insert(contactKeyCheck).values({ id: 1, check }).onConflictDoNothing();
  const [row] = await db.select().from(contactKeyCheck).where(eq(contactKeyCheck.id, 1));
  if (row?.check !== check)
    throw new Error(
      "The contact key (SAMLENG_CONTACT_KEY, or contact.key in the data folder) is not the key this database's phone numbers were sealed with. Start every server with the same key.",
    );
}
