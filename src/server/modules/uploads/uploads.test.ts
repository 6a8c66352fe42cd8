import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, mediaFiles, uploadChunks, uploadSessions } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { testClock } from "../../platform/clock";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { sweepAbandonedUploads } from "./uploads.sweep";

/**
 * Issue 4: attachments from field devices, uploaded in chunks so that a cut connection resumes where
 * it stopped; the checked file becomes a media file.
 */
let t: TestApp;
let field: Caller;
let other: Caller;
let viewer: Caller;

beforeAll(async () => {
  t = await createTestApp();
  field = await t.as({ roles: ["facilitator"], area: ["15"] });
  other = await t.as({ roles: ["facilitator"], area: ["15"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
});
afterAll(() => t.close());

const CHUNK = 256 * 1024;
/** A photo of two full chunks and a short last one. */
const photo = () => randomBytes(2 * CHUNK + 1000);
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const describeFile = (data: Buffer, id = uuidv7()) => ({
  id,
  fileName: "session.jpg",
  contentType: "image/jpeg",
  byteSize: data.length,
  sha256: sha256(data),
});
const part = (data: Buffer, index: number) => data.subarray(index * CHUNK, (index + 1) * CHUNK);

function sendChunk(caller: Caller, id: string, index: number, data: Buffer) {
  return caller.request("PUT", `/api/v1/uploads/${id}/chunks/${index}`, data, {
    "content-type": "application/octet-stream",
  });
}

async function sendAll(caller: Caller, id: string, data: Buffer, indexes = [0, 1, 2]) {
  for (const index of indexes) {
    const answer = await sendChunk(caller, id, index, part(data, index));
    expect(answer.statusCode, answer.body).toBe(200);
  }
}

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    t.db,
    sql`select (select count(*)::int from upload_sessions) as uploads,
               (select count(*)::int from upload_chunks) as chunks,
               (select count(*)::int from media_files) as media,
               (select count(*)::int from audit_events) as audit`,
  );
  return row!;
}

describe("a resumable upload", () => {
  it("takes a photo in three chunks, checks it and stores it as a media file", async () => {
    const data = photo();
    const file = describeFile(data);
    const started = await field.post("/api/v1/uploads", file);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toEqual({ id: file.id, chunkSize: CHUNK, received: [], mediaId: null });

    const answers = [];
    for (const index of [0, 1, 2]) {
      answers.push((await sendChunk(field, file.id, index, part(data, index))).json());
    }
    expect(answers).toEqual([{ received: [0] }, { received: [0, 1] }, { received: [0, 1, 2] }]);

    const completed = await field.post(`/api/v1/uploads/${file.id}/complete`);
    expect(completed.statusCode, completed.body).toBe(200);
    const { mediaId } = completed.json();
    const [stored] = await t.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
    expect(stored).toMatchObject({
      fileName: "session.jpg",
      contentType: "image/jpeg",
      byteSize: data.length,
      sha256: file.sha256,
      createdBy: field.userId,
    });
    expect(stored!.data.equals(data)).toBe(true);
    const [left] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from upload_chunks where upload_id = ${file.id}`,
    );
    expect(left!.n).toBe(0);
    expect((await field.get(`/api/v1/uploads/${file.id}`)).json()).toEqual({
      id: file.id,
      chunkSize: CHUNK,
      received: [0, 1, 2],
      mediaId,
    });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, file.id));
    expect(events.map((event) => event.action)).toEqual(["upload.started", "upload.completed"]);
    expect(events[1]!.changes).toEqual({ mediaId: { from: null, to: mediaId } });
  });

  it("resumes after a cut: the device asks what arrived and sends the rest", async () => {
    const data = photo();
    const file = describeFile(data);
    await field.post("/api/v1/uploads", file);
    await sendAll(field, file.id, data, [0]);
    // The connection drops; the app comes back and asks.
    expect((await field.get(`/api/v1/uploads/${file.id}`)).json()).toEqual({
      id: file.id,
      chunkSize: CHUNK,
      received: [0],
      mediaId: null,
    });
    // Starting again with the same id and file answers the same state, and starts nothing new.
    const again = await field.post("/api/v1/uploads", file);
    expect(again.statusCode).toBe(200);
    expect(again.json().received).toEqual([0]);
    await sendAll(field, file.id, data, [1, 2]);
    const completed = await field.post(`/api/v1/uploads/${file.id}/complete`);
    expect(completed.statusCode, completed.body).toBe(200);
    const [stored] = await t.db.select().from(mediaFiles).where(eq(mediaFiles.id, completed.json().mediaId));
    expect(stored!.data.equals(data)).toBe(true);
  });

  it("takes a chunk sent twice once, and answers a second completion with the same file", async () => {
    const data = photo();
    const file = describeFile(data);
    await field.post("/api/v1/uploads", file);
    await sendAll(field, file.id, data, [0, 0, 1, 2, 2]);
    const [held] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from upload_chunks where upload_id = ${file.id}`,
    );
    expect(held!.n).toBe(3);
    const first = (await field.post(`/api/v1/uploads/${file.id}/complete`)).json();
    const before = await counts();
    const second = await field.post(`/api/v1/uploads/${file.id}/complete`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first);
    // A late retry of a chunk changes nothing either.
    const late = await sendChunk(field, file.id, 1, part(data, 1));
    expect(late.json()).toEqual({ received: [0, 1, 2] });
    expect(await counts()).toEqual(before);
  });

  it("discards a file that does not match its hash, so that the device sends it again", async () => {
    const data = photo();
    const file = describeFile(data);
    await field.post("/api/v1/uploads", file);
    const garbled = Buffer.from(part(data, 1));
    garbled[10] = garbled[10]! ^ 0xff;
    await sendChunk(field, file.id, 0, part(data, 0));
    await sendChunk(field, file.id, 1, garbled);
    await sendChunk(field, file.id, 2, part(data, 2));
    const media = (await counts()).media;

    const refused = await field.post(`/api/v1/uploads/${file.id}/complete`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("upload_hash_mismatch");
    expect((await field.get(`/api/v1/uploads/${file.id}`)).json()).toMatchObject({
      received: [],
      mediaId: null,
    });
    expect((await counts()).media).toBe(media);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, file.id));
    expect(events.map((event) => event.action)).toEqual(["upload.started", "upload.discarded"]);

    await sendAll(field, file.id, data);
    expect((await field.post(`/api/v1/uploads/${file.id}/complete`)).statusCode).toBe(200);
  });
});

