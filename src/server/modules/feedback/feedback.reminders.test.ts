import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalisePhone } from "../../../domain/feedback/phone";
import { addWorkingDays, isWorkingDay } from "../../../domain/feedback/working-days";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { auditEvents, feedbackMessages, smsOutbound, users } from "../../db/schema";
import { testClock } from "../../platform/clock";
import { addSendingChannel, submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, TEST_CIPHER, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";
import { remindDueSoon } from "./feedback.reminders";

/**
 * Reminders before the due date (issue 5, part 6): each morning the staff who must answer a message
 * due by the next working day get one SMS with its code, at their work phone; once per due date.
 */
let t: TestApp;
let school: string;
// A Tuesday, 10:00 in Phnom Penh: due dates and reminders follow the date (docs/mechanisms/tests.md).
const clock = testClock("2026-12-08T03:00:00Z");
/** The job runs on working days: the tests run as on the next one (today if it is one). */
const now = clock.now();
while (!isWorkingDay(cambodiaToday(now))) now.setUTCDate(now.getUTCDate() + 1);
const today = cambodiaToday(now);
const tomorrow = addWorkingDays(today, 1);
const remind = () => remindDueSoon(t.db, TEST_CIPHER, now);

/** A user of these roles and area with a work phone; the phone's keyed hash finds their SMS. */
async function staff(
  phone: string | null,
  roles: Parameters<TestApp["as"]>[0]["roles"],
  area: string[],
  facilities: string[] = [],
) {
  const caller = await t.as({ roles, area, facilities });
  if (phone)
    await t.db
      .update(users)
      .set({ phone: normalisePhone(phone) })
      .where(eq(users.id, caller.userId!));
  return caller;
}

/** The reminders texted to this phone. */
async function textsTo(phone: string) {
  return t.db
    .select()
    .from(smsOutbound)
    .where(
      and(
        eq(smsOutbound.toHash, TEST_CIPHER.hash(normalisePhone(phone)!)),
        eq(smsOutbound.purpose, "reminder"),
      ),
    );
}

async function dueOn(date: string, body: object = {}) {
  const message = await submitFeedback(t, body);
  await t.db.update(feedbackMessages).set({ answerDueOn: date }).where(eq(feedbackMessages.id, message.id));
  return message;
}

let director: Caller;

beforeAll(async () => {
  t = await createTestApp({ clock });
  school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  // Each phone below stands for its role: 001 the council, 002 the school's director, 003 the
  // district office, 004 child protection; a second council member has no phone.
  await staff("012 000 001", ["commune_council"], ["150101"]);
  await staff(null, ["commune_council"], ["150101"]);
  director = await staff("012 000 002", ["service_provider"], ["150101"], [school]);
  await staff("012 000 003", ["district_officer"], ["1501"]);
  await staff("012 000 004", ["social_worker"], ["1501"]);
});
afterAll(() => t.close());

describe("reminders", () => {
  it("wait for a gateway that sends: without one nothing is marked", async () => {
    const message = await dueOn(tomorrow);
    expect(await remind()).toEqual({ messages: 0, texts: 0 });
    expect(
      (await t.db.select().from(feedbackMessages).where(eq(feedbackMessages.id, message.id)))[0]!
        .remindedForDueOn,
    ).toBeNull();
    await addSendingChannel(t);
  });

  it("text the council and the facility's director about what nobody took, once per due date", async () => {
    const aboutSchool = await dueOn(tomorrow, {
      facilityId: school,
      text: "The school's toilets are locked.",
    });
    const notYet = await dueOn(addWorkingDays(today, 3), { text: "Not due for days." });
    const report = await remind();
    expect(report.texts).toBeGreaterThanOrEqual(2);
    const [toCouncil] = await textsTo("012 000 001");
    expect(toCouncil!.text).toContain(aboutSchool.trackingCode);
    expect(toCouncil!.text).not.toContain(notYet.trackingCode);
    expect((await textsTo("012 000 002"))[0]!.text).toContain(aboutSchool.trackingCode);
    expect(await textsTo("012 000 003")).toHaveLength(0);

    // Once per due date: the next run texts nobody about it again.
    await remind();
    expect(await textsTo("012 000 001")).toHaveLength(1);
    const [audited] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, aboutSchool.id), eq(auditEvents.action, "feedback.reminded")));
    expect(audited!.changes).toEqual({
      remindedForDueOn: { from: null, to: tomorrow },
      staffTexted: { from: null, to: 2 },
    });
    expect(JSON.stringify(audited)).not.toMatch(/12000001|000 001/);
  });

  it("text only whoever took a message, in one SMS for several", async () => {
    const first = await dueOn(today);
    const second = await dueOn(today);
    for (const message of [first, second])
      await t.db
        .update(feedbackMessages)
        .set({ assignedTo: director.userId })
        .where(eq(feedbackMessages.id, message.id));
    const before = (await textsTo("012 000 001")).length;
    await remind();
    expect(await textsTo("012 000 001")).toHaveLength(before);
    const latest = (await textsTo("012 000 002")).at(-1)!;
    expect(latest.text).toContain(first.trackingCode);
    expect(latest.text).toContain(second.trackingCode);
  });

  it("follow a message sent up to the district, and a report of harm to child protection", async () => {
    const sentUp = await dueOn(tomorrow);
    await t.db
      .update(feedbackMessages)
      .set({ status: "escalated", escalatedToLevel: "district", remindedForDueOn: today })
      .where(eq(feedbackMessages.id, sentUp.id));
    const harm = await dueOn(tomorrow, { harm: true, text: "A child is beaten." });
    await remind();
    expect((await textsTo("012 000 003")).map((sms) => sms.text).join()).toContain(sentUp.trackingCode);
    expect((await textsTo("012 000 004")).map((sms) => sms.text).join()).toContain(harm.trackingCode);
    const councilTexts = (await textsTo("012 000 001")).map((sms) => sms.text).join();
    expect(councilTexts).not.toContain(harm.trackingCode);
    expect(councilTexts).not.toContain(sentUp.trackingCode);
  });

  it("wait for a working day", async () => {
    const saturday = new Date(now);
    while (isWorkingDay(cambodiaToday(saturday))) saturday.setUTCDate(saturday.getUTCDate() + 1);
    await dueOn(addWorkingDays(cambodiaToday(saturday), 1));
    expect(await remindDueSoon(t.db, TEST_CIPHER, saturday)).toEqual({ messages: 0, texts: 0 });
  });

  it("text the level's answerers instead of a taker who may no longer answer", async () => {
    const taken = await dueOn(tomorrow, { facilityId: school });
    const leaver = await staff("012 000 005", ["service_provider"], ["150101"], [school]);
    await t.db
      .update(feedbackMessages)
      .set({ assignedTo: leaver.userId })
      .where(eq(feedbackMessages.id, taken.id));
    await t.db.update(users).set({ active: false }).where(eq(users.id, leaver.userId!));
    await remind();
    expect(await textsTo("012 000 005")).toHaveLength(0);
    expect((await textsTo("012 000 001")).map((sms) => sms.text).join()).toContain(taken.trackingCode);
  });
});
