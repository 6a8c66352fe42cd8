import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../db/database";
import { feedbackMessages, feedbackRollup } from "../../db/schema";
import { testClock } from "../../platform/clock";
import { submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { addChannel, channelSettings } from "../sms/sms.channels";
import { escalateOverdue } from "./feedback.escalation";
import { countsOf, rollupDelta } from "./feedback.facts";

/**
 * The counters behind the public figures (issue 5, part 8) follow every change of a message in its
 * own transaction, whichever way it came (web, SMS), and the figures never show the child-protection
 * queue or any content.
 */
let t: TestApp;
let council: Caller;
// 10:00 in Phnom Penh on a Tuesday: the figures are this year's (docs/mechanisms/tests.md).
const clock = testClock("2026-12-08T03:00:00Z");
const YEAR = new Date(clock.now().getTime() + 7 * 3600_000).getUTCFullYear();

const submit = (body: object = {}) => submitFeedback(t, body);

const figures = async (query = "") =>
  (await t.app.inject({ url: `/api/public/v1/feedback/figures${query}` })).json();

/** The counters recomputed from the messages themselves: what the rollup must always equal. */
async function recomputed() {
  const messages = await t.db.select().from(feedbackMessages);
  const totals = { received: 0, answered: 0, answeredOnTime: 0, answerDaysTotal: 0, escalated: 0 };
  for (const message of messages) {
    const { counts } = countsOf(message);
    for (const name of Object.keys(totals) as (keyof typeof totals)[]) totals[name] += counts[name];
  }
  return totals;
}
async function rolledUp() {
  const [row] = await t.db
    .select({
      received: sql<number>`coalesce(sum(${feedbackRollup.received}), 0)::int`,
      answered: sql<number>`coalesce(sum(${feedbackRollup.answered}), 0)::int`,
      answeredOnTime: sql<number>`coalesce(sum(${feedbackRollup.answeredOnTime}), 0)::int`,
      answerDaysTotal: sql<number>`coalesce(sum(${feedbackRollup.answerDaysTotal}), 0)::int`,
      escalated: sql<number>`coalesce(sum(${feedbackRollup.escalated}), 0)::int`,
    })
    .from(feedbackRollup);
  return row;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  council = await t.as({ roles: ["commune_council", "social_worker"], area: ["150101"] });
  await addChannel(t.db, null, channelSettings({ id: "sms", name: "SMS", sender: "8383" }), "secret");
});
afterAll(() => t.close());

