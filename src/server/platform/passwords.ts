import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../domain/password-policy";
import { badRequest } from "./errors";

const COMMON_PASSWORDS = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Throws a 400 with a field error on `field` when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, username: string, field = "password"): void {
  const problem = checkPassword(password, username, (p) => COMMON_PASSWORDS.has(p));
  if (!problem) return;
  throw badRequest("validation_failed", [
    {
      path: field,
      code: `password_${problem}`,
      params: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
    },
  ]);
}
