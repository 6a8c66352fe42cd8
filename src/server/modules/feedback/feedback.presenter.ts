import type { z } from "zod";
import type { FeedbackByCode, FeedbackItem } from "../../../contracts/feedback";
import { isOverdue, isUntaken } from "../../../domain/feedback/time-limits";
import type { FeedbackListRow } from "./feedback.names";
import type { FeedbackRow } from "./feedback.repo";

/** A message as staff see it. */
export function presentItem(row: FeedbackListRow, today: string, can: FeedbackItem["can"]): FeedbackItem {
  const message = row.message;
  return {
    id: message.id,
    trackingCode: message.trackingCode,
    channel: message.channel,
    commune: row.commune,
    sectorCode: message.sectorCode,
    facility: row.facility?.id ? row.facility : null,
    topic: message.topic as FeedbackItem["topic"],
    text: message.text,
    restricted: message.restricted,
    restrictedBecause: message.restrictedBecause,
    status: message.status,
    receivedAt: message.createdAt.toISOString(),
    answerDueOn: message.answerDueOn,
    overdue: isOverdue(message, today),
    acknowledgeDueOn: message.acknowledgeDueOn,
    untaken: isUntaken(message, today),
    assignedTo:
      message.assignedTo && row.assignedToName
        ? { id: message.assignedTo, displayName: row.assignedToName }
        : null,
    escalatedToLevel: message.escalatedToLevel,
    answer: message.answerText,
    answeredAt: message.answeredAt?.toISOString() ?? null,
    answeredBy:
      message.answeredBy && row.answeredByName
        ? { id: message.answeredBy, displayName: row.answeredByName }
        : null,
    contactGiven: row.contactGiven === true,
    answerBySms: row.answerBySms === true,
    version: message.version,
    can,
  };
}

/** What the sender reads by code: the state and the answer, never the message itself. */
export function presentByCode(row: {
  trackingCode: string;
  status: FeedbackRow["status"];
  createdAt: Date;
  answerDueOn: string;
  answeredAt: Date | null;
  answerText: string | null;
}): z.infer<typeof FeedbackByCode> {
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    receivedAt: row.createdAt.toISOString(),
    answerDueOn: row.answerDueOn,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answer: row.answerText,
  };
}
