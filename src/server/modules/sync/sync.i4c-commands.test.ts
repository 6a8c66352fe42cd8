import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cycleFacilitators } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";
import { I4C_COMMANDS } from "../isaf/i4c.sync";
import { loadActor } from "../users/people.service";

/**
 * Issue 4: I4C outreach sessions recorded offline, with photos uploaded in chunks (modules/uploads)
 * and attached by a command. The commands are run as the push runs them: the payload through its
 * schema, the command in its own transaction, with the pushing user's context.
 */
let t: TestApp;
let facilitator: Caller;
let lead: Caller;
let viewer: Caller;
let outsider: Caller;

beforeAll(async () => {
  t = await createTestApp();
  facilitator = await t.as({ roles: ["facilitator"], area: ["15"] });
  lead = await t.as({ roles: ["ngo_staff"], area: ["15"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  outsider = await t.as({ roles: ["ngo_staff"], area: ["02"] });
});
afterAll(() => t.close());

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const zero = { under_15: 0, "15_17": 0, "18_30": 0, "31_59": 0, "60_plus": 0 };
const SESSION = {
  heldOn: "2026-02-10",
  villageCode: "15010101",
  attendance: { female: { ...zero, "18_30": 12 }, male: { ...zero, "31_59": 7 } },
  notes: "At the pagoda",
};

/** A cycle in Boeng Bat Kandaol with the facilitator assigned. */
async function cycle(communeCode = "150101") {
  const fixture = await createCycle(t.db, { communeCode });
  await t.db.insert(cycleFacilitators).values({ cycleId: fixture.cycleId, userId: facilitator.userId! });
  return fixture;
}

async function run(caller: Caller, type: string, recordId: string, payload: unknown) {
  const actor = (await loadActor(t.db, caller.userId!))!;
  const command = I4C_COMMANDS[type]!;
  const parsed = command.payload.parse(payload);
  return t.db.transaction((tx) =>
    command.run!({ ...t.deps, db: tx, actor, ip: null, locale: "en" }, recordId, parsed, 0),
  );
}

/** A file uploaded in one chunk by the caller, completed unless told otherwise; its upload id. */
async function upload(caller: Caller, data = PNG, contentType = "image/png", complete = true) {
  const id = uuidv7();
  const sha256 = createHash("sha256").update(data).digest("hex");
  const started = await caller.post("/api/v1/uploads", {
    id,
    fileName: "photo",
    contentType,
    byteSize: data.length,
    sha256,
  });
  expect(started.statusCode, started.body).toBe(201);
  const chunk = await caller.request("PUT", `/api/v1/uploads/${id}/chunks/0`, data, {
    "content-type": "application/octet-stream",
  });
  expect(chunk.statusCode, chunk.body).toBe(200);
  if (complete) expect((await caller.post(`/api/v1/uploads/${id}/complete`)).statusCode).toBe(200);
  return id;
}

async function count(table: "i4c_sessions" | "i4c_session_photos"): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`);
  return row!.n;
}

async function actions(entityId: string) {
  const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
  return events.map((event) => event.action);
}

describe("i4c.recordSession", () => {
  it("records the session under the device's id through the I4C service, and only once", async () => {
    const { cycleId } = await cycle();
    const id = uuidv7();
    expect(await run(facilitator, "i4c.recordSession", id, { ...SESSION, cycleId })).toEqual({ version: 1 });
    const pack = (await facilitator.get(`/api/v1/cycles/${cycleId}/i4c`)).json();
    expect(pack.sessions).toEqual([
      expect.objectContaining({
        id,
        total: 19,
        village: expect.objectContaining({ code: "15010101" }),
        photos: [],
      }),
    ]);
    expect(await actions(id)).toEqual(["i4c_session.created"]);

    const sessions = await count("i4c_sessions");
    await expect(run(facilitator, "i4c.recordSession", id, { ...SESSION, cycleId })).rejects.toMatchObject({
      status: 409,
      code: "i4c_session_exists",
    });
    const elsewhere = (await cycle()).cycleId;
    await expect(
      run(facilitator, "i4c.recordSession", id, { ...SESSION, cycleId: elsewhere }),
    ).rejects.toMatchObject({ status: 409, code: "i4c_session_exists" });
    expect(await count("i4c_sessions")).toBe(sessions);
    expect(await actions(id)).toEqual(["i4c_session.created"]);
  });

  it("holds the command to the API's rules: area, role, village, attendance", async () => {
    const { cycleId } = await cycle();
    const outside = await createCycle(t.db, { communeCode: "020101" });
    const sessions = await count("i4c_sessions");
    await expect(
      run(facilitator, "i4c.recordSession", uuidv7(), {
        ...SESSION,
        cycleId: outside.cycleId,
        villageCode: null,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(run(viewer, "i4c.recordSession", uuidv7(), { ...SESSION, cycleId })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      run(facilitator, "i4c.recordSession", uuidv7(), { ...SESSION, cycleId, villageCode: "02010101" }),
    ).rejects.toMatchObject({ status: 400, fieldErrors: [{ code: "village_not_in_commune" }] });
    const negative = {
      ...SESSION,
      cycleId,
      attendance: { ...SESSION.attendance, male: { ...zero, under_15: -1 } },
    };
    expect(I4C_COMMANDS["i4c.recordSession"]!.payload.safeParse(negative).success).toBe(false);
    expect(I4C_COMMANDS["i4c.recordSession"]!.versioned).toBe(false);
    expect(await count("i4c_sessions")).toBe(sessions);
  });
});

describe("i4c.attachSessionPhoto", () => {
  let cycleId: string;
  let facilityId: string;
  let sessionId: string;
  let mediaId: string;

  beforeAll(async () => {
    ({ cycleId, facilityId } = await cycle());
    sessionId = uuidv7();
    await run(facilitator, "i4c.recordSession", sessionId, { ...SESSION, cycleId });
  });

  it("attaches the photo of a completed upload, once, audited", async () => {
    const pending = await upload(facilitator, PNG, "image/png", false);
    await expect(
      run(facilitator, "i4c.attachSessionPhoto", sessionId, { cycleId, uploadId: pending }),
    ).rejects.toMatchObject({ status: 409, code: "upload_incomplete" });
    expect(await count("i4c_session_photos")).toBe(0);

    const uploadId = await upload(facilitator);
    mediaId = (await facilitator.get(`/api/v1/uploads/${uploadId}`)).json().mediaId;
    const payload = { cycleId, uploadId };
    expect(await run(facilitator, "i4c.attachSessionPhoto", sessionId, payload)).toEqual({ version: 1 });
    expect(await run(facilitator, "i4c.attachSessionPhoto", sessionId, payload)).toEqual({ version: 1 });
    const pack = (await facilitator.get(`/api/v1/cycles/${cycleId}/i4c`)).json();
    expect(pack.sessions[0].photos).toEqual([
      { id: mediaId, contentType: "image/png", byteSize: PNG.length },
    ]);
    expect(await count("i4c_session_photos")).toBe(1);
    expect(await actions(sessionId)).toEqual(["i4c_session.created", "i4c_session.photo_attached"]);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, sessionId), eq(auditEvents.action, "i4c_session.photo_attached")));
    expect(event!.changes).toEqual({
      photo: { from: null, to: { id: mediaId, contentType: "image/png", byteSize: PNG.length, uploadId } },
    });
  });

  it("refuses someone else's upload, a recording, and a photo of another session", async () => {
    const before = await count("i4c_session_photos");
    const mine = await upload(facilitator);
    await expect(
      run(lead, "i4c.attachSessionPhoto", sessionId, { cycleId, uploadId: mine }),
    ).rejects.toMatchObject({ status: 404 });
    const recording = await upload(facilitator, Buffer.from("ID3-recording"), "audio/mpeg");
    await expect(
      run(facilitator, "i4c.attachSessionPhoto", sessionId, { cycleId, uploadId: recording }),
    ).rejects.toMatchObject({ status: 400, code: "media_type_not_allowed" });
    const second = uuidv7();
    await run(facilitator, "i4c.recordSession", second, { ...SESSION, cycleId });
    await run(facilitator, "i4c.attachSessionPhoto", second, { cycleId, uploadId: mine });
    await expect(
      run(facilitator, "i4c.attachSessionPhoto", sessionId, { cycleId, uploadId: mine }),
    ).rejects.toMatchObject({ status: 409, code: "i4c_photo_elsewhere" });
    await expect(
      run(facilitator, "i4c.attachSessionPhoto", uuidv7(), { cycleId, uploadId: mine }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await count("i4c_session_photos")).toBe(before + 1);
  });

  it("serves the photo to readers of the I4C pack, and never on the public page", async () => {
    const url = `/api/v1/cycles/${cycleId}/i4c/sessions/${sessionId}/photos/${mediaId}`;
    for (const reader of [facilitator, viewer]) {
      const answer = await reader.get(url);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers["content-type"]).toBe("image/png");
      expect(answer.rawPayload.equals(PNG)).toBe(true);
    }
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await facilitator.get(url.replace(sessionId, uuidv7()))).statusCode).toBe(404);
    expect((await facilitator.get(url.replace(mediaId, uuidv7()))).statusCode).toBe(404);

    // Published, the pack is on the facility's public page: its figures, no session and no photo.
    const items = [{ labelKm: "បង្គន់", labelEn: "Toilets", standardValue: "4", actualValue: "2" }];
    const saved = (await lead.put(`/api/v1/cycles/${cycleId}/i4c`, { items, version: 1 })).json();
    expect(
      (await lead.post(`/api/v1/cycles/${cycleId}/i4c/publish`, { version: saved.version })).statusCode,
    ).toBe(200);
    const page = await t.anonymous.get(`/api/public/v1/facilities/${facilityId}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().i4c).toHaveLength(1);
    expect(page.body).not.toContain(mediaId);
    expect(page.body).not.toContain(sessionId);
    expect(page.body).not.toMatch(/photo|session/i);
  });

  it("takes the photos away with their session, and says so in the audit event", async () => {
    const pack = (await facilitator.get(`/api/v1/cycles/${cycleId}/i4c`)).json();
    const session = pack.sessions.find((s: { id: string }) => s.id === sessionId);
    const removed = await facilitator.post(`/api/v1/cycles/${cycleId}/i4c/sessions/${sessionId}/delete`, {
      updatedAt: session.updatedAt,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, sessionId), eq(auditEvents.action, "i4c_session.deleted")));
    expect(event!.changes).toMatchObject({ photos: { from: [mediaId], to: null } });
    const url = `/api/v1/cycles/${cycleId}/i4c/sessions/${sessionId}/photos/${mediaId}`;
    expect((await facilitator.get(url)).statusCode).toBe(404);
  });
});
