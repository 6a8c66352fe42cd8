import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, exportChunks, exportJobs } from "../../db/schema";
import { EXPORT_KINDS } from "../../exports";
import { submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { EXPORT_KEEP_MS, sweepExports, writeExport } from "./exports.jobs";
import { exportKinds } from "./exports.kinds";

/**
 * Background exports (issue 12, part 7) through the API: asked for, written by the job (run here
 * by hand, as pg-boss would), followed, downloaded by the requester only, audited, and swept.
 */

let t: TestApp;
let council: Caller;
let neighbour: Caller;

const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`;

async function ask(caller: Caller, body: object) {
  const response = await caller.post("/api/v1/exports", body);
  expect(response.statusCode, response.body).toBe(202);
  return response.json() as { id: string; status: string };
}

beforeAll(async () => {
  t = await createTestApp();
  council = await t.as({ roles: ["commune_council"], area: ["150101"] });
  // Same roles and area: only being the requester tells them apart.
  neighbour = await t.as({ roles: ["commune_council"], area: ["150101"] });
});
afterAll(() => t.close());

describe("background exports", () => {
  it("writes what the requester may read, reports progress, and gives the file to her alone, audited", async () => {
    const mine = await submitFeedback(t, { text: "The school gate is broken." });
    const elsewhere = await submitFeedback(t, { communeCode: "020101", text: "Far away." });
    const asked = await ask(council, { kind: "feedback.messages", format: "csv", params: {} });
    expect(asked.status).toBe("queued");
    expect((await council.get(`/api/v1/exports/${asked.id}/file`)).statusCode).toBe(409);

    await writeExport(t.deps, EXPORT_KINDS, asked.id);
    const status = (await council.get(`/api/v1/exports/${asked.id}`)).json();
    expect(status).toMatchObject({ status: "done", rowsDone: 1, rowsTotal: 1, error: null });
    expect(status.fileName).toMatch(/^samleng-feedback-general-\d{4}-\d{2}-\d{2}\.csv$/);

    const file = await council.get(`/api/v1/exports/${asked.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("text/csv");
    expect(file.headers["content-disposition"]).toContain(status.fileName);
    expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.body).toContain(grouped(mine.trackingCode));
    expect(file.body).not.toContain(grouped(elsewhere.trackingCode));
    expect(file.rawPayload.length).toBe(status.byteSize);

    const downloads = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "export.downloaded"));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ actorId: council.userId, entityType: "export", entityId: asked.id });

    // Someone else's export does not exist for her, even with the same access.
    expect((await neighbour.get(`/api/v1/exports/${asked.id}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/v1/exports/${asked.id}/file`)).statusCode).toBe(404);
    expect(
      await t.db.select().from(auditEvents).where(eq(auditEvents.action, "export.downloaded")),
    ).toHaveLength(1);
  });

  it("reports rows done out of the total while it writes", async () => {
    const asked = await ask(council, { kind: "feedback.messages", format: "xlsx", params: {} });
    const seen: unknown[] = [];
    const counting = exportKinds([
      {
        kind: "feedback.messages",
        authorize: async () => {},
        async content() {
          async function* rows() {
            for (let index = 0; index < 1200; index++) {
              if (index === 700) {
                const [row] = await t.db.select().from(exportJobs).where(eq(exportJobs.id, asked.id));
                seen.push({ status: row!.status, rowsDone: row!.rowsDone, rowsTotal: row!.rowsTotal });
              }
              yield [index, `row ${index}`];
            }
          }
          return {
            baseName: "many",
            title: "many",
            total: 1200,
            tables: [{ name: "rows", header: ["n", "text"], rows: rows() }],
          };
        },
      },
    ]);
    await writeExport(t.deps, counting, asked.id);
    expect(seen).toEqual([{ status: "running", rowsDone: 500, rowsTotal: 1200 }]);
    expect((await council.get(`/api/v1/exports/${asked.id}`)).json()).toMatchObject({
      status: "done",
      rowsDone: 1200,
      rowsTotal: 1200,
    });
  });

  it("keeps the file for a set time; the sweep then deletes it with its chunks", async () => {
    const asked = await ask(council, { kind: "feedback.messages", format: "csv", params: {} });
    await writeExport(t.deps, EXPORT_KINDS, asked.id);
    const { expiresAt } = (await council.get(`/api/v1/exports/${asked.id}`)).json();
    const written = Date.parse(expiresAt) - EXPORT_KEEP_MS;
    expect(Math.abs(written - Date.now())).toBeLessThan(60_000);
    await sweepExports(t.db, new Date(Date.parse(expiresAt) - 1000));
    expect((await council.get(`/api/v1/exports/${asked.id}/file`)).statusCode).toBe(200);
    expect((await sweepExports(t.db, new Date(Date.parse(expiresAt) + 1000))).deleted).toBeGreaterThanOrEqual(
      1,
    );
    expect((await council.get(`/api/v1/exports/${asked.id}`)).statusCode).toBe(404);
    expect(await t.db.select().from(exportChunks).where(eq(exportChunks.exportId, asked.id))).toHaveLength(0);
  });

  it("refuses at request time what the requester may not read, and a PDF where no Chromium exists", async () => {
    const refused = await council.post("/api/v1/exports", {
      kind: "feedback.messages",
      format: "csv",
      params: { queue: "restricted" },
    });
    expect(refused.statusCode).toBe(403);
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const pdf = await council.post("/api/v1/exports", {
        kind: "dashboards.isaf",
        format: "pdf",
        params: { place: "150101" },
      });
      expect(pdf.statusCode).toBe(503);
      expect(pdf.json().code).toBe("export_pdf_unavailable");
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
    expect(
      (await council.post("/api/v1/exports", { kind: "other", format: "csv", params: {} })).statusCode,
    ).toBe(400);
  });

  it("writes the dashboard's CSV byte for byte as the synchronous export", async () => {
    const asked = await ask(council, { kind: "dashboards.isaf", format: "csv", params: { place: "150101" } });
    await writeExport(t.deps, EXPORT_KINDS, asked.id);
    const file = await council.get(`/api/v1/exports/${asked.id}/file`);
    const direct = await council.get("/api/v1/dashboards/isaf/export?format=csv&place=150101");
    expect(direct.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(direct.rawPayload);
    expect(file.headers["content-disposition"]).toBe(direct.headers["content-disposition"]);
  });
});
