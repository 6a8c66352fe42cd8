import { and, asc, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { limitsFor, nextLevel } from "../../../domain/feedback/time-limits";
import { addWorkingDays } from "../../../domain/feedback/working-days";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { feedbackMessages } from "../../db/schema";
import { audit } from "../../platform/audit";
import * as sms from "../sms/sms.service";
import * as contacts from "./feedback.contacts";
import { updateCounted } from "./feedback.facts";
import { sensitivityOf } from "./feedback.intake";
import { currentLimits } from "./feedback.limits";

/**
 * The `feedback.escalate` job (issue 5, part 6): a message still unanswered after its due date goes
 * one level up — to the district office, then to the province — and that level gets the scope's
 * `escalationDays` to answer. The sender who left a number is told by SMS. Staff of the district and
 * province already see the commune's messages (their area covers it); the escalation puts the message
 * in their "escalated" list and marks it. Each message is changed in its own transaction, versioned
 * and audited like a staff member's change, so the job never overwrites an answer given meanwhile.
 */
const BATCH = 100;

export interface EscalationReport {
  escalated: number;
  senderTold: number;
}

// unscoped: the escalation job reads every overdue message, in every area.
export async function escalateOverdue(db: Db, now: Date): Promise<EscalationReport> {
  const today = cambodiaToday(now);
  const limits = await currentLimits(db);
  const report: EscalationReport = { escalated: 0, senderTold: 0 };
  for (;;) {
    const due = await db
      .select()
      .from(feedbackMessages)
      .where(
        and(
          inArray(feedbackMessages.status, ["received", "escalated"]),
          lt(feedbackMessages.answerDueOn, today),
          or(isNull(feedbackMessages.escalatedToLevel), ne(feedbackMessages.escalatedToLevel, "province")),
        ),
      )
      .orderBy(asc(feedbackMessages.answerDueOn))
      .limit(BATCH);
    const before = report.escalated;
    for (const message of due) {
      const level = nextLevel(message.escalatedToLevel);
      if (!level) continue;
      const days = limitsFor(limits, message).escalationDays;
      const told = await db.transaction(async (tx) => {
        const updated = await updateCounted(
          tx,
          message,
          message.version,
          {
            status: "escalated",
            escalatedToLevel: level,
            escalatedAt: now,
            answerDueOn: addWorkingDays(today, days),
          },
          now,
        );
        // Answered or changed since it was read: the next run sees it as it is now.
        if (!updated) return null;
        await audit(
          tx,
          { actor: null, ip: null },
          {
            action: "feedback.escalated",
            entityType: "feedback_message",
            entityId: message.id,
            placeCode: message.communeCode,
            sensitivity: sensitivityOf(message),
            changes: {
              status: { from: message.status, to: "escalated" },
              escalatedToLevel: { from: message.escalatedToLevel, to: level },
              answerDueOn: { from: message.answerDueOn, to: updated.answerDueOn },
            },
          },
        );
        return contacts.queueToSender(tx, message.id, "escalated", (locale) =>
          sms.replies.escalated(locale, message.trackingCode),
        );
      });
      if (told === null) continue;
      report.escalated += 1;
      if (told) report.senderTold += 1;
    }
    // An escalated message has a due date ahead and leaves the query; one changed meanwhile is read
    // again. A page that moved nothing (every message changed under the job) ends the run.
    if (due.length < BATCH || report.escalated === before) return report;
  }
}