describe("refusals", () => {
  it("keeps an upload to its uploader: anyone else hears 404, and cannot take over its id", async () => {
    const data = photo();
    const file = describeFile(data);
    await field.post("/api/v1/uploads", file);
    await sendAll(field, file.id, data, [0]);
    const before = await counts();
    expect((await other.get(`/api/v1/uploads/${file.id}`)).statusCode).toBe(404);
    expect((await sendChunk(other, file.id, 1, part(data, 1))).statusCode).toBe(404);
    expect((await other.post(`/api/v1/uploads/${file.id}/complete`)).statusCode).toBe(404);
    const taken = await other.post("/api/v1/uploads", file);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe("upload_id_reused");
    expect(await counts()).toEqual(before);
    expect((await field.get(`/api/v1/uploads/${file.id}`)).json().received).toEqual([0]);
  });

  it("refuses bad files, bad chunks and early completion with 4xx, and keeps nothing of them", async () => {
    const data = photo();
    const file = describeFile(data);
    await field.post("/api/v1/uploads", file);
    const before = await counts();
    const refusal = async (
      response: Promise<{ statusCode: number; json: () => { code: string; detail: string } }>,
    ) => {
      const answer = await response;
      return `${answer.statusCode} ${answer.json().code}`;
    };

    expect(await refusal(field.post("/api/v1/uploads", { ...file, byteSize: 10 * 1024 * 1024 + 1 }))).toBe(
      "400 validation_failed",
    );
    expect(
      await refusal(field.post("/api/v1/uploads", { ...describeFile(data), contentType: "text/html" })),
    ).toBe("400 media_type_not_allowed");
    expect(await refusal(field.post("/api/v1/uploads", { ...describeFile(data), sha256: "abc" }))).toBe(
      "400 validation_failed",
    );
    expect(await refusal(field.post("/api/v1/uploads", { ...file, fileName: "other.jpg" }))).toBe(
      "409 upload_id_reused",
    );
    expect(await refusal(viewer.post("/api/v1/uploads", describeFile(data)))).toBe("403 forbidden");

    expect(await refusal(sendChunk(field, file.id, 0, data.subarray(0, CHUNK - 1)))).toBe(
      "400 upload_chunk_wrong_size",
    );
    expect(await refusal(sendChunk(field, file.id, 2, data.subarray(0, 999)))).toBe(
      "400 upload_chunk_wrong_size",
    );
    expect(await refusal(sendChunk(field, file.id, 3, data.subarray(0, 10)))).toBe(
      "400 upload_chunk_out_of_range",
    );
    expect(await refusal(sendChunk(field, file.id, 0, Buffer.alloc(0)))).toBe("400 upload_chunk_wrong_size");
    expect(await refusal(sendChunk(field, file.id, 0, data.subarray(0, CHUNK + 1)))).toBe(
      "413 body_too_large",
    );
    const json = field.request("PUT", `/api/v1/uploads/${file.id}/chunks/0`, { bytes: [1, 2] });
    expect(await refusal(json)).toBe("415 unsupported_media_type");

    await sendAll(field, file.id, data, [0]);
    const early = await field.post(`/api/v1/uploads/${file.id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: "upload_chunks_missing" });
    expect(early.json().detail).toContain("1, 2");
    const unknown = await field.post(`/api/v1/uploads/${uuidv7()}/complete`);
    expect(unknown.statusCode).toBe(404);

    const after = await counts();
    expect({ ...after, chunks: after.chunks - 1 }).toEqual(before);
  });

  it("answers 401 without a session", async () => {
    const id = uuidv7();
    expect((await t.anonymous.post("/api/v1/uploads", describeFile(photo(), id))).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/v1/uploads/${id}`)).statusCode).toBe(401);
    expect((await sendChunk(t.anonymous, id, 0, Buffer.alloc(CHUNK))).statusCode).toBe(401);
    expect((await t.anonymous.post(`/api/v1/uploads/${id}/complete`)).statusCode).toBe(401);
  });
});

