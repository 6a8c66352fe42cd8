import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { addWorkingDays, isWorkingDay } from "../../../domain/feedback/working-days";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import type { Role } from "../../../domain/roles";
import type { Db } from "../../db/database";
import { feedbackMessages } from "../../db/schema";
import { can } from "../../platform/access";
import { audit } from "../../platform/audit";
import type { ContactCipher } from "../../platform/contact-cipher";
import * as sms from "../sms/sms.service";
import * as directory from "../users/people.service";
import { sensitivityOf } from "./feedback.intake";
import { feedbackPolicy } from "./feedback.policy";
import * as repo from "./feedback.repo";

/**
 * The `feedback.remind` job (issue 5, part 6: reminders, then escalation): each morning, the staff
 * who must answer a message due by the next working day get one SMS listing its code, at the work
 * phone an administrator gave them. Whoever took the message is reminded, while she may still answer
 * it and has a phone; otherwise those who answer at its level are: the commune council (and the director of the facility it
 * names), or the district or province office once it was sent up; for a report of harm, child
 * protection. A message is reminded once for each due date, so an escalation brings a new reminder.
 */

/** Who answers a message nobody took, by the level it waits at. */
const ANSWERERS_AT: Record<"commune" | "district" | "province", Role[]> = {
  commune: ["commune_council"],
  district: ["district_officer"],
  province: ["provincial_officer"],
};
const CHILD_PROTECTION: Role[] = ["social_worker", "supervisor"];

type Due = typeof feedbackMessages.$inferSelect;

export interface ReminderReport {
  messages: number;
  texts: number;
}

/** Whether the one who took the message may still answer it (her role, area or facilities may have changed). */
async function mayStillAnswer(db: Db, message: Due, userId: string): Promise<boolean> {
  const actor = await directory.loadActor(db, userId);
  if (!actor) return false;
  if (!(await repo.findInScope(db, actor, message.id))) return false;
  return can(feedbackPolicy, "feedback:answer", actor, {
    communeCode: message.communeCode,
    restricted: message.restricted,
  });
}

/**
 * Active users with a work phone who answer this message (see above): whoever took it, while she may
 * still answer it and has a phone; otherwise those who answer at its level.
 */
async function recipientsOf(db: Db, message: Due): Promise<directory.Textable[]> {
  if (message.assignedTo && (await mayStillAnswer(db, message, message.assignedTo))) {
    const taker = await directory.textableUser(db, message.assignedTo);
    if (taker.length > 0) return taker;
  }
  const roles = message.restricted ? CHILD_PROTECTION : ANSWERERS_AT[message.escalatedToLevel ?? "commune"];
  // The director of the facility the message names answers it too, while it waits at the commune.
  const runsFacility = !message.restricted && !message.escalatedToLevel ? message.facilityId : null;
  return directory.textableCovering(db, message.communeCode, roles, runsFacility);
}

// unscoped: the reminder job reads the messages due soon in every area; who is texted is decided per person.
export async function remindDueSoon(db: Db, cipher: ContactCipher, now: Date): Promise<ReminderReport> {
  // Without a gateway that sends there is no way to remind: the messages wait for one.
  const channel = await sms.defaultChannel(db);
  if (!channel?.sendUrl) return { messages: 0, texts: 0 };
  const today = cambodiaToday(now);
  // Staff are texted on working days; a message due on Monday is reminded on the Friday before.
  if (!isWorkingDay(today)) return { messages: 0, texts: 0 };
  const due = await db
    .select()
    .from(feedbackMessages)
    .where(
      and(
        inArray(feedbackMessages.status, ["received", "escalated"]),
        sql`${feedbackMessages.answerDueOn} between ${today}::date and ${addWorkingDays(today, 1)}::date`,
        or(
          isNull(feedbackMessages.remindedForDueOn),
          ne(feedbackMessages.remindedForDueOn, feedbackMessages.answerDueOn),
        ),
      ),
    );
  // One SMS per person and due date, listing the codes.
  const texts = new Map<string, { phone: string; locale: "km" | "en"; dueOn: string; codes: string[] }>();
  const recipientsPerMessage = new Map<string, number>();
  for (const message of due) {
    const recipients = await recipientsOf(db, message);
    recipientsPerMessage.set(message.id, recipients.length);
    for (const user of recipients) {
      const key = `${user.id}:${message.answerDueOn}`;
      const text = texts.get(key) ?? {
        phone: user.phone,
        locale: user.locale,
        dueOn: message.answerDueOn,
        codes: [],
      };
      text.codes.push(message.trackingCode);
      texts.set(key, text);
    }
  }
  await db.transaction(async (tx) => {
    for (const text of texts.values())
      await sms.queueToPhone(tx, {
        channelId: channel.id,
        phone: text.phone,
        cipher,
        purpose: "reminder",
        text: sms.replies.reminder(text.locale, text.codes, text.dueOn),
      });
    for (const message of due) {
      await tx
        .update(feedbackMessages)
        .set({ remindedForDueOn: message.answerDueOn })
        .where(eq(feedbackMessages.id, message.id));
      // The job is the actor; who was texted is not named (the count says whether anyone was).
      await audit(
        tx,
        { actor: null, ip: null },
        {
          action: "feedback.reminded",
          entityType: "feedback_message",
          entityId: message.id,
          placeCode: message.communeCode,
          sensitivity: sensitivityOf(message),
          changes: {
            remindedForDueOn: { from: message.remindedForDueOn, to: message.answerDueOn },
            staffTexted: { from: null, to: recipientsPerMessage.get(message.id) ?? 0 },
          },
        },
      );
    }
  });
  return { messages: due.length, texts: texts.size };
}
