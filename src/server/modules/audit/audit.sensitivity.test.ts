import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema";
import { submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";

/**
 * Issue 12, part 2: each event carries a sensitivity class. An administrator reading her area's log
 * sees no child-protection event (a report of harm to a child) unless her role is child protection's;
 * events name their record for display.
 */
let t: TestApp;
let adminOf15: Caller;
let adminAndSupervisor: Caller;

beforeAll(async () => {
  t = await createTestApp();
  adminOf15 = await t.as({ roles: ["admin"], area: ["15"] });
  adminAndSupervisor = await t.as({ roles: ["admin", "supervisor"], area: ["15"] });
});
afterAll(() => t.close());

const messageEvents = async (caller: Caller, id: string) => {
  const response = await caller.get(`/api/v1/audit?entityType=feedback_message&entityId=${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { action: string; entityLabel: string | null }[];
};

describe("the sensitivity of audit events", () => {
  it("keeps a report of harm's events from an administrator, and shows them to child protection", async () => {
    // A Khmer word for hitting routes the message to child protection.
    const harm = await submitFeedback(t, { text: "អ្នកជិតខាងវាយខ្ញុំរាល់ថ្ងៃ" });
    const general = await submitFeedback(t);
    expect(harm.restricted).toBe(true);
    expect(general.restricted).toBe(false);

    const [stored] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, harm.id));
    expect(stored!.sensitivity).toBe("child_protection");

    expect(await messageEvents(adminOf15, harm.id)).toEqual([]);
    expect((await messageEvents(adminOf15, general.id)).map((e) => e.action)).toEqual(["feedback.received"]);
    expect((await messageEvents(adminAndSupervisor, harm.id)).map((e) => e.action)).toEqual([
      "feedback.received",
    ]);
  });

  it("names the record for display, in both languages for a facility", async () => {
    const created = await adminOf15.post("/api/v1/facilities", {
      code: "AUDIT-LABEL-1",
      kindCode: "HC",
      nameKm: "មណ្ឌលសុខភាពបឹងបត់កណ្ដាល",
      nameEn: "Boeng Bat Kandaol Health Centre",
      communeCode: "150101",
      villageCode: "15010101",
    });
    expect(created.statusCode, created.body).toBe(201);
    const page = (
      await adminOf15.get(`/api/v1/audit?entityType=facility&entityId=${created.json().id}`)
    ).json();
    expect(page.items[0].entityLabel).toBe("មណ្ឌលសុខភាពបឹងបត់កណ្ដាល · Boeng Bat Kandaol Health Centre");
  });
});
