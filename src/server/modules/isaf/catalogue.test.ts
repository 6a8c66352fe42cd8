import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, catalogueAudio, indicators } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { proposeIndicator } from "./catalogue.service";

let t: TestApp;
let keeper: Caller;
let viewer: Caller;

beforeAll(async () => {
  t = await createTestApp();
  keeper = await t.as({ roles: ["national_officer"], national: true });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
});
afterAll(() => t.close());

/** A multipart body with one file in the field "file". */
function multipart(contentType: string, data: Buffer, field = "file") {
  const boundary = "isaf-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="clip"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, data, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(
  caller: Caller,
  url: string,
  contentType = "audio/mpeg",
  data = Buffer.from("ID3fake-mp3"),
) {
  const { body, headers } = multipart(contentType, data);
  return caller.request("PUT", url, body, headers);
}

describe("indicator catalogue", () => {
  it("lists the 30 ISAF-II criteria by sector, CA 6–10 as duplicates of HC 1–5 with their note", async () => {
    const all = (await viewer.get("/api/v1/indicators")).json().items as {
      code: string;
      status: string;
      sourceNote: string | null;
      duplicateOf: { code: string } | null;
    }[];
    expect(all.filter((item) => item.code.match(/^(PS|HC|CA)-\d\d$/))).toHaveLength(30);
    const ca = (await viewer.get("/api/v1/indicators?sector=CA&status=duplicate")).json().items as typeof all;
    expect(ca.map((item) => [item.code, item.duplicateOf?.code])).toEqual([
      ["CA-06", "HC-01"],
      ["CA-07", "HC-02"],
      ["CA-08", "HC-03"],
      ["CA-09", "HC-04"],
      ["CA-10", "HC-05"],
    ]);
    expect(ca[0].sourceNote).toMatch(/copy of HC item 1/);
    const scale = (await viewer.get("/api/v1/rating-scale")).json().items;
    expect(scale.map((point: { value: number }) => point.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it("lets a keeper add, rename, retire and mark duplicates, versioned and audited; others get 403", async () => {
    expect(
      (await viewer.post("/api/v1/indicators", { sectorCode: "PS", nameKm: "ក", nameEn: "A" })).statusCode,
    ).toBe(403);
    const bad = await keeper.post("/api/v1/indicators", { sectorCode: "XX", nameKm: "", nameEn: "A" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["nameKm", "sectorCode"]);

    const created = await keeper.post("/api/v1/indicators", {
      sectorCode: "PS",
      nameKm: "គ្រូមកបង្រៀនទៀងទាត់",
      nameEn: "Teachers come on time",
    });
    expect(created.statusCode).toBe(201);
    const indicator = created.json();
    expect(indicator).toMatchObject({ code: "PS-11", status: "active", source: "programme", version: 1 });

    const renamed = await keeper.put(`/api/v1/indicators/${indicator.id}`, {
      nameKm: indicator.nameKm,
      nameEn: "Teachers arrive on time",
      nameEnIsTranslation: true,
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ nameEn: "Teachers arrive on time", version: 2 });
    const stale = await keeper.put(`/api/v1/indicators/${indicator.id}`, {
      nameKm: "x",
      nameEn: "x",
      nameEnIsTranslation: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const [ps01] = (await viewer.get("/api/v1/indicators?sector=PS")).json().items;
    const noTarget = await keeper.post(`/api/v1/indicators/${indicator.id}/status`, {
      status: "duplicate",
      version: 2,
    });
    expect(noTarget.json().errors[0]).toMatchObject({ path: "duplicateOfId", code: "duplicate_of_required" });
    const dup = await keeper.post(`/api/v1/indicators/${indicator.id}/status`, {
      status: "duplicate",
      duplicateOfId: ps01.id,
      version: 2,
    });
    expect(dup.json()).toMatchObject({ status: "duplicate", duplicateOf: { code: "PS-01" }, version: 3 });
    const retired = await keeper.post(`/api/v1/indicators/${indicator.id}/status`, {
      status: "retired",
      version: 3,
    });
    expect(retired.json()).toMatchObject({ status: "retired", duplicateOfId: null });
    const again = await keeper.post(`/api/v1/indicators/${indicator.id}/status`, {
      status: "retired",
      version: 4,
    });
    expect(again.statusCode).toBe(409);

    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, indicator.id));
    expect(events.map((event) => event.action)).toEqual([
      "indicator.created",
      "indicator.updated",
      "indicator.duplicate",
      "indicator.retired",
    ]);
  });

  it("takes an indicator proposed in a meeting, which a keeper accepts", async () => {
    const ctx = {
      db: t.db,
      actor: { id: viewer.userId!, username: "v", roles: ["facilitator" as const] },
      ip: null,
    };
    const proposed = await t.db.transaction((tx) =>
      proposeIndicator(tx, ctx as never, { sectorCode: "HC", nameKm: "ឱសថគ្រប់គ្រាន់" }),
    );
    expect(proposed.code).toBe("HC-M-1");
    const second = await t.db.transaction((tx) =>
      proposeIndicator(tx, ctx as never, {
        sectorCode: "HC",
        nameKm: "បន្ទប់រង់ចាំស្អាត",
        nameEn: "Clean waiting room",
      }),
    );
    expect(second.code).toBe("HC-M-2");
    await expect(
      t.db.transaction((tx) => proposeIndicator(tx, ctx as never, { sectorCode: "HC", nameKm: "  " })),
    ).rejects.toMatchObject({ status: 400 });
    const listed = (await viewer.get("/api/v1/indicators?status=proposed")).json().items;
    expect(listed.map((item: { code: string }) => item.code)).toEqual(["HC-M-1", "HC-M-2"]);
    const accepted = await keeper.post(`/api/v1/indicators/${proposed.id}/status`, {
      status: "active",
      version: 1,
    });
    expect(accepted.json()).toMatchObject({ status: "active", source: "meeting" });
  });

  it("stores, serves and replaces audio per language; refuses other file types and writes nothing", async () => {
    const [hc01] = (await viewer.get("/api/v1/indicators?sector=HC")).json().items;
    const url = `/api/v1/indicators/${hc01.id}/audio/km`;
    expect((await viewer.get(url)).statusCode).toBe(404);
    expect((await upload(viewer, url)).statusCode).toBe(403);
    const refused = await upload(keeper, url, "image/png");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("media_type_not_allowed");
    expect((await upload(keeper, url, "audio/mpeg", Buffer.alloc(0))).json().code).toBe("media_empty");
    expect(await t.db.select().from(catalogueAudio)).toHaveLength(0);

    const stored = await upload(keeper, url);
    expect(stored.json()).toMatchObject({ language: "km", contentType: "audio/mpeg" });
    const served = await viewer.get(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("audio/mpeg");
    expect(served.rawPayload.toString()).toBe("ID3fake-mp3");
    await upload(keeper, url, "audio/ogg", Buffer.from("OggS-new"));
    const replaced = await viewer.get(url);
    expect(replaced.headers["content-type"]).toBe("audio/ogg");
    const listed = (await viewer.get("/api/v1/indicators?sector=HC")).json().items[0];
    expect(listed.audioLanguages).toEqual(["km"]);
    expect((await viewer.get(`/api/v1/indicators/${hc01.id}/audio/xx`)).statusCode).toBe(400);

    const rating = "/api/v1/rating-scale/3/audio/bn";
    expect((await upload(keeper, rating, "audio/wav")).statusCode).toBe(200);
    expect((await viewer.get(rating)).headers["content-type"]).toBe("audio/wav");
    expect((await viewer.get("/api/v1/rating-scale")).json().items[2].audioLanguages).toEqual(["bn"]);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "indicator"), eq(auditEvents.entityId, hc01.id)));
    expect(events.map((event) => event.action)).toEqual([
      "indicator.audio_added",
      "indicator.audio_replaced",
    ]);
    const [still] = await t.db.select().from(indicators).where(eq(indicators.id, hc01.id));
    expect(still.status).toBe("active");
  });

  it("checks who uploads, and to what, before reading the uploaded file", async () => {
    const [ps01] = (await viewer.get("/api/v1/indicators?sector=PS")).json().items;
    // Larger than the upload limit: reading it would fail with 413, so these answers show it was never read.
    const huge = Buffer.alloc(11 * 1024 * 1024, 1);
    expect(
      (await upload(viewer, `/api/v1/indicators/${ps01.id}/audio/km`, "audio/mpeg", huge)).statusCode,
    ).toBe(403);
    expect((await upload(viewer, "/api/v1/rating-scale/2/audio/km", "audio/mpeg", huge)).statusCode).toBe(
      403,
    );
    const unknown = "/api/v1/indicators/01890000-0000-7000-8000-0000000000ff/audio/km";
    expect((await upload(keeper, unknown, "audio/mpeg", huge)).statusCode).toBe(404);
    expect(
      (await upload(keeper, `/api/v1/indicators/${ps01.id}/audio/km`, "audio/mpeg", huge)).statusCode,
    ).toBe(413);
  });

  it("gives concurrent new indicators of one sector different codes", async () => {
    const names = ["មួយ", "ពីរ", "បី", "បួន", "ប្រាំ", "ប្រាំមួយ"];
    const responses = await Promise.all(
      names.map((nameKm) =>
        keeper.post("/api/v1/indicators", {
          sectorCode: "CA",
          nameKm,
          nameEn: `Concurrent ${nameKm}`,
          nameEnIsTranslation: true,
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(names.map(() => 201));
    const codes = responses.map((response) => response.json().code as string);
    expect(new Set(codes).size).toBe(names.length);
    const proposals = await Promise.all(
      names.map((nameKm) =>
        t.db.transaction((tx) =>
          proposeIndicator(
            tx,
            { db: t.db, actor: { id: keeper.userId!, roles: ["admin"] }, ip: null } as never,
            {
              sectorCode: "CA",
              nameKm,
            },
          ),
        ),
      ),
    );
    expect(new Set(proposals.map((proposal) => proposal.code)).size).toBe(names.length);
  });
});
