import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

const common = new Set(["password1234", "qwertyuiop"]);
const isCommon = (p: string) => common.has(p);

describe("password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(checkPassword("river-mango-lantern-7", "sokha", isCommon)).toBeNull();
  });
  it("names the first problem", () => {
    expect(checkPassword("short", "sokha", isCommon)).toBe("too_short");
    expect(checkPassword("x".repeat(129), "sokha", isCommon)).toBe("too_long");
    expect(checkPassword("QWERTYUIOP", "sokha", isCommon)).toBe("common");
    expect(checkPassword("my-name-is-Sokha-99", "sokha", isCommon)).toBe("contains_username");
  });
});
