import type { z } from "zod";
import type { WrittenFeedbackBody } from "../../../contracts/feedback";
import { normaliseTrackingCode } from "../../../domain/feedback/tracking-code";
import { can } from "../../platform/access";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, conflict } from "../../platform/errors";
import { storeMessage } from "./feedback.intake";
import { feedbackPolicy } from "./feedback.policy";
import { placeProblems } from "./feedback.public";
import * as repo from "./feedback.repo";

/**
 * A citizen's message written down by a facilitator she met (issue 5: "by web, SMS and
 * facilitators"), sent from the field app's outbox (`feedback.write`). It is stored like any other
 * message (`channel = 'facilitator'`), under the code the phone already gave the sender (or, in the
 * rare case another message holds it, under a new one: the words matter more than the code); the
 * facilitator is the audit's actor, the sender stays anonymous.
 */
export async function writeDown(ctx: Ctx, id: string, input: z.infer<typeof WrittenFeedbackBody>) {
  if (!can(feedbackPolicy, "feedback:write", ctx.actor, { communeCode: input.communeCode }))
    throw new AppError(403, "feedback_write_forbidden");
  if (normaliseTrackingCode(input.trackingCode) !== input.trackingCode)
    throw badRequest("validation_failed", [{ path: "trackingCode", code: "feedback_code_invalid" }]);
  const earlier = await repo.findById(ctx.db, id);
  if (earlier) {
    // The same command again (an answer lost on the way back): nothing new.
    if (earlier.channel === "facilitator") return earlier;
    throw conflict("feedback_message_exists");
  }
  // The words must not be lost over where they point: a facility closed, moved or re-kinded since the
  // phone downloaded it leaves the message about its service in the commune.
  let { errors, sector } = await placeProblems(ctx.db, input);
  let facilityId = input.facilityId;
  if (errors.length > 0 && errors.every((error) => error.path === "facilityId")) {
    facilityId = null;
    sector = input.sectorCode;
    errors = [];
  }
  if (errors.length > 0) throw badRequest("validation_failed", errors);
  return ctx.db.transaction((tx) =>
    storeMessage(
      tx,
      ctx,
      {
        id,
        trackingCode: input.trackingCode,
        channel: "facilitator",
        communeCode: input.communeCode,
        sectorCode: sector ?? null,
        facilityId,
        topic: input.topic,
        text: input.text,
        senderFlaggedHarm: input.harm,
      },
      ctx.clock.now(),
    ),
  );
}
