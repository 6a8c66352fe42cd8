import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let viewer: Caller;

beforeAll(async () => {
  t = await createTestApp();
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
});
afterAll(() => t.close());

describe("places", () => {
  it("lists the 25 provinces, each with its districts counted", async () => {
    const response = await viewer.get("/api/v1/places");
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items).toHaveLength(25);
    expect(items.find((p: { code: string }) => p.code === "15")).toMatchObject({
      nameEn: "Pursat",
      level: "province",
      childCount: 7,
    });
  });

  it("shows a village with its full path", async () => {
    const response = await viewer.get("/api/v1/places/15010101");
    expect(response.statusCode).toBe(200);
    const place = response.json();
    expect(place.nameEn).toBe("Doung Chrum");
    expect(place.path.map((p: { code: string }) => p.code)).toEqual(["15", "1501", "150101"]);
  });

  it("finds places by Latin name, accents and case ignored, the province first", async () => {
    const response = await viewer.get("/api/v1/places/search?q=B%C4%82TD%C3%A2mb%C3%A2ng&limit=5");
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({ code: "02", nameEn: "Battambang" });
  });

  it("finds places by name prefix and by a word inside the name", async () => {
    const prefix = (await viewer.get("/api/v1/places/search?q=bakan&level=district")).json().items;
    expect(prefix[0]).toMatchObject({ code: "1501" });
    const word = (await viewer.get("/api/v1/places/search?q=kandaol&within=1501")).json().items;
    expect(word.map((p: { code: string }) => p.code)).toContain("150101");
  });

  it("tolerates a misspelling", async () => {
    const items = (await viewer.get("/api/v1/places/search?q=battambong&level=province")).json().items;
    expect(items[0]?.code).toBe("02");
  });

  it("finds places by Khmer name, with or without zero-width spaces", async () => {
    const plain = (await viewer.get(`/api/v1/places/search?q=${encodeURIComponent("បឹងបត់កណ្ដាល")}`)).json()
      .items;
    expect(plain[0]).toMatchObject({ code: "150101" });
    const withZwsp = (
      await viewer.get(`/api/v1/places/search?q=${encodeURIComponent("បឹងបត់\u200Bកណ្ដាល")}`)
    ).json().items;
    expect(withZwsp[0]).toMatchObject({ code: "150101" });
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expect((await t.anonymous.get("/api/v1/places")).statusCode).toBe(401);
  });

  it("answers 404 for an unknown code and 400 for a malformed one", async () => {
    expect((await viewer.get("/api/v1/places/99")).statusCode).toBe(404);
    const bad = await viewer.get("/api/v1/places/abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "code" }] });
    expect((await viewer.get("/api/v1/places/search?q=")).statusCode).toBe(400);
  });

  it("serves boundaries of a province's districts as GeoJSON", async () => {
    const response = await viewer.get("/api/v1/geo/district?within=15");
    expect(response.statusCode).toBe(200);
    const collection = response.json();
    expect(collection.features.map((f: { id: string }) => f.id).sort()).toEqual([
      "1501",
      "1502",
      "1503",
      "1504",
      "1505",
      "1506",
      "1507",
    ]);
  });
});

describe("places by code", () => {
  it("finds a place by its code, then the places under it", async () => {
    const items = (await viewer.get("/api/v1/places/search?q=0201&limit=3")).json().items;
    expect(items.map((p: { code: string }) => p.code)).toEqual(["0201", "020101", "020102"]);
    const village = (await viewer.get("/api/v1/places/search?q=15010101")).json().items;
    expect(village[0]).toMatchObject({
      code: "15010101",
      path: [{ code: "15" }, { code: "1501" }, { code: "150101" }],
    });
  });
});