describe("abandoned uploads", () => {
  it("are swept a month after their last chunk, and the phone can start them anew", async () => {
    const data = photo();
    const stale = describeFile(data);
    const fresh = describeFile(data);
    const done = describeFile(data);
    for (const file of [stale, fresh, done]) {
      expect((await field.post("/api/v1/uploads", file)).statusCode).toBeLessThan(300);
      await sendChunk(field, file.id, 0, part(data, 0));
    }
    for (let index = 1; index < 3; index++) await sendChunk(field, done.id, index, part(data, index));
    await field.post(`/api/v1/uploads/${done.id}/complete`);
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const id of [stale.id, done.id]) {
      await t.db.update(uploadSessions).set({ updatedAt: old }).where(eq(uploadSessions.id, id));
      await t.db.update(uploadChunks).set({ createdAt: old }).where(eq(uploadChunks.uploadId, id));
    }
    // Started long ago, but a chunk came this week: still in progress.
    await t.db.update(uploadSessions).set({ updatedAt: old }).where(eq(uploadSessions.id, fresh.id));

    expect(await sweepAbandonedUploads(t.db, new Date())).toBe(1);
    const left = (await t.db.select({ id: uploadSessions.id }).from(uploadSessions)).map((row) => row.id);
    expect(left).toEqual(expect.arrayContaining([fresh.id, done.id]));
    expect(left).not.toContain(stale.id);
    expect(await t.db.select().from(uploadChunks).where(eq(uploadChunks.uploadId, stale.id))).toEqual([]);
    const [audited] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "upload.swept"));
    expect(audited!.entityId).toBe(stale.id);

    // The phone asks again with the same id: the upload starts anew, nothing held.
    const again = await field.post("/api/v1/uploads", stale);
    expect(again.json()).toMatchObject({ received: [] });
  });

  it("are judged by the app's clock, which wrote their times, not by the database's", async () => {
    // An app whose clock is years behind the database's: the sweep a month later by that clock must
    // see the upload as abandoned, which it could not if the times were the database's now().
    const clock = testClock("2020-03-02T03:00:00Z", { frozen: true });
    const behind = await createTestApp({ clock });
    try {
      const facilitator = await behind.as({ roles: ["facilitator"], area: ["15"] });
      const data = photo();
      const file = describeFile(data);
      expect((await facilitator.post("/api/v1/uploads", file)).statusCode).toBeLessThan(300);
      expect((await sendChunk(facilitator, file.id, 0, part(data, 0))).statusCode).toBe(200);
      expect(await sweepAbandonedUploads(behind.db, new Date("2020-03-20T03:00:00Z"))).toBe(0);
      expect(await sweepAbandonedUploads(behind.db, new Date("2020-04-10T03:00:00Z"))).toBe(1);
    } finally {
      await behind.close();
    }
  });
});
