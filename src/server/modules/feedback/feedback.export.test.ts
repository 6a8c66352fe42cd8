import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, feedbackMessages } from "../../db/schema";
import { addSendingChannel, submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";

/**
 * The export of a queue as CSV (issue 5, parts 7 and 8): the queue's own scope, numbers only when
 * asked for by those who may call back and with a reason, every export audited without its contents.
 */

let t: TestApp;
let council: Caller;
let socialWorker: Caller;
let director: Caller;
let otherProvince: Caller;

const submit = (body: object = {}) => submitFeedback(t, body);
const exportAs = (caller: Caller, body: object) => caller.post("/api/v1/feedback/export", body);
/** The code as the export writes it: grouped, as people read it ("482 109 3755"). */
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`;

/** The CSV as rows of cells (the test's messages hold no commas or quotes unless said). */
function table(response: LightMyRequestResponse): string[][] {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return response.body
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

const column = (rows: string[][], name: string) => {
  const index = rows[0]!.indexOf(name);
  expect(index, name).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]);
};

async function exportsAudited() {
  return t.db.select().from(auditEvents).where(eq(auditEvents.action, "feedback.exported"));
}

beforeAll(async () => {
  t = await createTestApp();
  await addSendingChannel(t);
  const school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  council = await t.as({ roles: ["commune_council"], area: ["150101"] });
  socialWorker = await t.as({ roles: ["social_worker"], area: ["1501"] });
  director = await t.as({ roles: ["service_provider"], area: ["150101"], facilities: [school] });
  otherProvince = await t.as({ roles: ["commune_council"], area: ["02"] });
});
afterAll(() => t.close());

describe("exporting a queue", () => {
  it("gives the queue's messages of the area as CSV, audited with its filters and count, not its words", async () => {
    const mine = await submit({ text: "The school gate is broken." });
    const elsewhere = await submit({ communeCode: "020101", text: "Far away." });
    const response = await exportAs(council, {});
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(
      /samleng-feedback-general-\d{4}-\d{2}-\d{2}\.csv/,
    );
    expect(response.headers["cache-control"]).toBe("no-store");
    const rows = table(response);
    expect(rows[0]).toContain("tracking_code");
    expect(rows[0]).not.toContain("phone");
    const codes = column(rows, "tracking_code");
    expect(codes).toContain(grouped(mine.trackingCode));
    expect(codes).not.toContain(grouped(elsewhere.trackingCode));
    expect(response.headers["x-row-count"]).toBe(String(rows.length - 1));
    const line = rows.find((row) => row[0] === grouped(mine.trackingCode))!;
    expect(line).toEqual(
      expect.arrayContaining(["150101", "PS", "teaching", "received", "The school gate is broken."]),
    );

    const [audited] = (await exportsAudited()).filter((event) => event.actorId === council.userId);
    expect(audited!.changes).toMatchObject({
      queue: { to: "general" },
      rows: { to: rows.length - 1 },
      withPhones: { to: false },
    });
    expect(JSON.stringify(audited)).not.toContain("gate");
    expect((await exportAs(otherProvince, {})).body).not.toContain(grouped(mine.trackingCode));
  });

  it("keeps a citizen's words from running as a formula, and filters by status and received dates", async () => {
    const formula = await submit({ text: "=1+2 is what they charge" });
    const rows = table(await exportAs(council, { status: "received" }));
    expect(rows.find((row) => row[0] === grouped(formula.trackingCode))).toContain(
      "'=1+2 is what they charge",
    );
    await t.db
      .update(feedbackMessages)
      .set({ createdAt: new Date("2026-02-03T01:00:00Z") })
      .where(eq(feedbackMessages.id, formula.id));
    const february = table(await exportAs(council, { from: "2026-02-01", to: "2026-02-28" }));
    expect(column(february, "tracking_code")).toEqual([grouped(formula.trackingCode)]);
    expect(column(february, "received_at")).toEqual(["2026-02-03 08:00"]);
    expect(table(await exportAs(council, { status: "answered" })).length).toBe(1);
  });

  it("adds the numbers for the council with a reason kept in the audit, and refuses them without one", async () => {
    const withPhone = await submit({ contactPhone: "012 345 678", text: "Call me about the fees." });
    const refused = await exportAs(council, { withPhones: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toContainEqual(
      expect.objectContaining({
        path: "reason",
        code: "feedback_export_reason_required",
        message: "Say why you need the phone numbers: the reason is kept in the audit log.",
      }),
    );
    const rows = table(
      await exportAs(council, { withPhones: true, reason: "Calling back before the meeting" }),
    );
    expect(rows[0]!.at(-1)).toBe("phone");
    expect(rows.find((row) => row[0] === grouped(withPhone.trackingCode))!.at(-1)).toBe("012 345 678");
    const audited = (await exportsAudited()).find(
      (event) => (event.changes as { withPhones?: { to: boolean } }).withPhones?.to === true,
    );
    expect(audited!.changes).toMatchObject({ reason: { to: "Calling back before the meeting" } });
    expect(JSON.stringify(audited)).not.toMatch(/345 678|12345678/);
  });

  it("refuses numbers to those who may not call back, and the restricted queue to all but child protection", async () => {
    expect((await exportAs(director, { withPhones: true, reason: "To call" })).statusCode).toBe(403);
    expect((await exportAs(council, { queue: "restricted" })).statusCode).toBe(403);
    const harm = await submit({ harm: true, contactPhone: "097 111 2222", text: "He hits me." });
    const rows = table(
      await exportAs(socialWorker, {
        queue: "restricted",
        withPhones: true,
        reason: "The stepfather hits her",
      }),
    );
    expect(rows.find((row) => row[0] === grouped(harm.trackingCode))!.at(-1)).toBe("097 111 2222");
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback.exported"), eq(auditEvents.actorId, socialWorker.userId!)));
    expect(audits[0]!.changes).toMatchObject({ reasonGiven: { to: true } });
    expect(JSON.stringify(audits)).not.toContain("stepfather");
  });

  it("holds only a provider's own facilities' messages", async () => {
    const aboutClinic = await submit({ sectorCode: "HC", topic: "medicines_care", text: "No nurse." });
    const aboutSchools = await submit({ text: "No books." });
    const codes = column(table(await exportAs(director, {})), "tracking_code");
    expect(codes).toContain(grouped(aboutSchools.trackingCode));
    expect(codes).not.toContain(grouped(aboutClinic.trackingCode));
  });

  it("refuses reversed or impossible dates with a field error, and leaves no audit", async () => {
    const before = (await exportsAudited()).length;
    const yearZero = await exportAs(council, { from: "0000-01-01" });
    expect(yearZero.statusCode).toBe(400);
    expect(yearZero.json().errors).toContainEqual(
      expect.objectContaining({ path: "from", code: "field_invalid" }),
    );
    const reversed = await exportAs(council, { from: "2026-03-01", to: "2026-02-01" });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toContainEqual(
      expect.objectContaining({ path: "to", code: "feedback_export_dates_reversed" }),
    );
    expect((await exportsAudited()).length).toBe(before);
  });
});
