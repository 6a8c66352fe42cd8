/** The password rule (issue 2, part 6): long enough, not common, not the user name. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_username";

/**
 * Returns the first problem with a password, or null when it is acceptable.
 * `isCommon` is given by the caller, which owns the list of common passwords.
 */
export function checkPassword(
  password: string,
  username: string,
  isCommon: (password: string) => boolean,
): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return "contains_username";
  if (isCommon(lower)) return "common";
  return null;
}
