import { z } from "zod";
import { FEEDBACK_SECTORS, FEEDBACK_STATUSES, FEEDBACK_TOPICS } from "../domain/feedback/topics";
import { PlaceCode, Timestamp, Uuid } from "./common";
import { PlaceSummary } from "./places";

/**
 * Citizen feedback and complaints (issue 5). A citizen writes without signing in (the public form,
 * later SMS and facilitators); staff of the area answer; reports of harm to a child go to a restricted
 * queue that only child-protection staff of the area see.
 */

const Version = z.number().int().min(1);
export const FeedbackTopic = z.enum(FEEDBACK_TOPICS);
export const FeedbackSector = z.enum(FEEDBACK_SECTORS);
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);

// ---- public: anyone, no session ------------------------------------------------------------------

/** POST /api/public/v1/feedback. Anonymous by design: no name, and no contact in this first part. */
export const SubmitFeedbackBody = z.object({
  /** The commune the message is about (6 digits). */
  communeCode: PlaceCode.refine((code) => code.length === 6, { message: "commune_code" }),
  /** The service it concerns, or null (something else in the commune). */
  sectorCode: FeedbackSector.nullable(),
  /** A facility of that commune and sector, when the sender knows which. */
  facilityId: Uuid.nullable().default(null),
  topic: FeedbackTopic,
  text: z.string().trim().min(3).max(2000),
  /** The sender says someone is hurting a child: the message goes to child protection only. */
  harm: z.boolean().default(false),
  /**
   * A phone number to get the answer by SMS, when the sender wants one (anonymous otherwise). Stored
   * encrypted, shown only to staff who must call back. Offered only when SMS is set up (GET …/sms).
   */
  contactPhone: z.string().trim().max(30).nullable().default(null),
  /** A field people never see: a robot that fills it in is refused (no puzzle a child cannot solve). */
  website: z.string().max(0).default(""),
});

/**
 * A message a facilitator wrote down for a citizen, offline (the field app's `feedback.write`
 * command). The phone draws the tracking code, so that the sender leaves with it at once; the server
 * keeps it (should another message hold it, the message is kept under a new code). No phone number:
 * the code is the sender's way back.
 */
export const WrittenFeedbackBody = SubmitFeedbackBody.pick({
  communeCode: true,
  sectorCode: true,
  facilityId: true,
  topic: true,
  text: true,
  harm: true,
}).extend({ trackingCode: z.string().regex(/^\d{10}$/) });

/** The answer to a submission: the tracking code, already stored. */
export const SubmittedFeedback = z.object({
  trackingCode: z.string(),
  receivedAt: Timestamp,
  /** When an answer is due at the latest (working days, per the rules of the commune's programme or the default). */
  answerDueOn: z.string(),
});

/** GET /api/public/v1/feedback/sms — whether answers can come by SMS, and the number to text. */
export const FeedbackSmsInfo = z.object({ available: z.boolean(), sender: z.string().nullable() });

export const TrackingParams = z.object({ code: z.string().min(1).max(40) });

/** GET /api/public/v1/feedback/:code — what the sender may read by code: never the message itself. */
export const FeedbackByCode = z.object({
  trackingCode: z.string(),
  status: FeedbackStatus,
  receivedAt: Timestamp,
  answerDueOn: z.string(),
  answeredAt: Timestamp.nullable(),
  answer: z.string().nullable(),
});

// ---- staff ---------------------------------------------------------------------------------------

export const FeedbackQueue = z.enum(["general", "restricted"]);