describe("the feedback counters", () => {
  it("move a message between keys as a whole, and ignore changes that count for nothing", () => {
    const base = {
      createdAt: new Date("2026-03-02T03:00:00Z"),
      communeCode: "150101",
      sectorCode: "PS" as const,
      topic: "fees",
      restrictedOnArrival: false,
      answeredAt: null,
      answerDueOn: "2026-03-16",
      escalatedAt: null,
    };
    expect(rollupDelta(base, base)).toEqual([]);
    const moved = rollupDelta(base, { ...base, topic: "teaching" });
    expect(moved.map((d) => [d.key.topic, d.counts.received])).toEqual([
      ["fees", -1],
      ["teaching", 1],
    ]);
    const answered = rollupDelta(base, { ...base, answeredAt: new Date("2026-03-05T03:00:00Z") });
    expect(answered).toEqual([
      {
        key: expect.objectContaining({ year: 2026 }),
        counts: { received: 0, answered: 1, answeredOnTime: 1, answerDaysTotal: 3, escalated: 0 },
      },
    ]);
  });

  it("equal the messages' own counts after intake by web and SMS, answers, moves and escalations", async () => {
    const a = await submit();
    await submit({ sectorCode: "HC", topic: "medicines_care" });
    const harm = await submit({ harm: true, text: "Someone beats a child." });
    await t.app.inject({
      method: "POST",
      url: "/api/sms/v1/channels/sms/receive",
      headers: { authorization: "Bearer secret" },
      payload: { from: "012345678", text: "150101 the road floods", id: "f-1" },
    });
    const item = (await council.get(`/api/v1/feedback/${a.id}`)).json();
    await council.post(`/api/v1/feedback/${a.id}/answer`, { text: "Fixed.", version: item.version });
    const harmItem = (await council.get(`/api/v1/feedback/${harm.id}`)).json();
    await council.post(`/api/v1/feedback/${harm.id}/restrict`, {
      restricted: false,
      reason: "Not about a child",
      version: harmItem.version,
    });
    const late = await submit();
    await t.db
      .update(feedbackMessages)
      .set({ answerDueOn: "2026-01-05" })
      .where(eq(feedbackMessages.id, late.id));
    await escalateOverdue(t.db, clock.now());
    expect(await rolledUp()).toEqual(await recomputed());
  });

  it("show a place's figures per area, service and topic, without what arrived for child protection", async () => {
    await submit({ harm: true, text: "A neighbour hits me." });
    // Moving a message into child protection must not show as a drop in the public counts.
    const general = await submit({ topic: "fees" });
    const before = (await figures(`?year=${YEAR}`)).totals.received;
    const item = (await council.get(`/api/v1/feedback/${general.id}`)).json();
    await council.post(`/api/v1/feedback/${general.id}/restrict`, {
      restricted: true,
      reason: "The child is at risk",
      version: item.version,
    });
    const national = await figures(`?year=${YEAR}`);
    expect(national.totals.received).toBe(before);
    const pursat = national.areas.find((area: { place: { code: string } }) => area.place.code === "15");
    // a, the clinic, the SMS, the late one and the one moved in later; not the two reports of harm.
    expect(pursat).toMatchObject({ received: 5, answered: 1, answeredOnTime: 1, escalated: 1 });
    const commune = await figures(`?place=150101&year=${YEAR}`);
    expect(commune.place.code).toBe("150101");
    expect(commune.areas).toEqual([]);
    expect(commune.bySector.find((s: { sectorCode: string | null }) => s.sectorCode === "HC").received).toBe(
      1,
    );
    expect(commune.byTopic[0]).toEqual({ topic: "teaching", received: 2 });
    expect(JSON.stringify(commune)).not.toMatch(/teacher|floods|beats|hits/);
    const district = await figures(`?place=1501&year=${YEAR}`);
    expect(
      district.areas.find((area: { place: { code: string } }) => area.place.code === "150101").overdueNow,
    ).toBe(0);
  });

  it("refuse a village or an unknown place, and give a CSV for a spreadsheet", async () => {
    expect((await t.app.inject({ url: "/api/public/v1/feedback/figures?place=15010101" })).statusCode).toBe(
      400,
    );
    expect((await t.app.inject({ url: "/api/public/v1/feedback/figures?place=99" })).statusCode).toBe(404);
    const csv = await t.app.inject({ url: `/api/public/v1/feedback/figures.csv?place=1501&year=${YEAR}` });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "code,name_km,name_en,received,answered,answered_on_time,mean_days_to_answer,escalated,overdue_now",
    );
    expect(lines.find((line) => line.startsWith("150101,"))).toMatch(/,5,1,1,0,1,0$/);
    expect(lines.at(-1)).toMatch(/^1501,/);
  });
});

describe("the migration that brought the counters (0011)", () => {
  it("counts the messages already stored as countsOf() does", async () => {
    const file = readFileSync(path.join(MIGRATIONS_FOLDER, "0011_feedback_rollup.sql"), "utf8");
    const backfill = file.slice(file.indexOf("-- Messages stored before this migration"));
    await t.db.delete(feedbackRollup);
    for (const statement of backfill.split("--> statement-breakpoint"))
      await t.db.execute(sql.raw(statement));
    expect(await rolledUp()).toEqual(await recomputed());
    expect((await rolledUp())!.received).toBeGreaterThan(5);
  });
});

describe("the migration that counts by month (0019)", () => {
  it("counts the messages already stored as the feedback fact does, month by month", async () => {
    const file = readFileSync(path.join(MIGRATIONS_FOLDER, "0019_feedback_rollup_month.sql"), "utf8");
    const backfill = file.slice(file.indexOf("-- Count the messages already stored again"));
    await t.db.delete(feedbackRollup);
    for (const statement of backfill.split("--> statement-breakpoint"))
      await t.db.execute(sql.raw(statement));
    expect(await rolledUp()).toEqual(await recomputed());
    const months = await t.db.selectDistinct({ month: feedbackRollup.month }).from(feedbackRollup);
    const messages = await t.db.select().from(feedbackMessages);
    expect(months.map((row) => row.month).sort()).toEqual(
      [...new Set(messages.map((message) => countsOf(message).key.month))].sort(),
    );
  });
});
