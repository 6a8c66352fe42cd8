import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, i4cItems, i4cSessions } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";
import { publishedI4c } from "./i4c.service";

let t: TestApp;
let lead: Caller;
let viewer: Caller;
let outsider: Caller;

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.as({ roles: ["ngo_staff"], area: ["15"] });
  viewer = await t.as({ roles: ["viewer"], area: ["15"] });
  outsider = await t.as({ roles: ["ngo_staff"], area: ["02"] });
});
afterAll(() => t.close());

const items = [
  {
    labelKm: "សិស្សក្នុងគ្រូម្នាក់",
    labelEn: "Pupils per teacher",
    standardValue: "40",
    actualValue: "52",
    unit: "នាក់",
  },
  { labelKm: "បង្គន់", labelEn: "Toilets", standardValue: "4", actualValue: "2" },
];
const zero = { under_15: 0, "15_17": 0, "18_30": 0, "31_59": 0, "60_plus": 0 };
const attendance = {
  female: { ...zero, "18_30": 12, "31_59": 5 },
  male: { ...zero, under_15: 3, "31_59": 7 },
};

describe("I4C", () => {
  it("saves the whole pack (versioned), publishes it, and only then gives it to the public module", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101" });
    expect((await viewer.put(`/api/v1/cycles/${cycleId}/i4c`, { items, version: 1 })).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/cycles/${cycleId}/i4c`)).statusCode).toBe(404);
    expect((await lead.post(`/api/v1/cycles/${cycleId}/i4c/publish`, { version: 1 })).json().code).toBe(
      "i4c_empty",
    );

    const bad = await lead.put(`/api/v1/cycles/${cycleId}/i4c`, {
      items: [{ ...items[0], standardValue: "" }],
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("items.0.standardValue");
    expect(await t.db.select().from(i4cItems).where(eq(i4cItems.cycleId, cycleId))).toHaveLength(0);

    const saved = await lead.put(`/api/v1/cycles/${cycleId}/i4c`, {
      items,
      budgetSummary: "ថវិកា ១២.០០០.០០០ រៀល",
      notes: "Built with the school committee",
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    const pack = saved.json();
    expect(pack).toMatchObject({ version: 2, canEdit: true, publishedAt: null });
    expect(pack.items.map((i: { labelEn: string; position: number }) => [i.position, i.labelEn])).toEqual([
      [0, "Pupils per teacher"],
      [1, "Toilets"],
    ]);
    expect((await viewer.get(`/api/v1/cycles/${cycleId}/i4c`)).json().canEdit).toBe(false);
    expect(await publishedI4c(t.db, cycleId)).toBeNull();
    const stale = await lead.put(`/api/v1/cycles/${cycleId}/i4c`, { items: [], version: 1 });
    expect(stale.statusCode).toBe(409);

    const published = (await lead.post(`/api/v1/cycles/${cycleId}/i4c/publish`, { version: 2 })).json();
    expect(published.publishedAt).toBeTruthy();
    const open = await publishedI4c(t.db, cycleId);
    expect(open).toMatchObject({ budgetSummary: "ថវិកា ១២.០០០.០០០ រៀល", publishedAt: published.publishedAt });
    expect(open?.items[0]).toMatchObject({ standardValue: "40", actualValue: "52", unit: "នាក់" });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycleId));
    expect(events.map((e) => e.action)).toEqual(["i4c.saved", "i4c.published"]);
  });

  it("takes a changed pack off the public page until it is published again", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101" });
    const url = `/api/v1/cycles/${cycleId}/i4c`;
    const content = { items, budgetSummary: "ថវិកា", notes: null };
    let pack = (await lead.put(url, { ...content, version: 1 })).json();
    pack = (await lead.post(`${url}/publish`, { version: pack.version })).json();
    const publishedAt = pack.publishedAt;
    expect(publishedAt).toBeTruthy();

    // Saving the same content changes nothing the public sees: still published, same date.
    pack = (await lead.put(url, { ...content, version: pack.version })).json();
    expect(pack.publishedAt).toBe(publishedAt);
    expect(await publishedI4c(t.db, cycleId)).not.toBeNull();

    // A new figure: the public page no longer shows the pack, neither the old nor the new figures.
    const changed = [{ ...items[0], actualValue: "48" }, items[1]];
    pack = (await lead.put(url, { ...content, items: changed, version: pack.version })).json();
    expect(pack.publishedAt).toBeNull();
    expect(await publishedI4c(t.db, cycleId)).toBeNull();
    expect((await lead.get(`/api/v1/cycles/${cycleId}`)).json().i4cPublishedAt).toBeNull();
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycleId));
    const last = events.filter((e) => e.action === "i4c.saved").at(-1);
    expect(last?.changes).toMatchObject({ publishedAt: { from: publishedAt, to: null } });
    expect(Object.keys(last?.changes as object).sort()).toEqual(["items", "publishedAt"]);

    pack = (await lead.post(`${url}/publish`, { version: pack.version })).json();
    expect(pack.publishedAt).toBeTruthy();
    expect((await publishedI4c(t.db, cycleId))?.items[0].actualValue).toBe("48");
  });

  it("records, edits and deletes dissemination sessions with attendance by sex and age band", async () => {
    const { cycleId } = await createCycle(t.db, { communeCode: "150101" });
    const url = `/api/v1/cycles/${cycleId}/i4c/sessions`;
    expect((await viewer.post(url, { heldOn: "2026-02-10", attendance })).statusCode).toBe(403);
    const wrongVillage = await lead.post(url, { heldOn: "2026-02-10", villageCode: "02010101", attendance });
    expect(wrongVillage.json().errors[0]).toMatchObject({
      path: "villageCode",
      code: "village_not_in_commune",
    });
    const negative = await lead.post(url, {
      heldOn: "2026-02-10",
      attendance: { ...attendance, male: { ...zero, under_15: -1 } },
    });
    expect(negative.statusCode).toBe(400);
    expect(await t.db.select().from(i4cSessions).where(eq(i4cSessions.cycleId, cycleId))).toHaveLength(0);

    const added = await lead.post(url, {
      heldOn: "2026-02-10",
      villageCode: "15010101",
      attendance,
      notes: "At the pagoda",
    });
    expect(added.statusCode).toBe(201);
    const [session] = added.json().sessions;
    expect(session).toMatchObject({ total: 27, village: { code: "15010101" }, notes: "At the pagoda" });

    const edited = await lead.put(`${url}/${session.id}`, {
      heldOn: "2026-02-11",
      villageCode: null,
      attendance,
      notes: null,
      updatedAt: session.updatedAt,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json().sessions[0];
    expect(after).toMatchObject({ heldOn: "2026-02-11", village: null });
    const stale = await lead.put(`${url}/${session.id}`, {
      heldOn: "2026-02-12",
      attendance,
      updatedAt: session.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await lead.post(`${url}/${session.id}/delete`, { updatedAt: session.updatedAt })).statusCode,
    ).toBe(409);
    const removed = await lead.post(`${url}/${session.id}/delete`, { updatedAt: after.updatedAt });
    expect(removed.json().sessions).toEqual([]);
    expect((await lead.post(`${url}/${session.id}/delete`, { updatedAt: after.updatedAt })).statusCode).toBe(
      404,
    );
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, session.id));
    expect(events.map((e) => e.action)).toEqual([
      "i4c_session.created",
      "i4c_session.updated",
      "i4c_session.deleted",
    ]);
  });
});