export const FeedbackListQuery = z.object({
  /** restricted: the child-protection queue (its own ability). */
  queue: FeedbackQueue.default("general"),
  status: FeedbackStatus.optional(),
  /** Only the messages the actor took. */
  mine: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const FeedbackParams = z.object({ id: Uuid });

const Person = z.object({ id: Uuid, displayName: z.string() });

export const FeedbackItem = z.object({
  id: Uuid,
  trackingCode: z.string(),
  channel: z.enum(["web", "sms", "facilitator"]),
  commune: PlaceSummary,
  sectorCode: FeedbackSector.nullable(),
  facility: z.object({ id: Uuid, code: z.string(), nameKm: z.string(), nameEn: z.string() }).nullable(),
  topic: FeedbackTopic,
  text: z.string(),
  /** In the restricted queue, and why: the sender's flag, the words found, or a person's decision. */
  restricted: z.boolean(),
  restrictedBecause: z.array(z.string()),
  status: FeedbackStatus,
  receivedAt: Timestamp,
  answerDueOn: z.string(),
  /** Still waiting for an answer after answerDueOn. */
  overdue: z.boolean(),
  /** By when someone should take it; null for messages from before time limits. */
  acknowledgeDueOn: z.string().nullable(),
  /** Nobody took it by acknowledgeDueOn. */
  untaken: z.boolean(),
  assignedTo: Person.nullable(),
  /** Sent up by the escalation job, unanswered past its due date. */
  escalatedToLevel: z.enum(["district", "province"]).nullable(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  answeredBy: Person.nullable(),
  /** The sender left a number (by SMS, or on the form): staff who may call back can ask for it. */
  contactGiven: z.boolean(),
  /** …and its channel can send: the answer also goes to her by SMS. */
  answerBySms: z.boolean(),
  version: z.number().int(),
  can: z.object({ answer: z.boolean(), restrict: z.boolean(), seeContact: z.boolean() }),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackPage = z.object({ items: z.array(FeedbackItem), total: z.number().int() });

export const AnswerFeedbackBody = z.object({ text: z.string().trim().min(1).max(2000), version: Version });

/** Asks for the sender's phone number, to call back; the reason is kept in the audit. */
export const FeedbackContactBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const FeedbackContact = z.object({ phone: z.string() });

/** Takes a message (it is then the actor's to answer) or gives it back (audited). */
export const AssignFeedbackBody = z.object({ take: z.boolean(), version: Version });

/** Moves a message into or out of the restricted queue (audited, with the reason). */
export const RestrictFeedbackBody = z.object({
  restricted: z.boolean(),
  reason: z.string().trim().min(1).max(500),
  version: Version,
});

/** GET /api/public/v1/feedback/figures — counts without content (the general queue only). */
export const FeedbackFiguresQuery = z.object({
  place: z
    .string()
    .regex(/^\d{2}(\d{2}(\d{2})?)?$/)
    .optional(),
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});
const Figures = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  /** Answered by the first due date, without going up a level. */
  answeredOnTime: z.number().int(),
  meanDaysToAnswer: z.number().nullable(),
  escalated: z.number().int(),
  /** Waiting past the due date today. */
  overdueNow: z.number().int(),
});
export const FeedbackFigures = z.object({
  /** Null for the whole country. */
  place: PlaceSummary.nullable(),
  year: z.number().int(),
  totals: Figures,
  /** The provinces, districts or communes below the place (none below a commune). */
  areas: z.array(Figures.extend({ place: PlaceSummary })),
  bySector: z.array(Figures.extend({ sectorCode: FeedbackSector.nullable() })),
  byTopic: z.array(z.object({ topic: z.string(), received: z.number().int() })),
});

/** A date a database can hold and a person means (not year 0). */
export const ExportDate = z.iso.date().refine((date) => date >= "2000-01-01" && date <= "2999-12-31", {
  message: "field_invalid",
});

/**
 * An export of one queue's messages as CSV (POST, for it is audited). Phone numbers only when asked
 * for, by those who may call back, with a reason kept in the audit.
 */
export const FeedbackExportBody = z
  .object({
    queue: FeedbackQueue.default("general"),
    status: FeedbackStatus.optional(),
    /** Received on or after / on or before, Cambodia's dates. */
    from: ExportDate.optional(),
    to: ExportDate.optional(),
    withPhones: z.boolean().default(false),
    reason: z.string().trim().min(3).max(500).optional(),
  })
  .superRefine((body, issue) => {
    if (body.withPhones && !body.reason)
      issue.addIssue({ code: "custom", path: ["reason"], message: "feedback_export_reason_required" });
    if (body.from && body.to && body.from > body.to)
      issue.addIssue({ code: "custom", path: ["to"], message: "feedback_export_dates_reversed" });
  });
