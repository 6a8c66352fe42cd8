import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasKhmer, khmerSearchKey, latinSearchKey } from "./search-key";

describe("search keys", () => {
  it("folds case, accents and punctuation in Latin names", () => {
    expect(latinSearchKey("Bătdâmbâng")).toBe("batdambang");
    expect(latinSearchKey("  Kampong-Cham  ")).toBe("kampong cham");
    expect(latinSearchKey("Kratié")).toBe(latinSearchKey("KRATIE"));
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (s) => latinSearchKey(latinSearchKey(s)) === latinSearchKey(s)));
    fc.assert(fc.property(fc.string(), (s) => khmerSearchKey(khmerSearchKey(s)) === khmerSearchKey(s)));
  });

  it("drops zero-width spaces from Khmer", () => {
    expect(khmerSearchKey("រដ្ឋបាល\u200Bសាធារណៈ")).toBe("រដ្ឋបាលសាធារណៈ");
    expect(hasKhmer("ភូមិ 1")).toBe(true);
    expect(hasKhmer("Phum 1")).toBe(false);
  });
});
