import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contactCipher, loadContactKey } from "./contact-cipher";

const key = Buffer.alloc(32, 7);

describe("contactCipher", () => {
  it("seals a number so that it is not readable, and opens it again", () => {
    const cipher = contactCipher(key);
    const sealed = cipher.seal("85512345678");
    expect(sealed).not.toContain("12345678");
    expect(cipher.seal("85512345678")).not.toBe(sealed);
    expect(cipher.open(sealed)).toBe("85512345678");
  });

  it("refuses a value changed at rest or sealed under another key", () => {
    const sealed = contactCipher(key).seal("85512345678");
    const last = sealed.at(-1) === "A" ? "B" : "A";
    expect(() => contactCipher(key).open(`${sealed.slice(0, -1)}${last}`)).toThrow();
    expect(() => contactCipher(Buffer.alloc(32, 8)).open(sealed)).toThrow();
  });

  it("hashes equal numbers alike and differently under another key", () => {
    const cipher = contactCipher(key);
    expect(cipher.hash("85512345678")).toBe(cipher.hash("85512345678"));
    expect(cipher.hash("85512345678")).not.toBe(cipher.hash("85512345679"));
    expect(contactCipher(Buffer.alloc(32, 8)).hash("85512345678")).not.toBe(cipher.hash("85512345678"));
  });
});

describe("loadContactKey", () => {
  it("makes a key file on first use, readable by its owner only, and reads the same key after", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "samleng-key-"));
    const first = loadContactKey({}, dir);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, "contact.key")).mode & 0o077).toBe(0);
    expect(loadContactKey({}, dir).equals(first)).toBe(true);
    expect(readFileSync(path.join(dir, "contact.key"), "utf8")).toBe(first.toString("base64"));
  });

  it("takes SAMLENG_CONTACT_KEY before the file, and refuses a key of the wrong length", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "samleng-key-"));
    expect(loadContactKey({ SAMLENG_CONTACT_KEY: key.toString("base64") }, dir).equals(key)).toBe(true);
    expect(() => loadContactKey({ SAMLENG_CONTACT_KEY: "c2hvcnQ=" }, dir)).toThrow(/32 bytes/);
  });
});
