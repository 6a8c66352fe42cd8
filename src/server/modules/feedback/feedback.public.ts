import { randomInt } from "node:crypto";
import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { SubmitFeedbackBody, SubmittedFeedback } from "../../../contracts/feedback";
import type { PlaceSummary } from "../../../contracts/places";
import { harmTerms } from "../../../domain/feedback/safeguarding";
import { createTrackingCode, normaliseTrackingCode } from "../../../domain/feedback/tracking-code";
import { ANSWER_WITHIN_WORKING_DAYS, addWorkingDays } from "../../../domain/feedback/working-days";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { levelOfCode } from "../../../domain/places";
import type { Db } from "../../db/database";
import { audit } from "../../platform/audit";
import { AppError, badRequest, type FieldError } from "../../platform/errors";
import { LEVEL_NAMES } from "../../platform/messages";
import * as facilities from "../facilities/facilities.service";
import * as places from "../places/places.service";
import { presentByCode } from "./feedback.presenter";
import * as repo from "./feedback.repo";

/**
 * The citizen's side of feedback (issue 5): write without signing in, get a tracking code at once,
 * read the answer by code; and the two lists the form needs (places, facilities). No session and no
 * area: the only key to a message is its code, and the code never opens the message's text.
 */

type Submission = z.infer<typeof SubmitFeedbackBody>;

/** Codes drawn before giving up: with a billion codes a second collision in a row means a fault. */
const CODE_ATTEMPTS = 5;

/** The same answer for a malformed code, a wrong check digit and an unknown code: no oracle. */
const codeUnknown = () => new AppError(404, "feedback_code_unknown");

/** Everything wrong with where the message points, at once. */
async function placeProblems(
  db: Db,
  input: Submission,
): Promise<{ errors: FieldError[]; sector: Submission["sectorCode"] }> {
  const errors: FieldError[] = [];
  let sector = input.sectorCode;
  const [commune] = await places.findMany(db, [input.communeCode]);
  if (!commune)
    errors.push({ path: "communeCode", code: "unknown_place", params: { code: input.communeCode } });
  else if (commune.level !== "commune" || levelOfCode(commune.code) !== "commune")
    errors.push({
      path: "communeCode",
      code: "place_wrong_level",
      params: { code: input.communeCode, level: LEVEL_NAMES.commune },
    });
  if (input.facilityId) {
    const facility = await facilities.publicIsafFacility(db, input.facilityId);
    if (!facility || facility.communeCode !== input.communeCode)
      errors.push({ path: "facilityId", code: "feedback_facility_not_in_commune" });
    else if (input.sectorCode && facility.kindCode !== input.sectorCode)
      errors.push({ path: "facilityId", code: "feedback_facility_other_sector" });
    // A facility names its service: the sender need not say it twice.
    else sector = facility.kindCode as Submission["sectorCode"];
  }
  return { errors, sector };
}

/** Stores a message and gives its tracking code; the row is committed before this returns. */
export async function submit(
  db: Db,
  ip: string | null,
  input: Submission,
  now = new Date(),
): Promise<z.infer<typeof SubmittedFeedback>> {
  const { errors, sector } = await placeProblems(db, input);
  if (errors.length > 0) throw badRequest("validation_failed", errors);
  const terms = harmTerms(input.text);
  const because = [...(input.harm ? ["sender"] : []), ...terms];
  const answerDueOn = addWorkingDays(cambodiaToday(now), ANSWER_WITHIN_WORKING_DAYS);
  const id = uuidv7();
  const stored = await db.transaction(async (tx) => {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const row = await repo.insertUnlessCodeTaken(tx, {
        id,
        trackingCode: createTrackingCode(() => randomInt(10)),
        channel: "web",
        communeCode: input.communeCode,
        sectorCode: sector,
        facilityId: input.facilityId,
        topic: input.topic,
        text: input.text,
        senderFlaggedHarm: input.harm,
        restricted: because.length > 0,
        restrictedBecause: because,
        answerDueOn,
        createdAt: now,
        updatedAt: now,
      });
      if (!row) continue;
      // Never the text, the words found, nor the queue: the audit log is read by administrators, who
      // are not child-protection staff, and a report's existence is child protection's to know.
      await audit(
        tx,
        { actor: null, ip },
        {
          action: "feedback.received",
          entityType: "feedback_message",
          entityId: id,
          placeCode: row.communeCode,
          changes: {
            channel: { from: null, to: row.channel },
            topic: { from: null, to: row.topic },
            sectorCode: { from: null, to: row.sectorCode },
            facilityId: { from: null, to: row.facilityId },
          },
        },
      );
      return row;
    }
    throw new Error(`no free tracking code after ${CODE_ATTEMPTS} attempts`);
  });
  return {
    trackingCode: stored.trackingCode,
    receivedAt: stored.createdAt.toISOString(),
    answerDueOn: stored.answerDueOn,
  };
}

/** The state and answer of a message by its code, as typed (Khmer digits, spaces). */
export async function byCode(db: Db, typed: string) {
  const code = normaliseTrackingCode(typed);
  if (!code) throw codeUnknown();
  const row = await repo.findByTrackingCode(db, code);
  if (!row) throw codeUnknown();
  return presentByCode(row);
}

/** Provinces, or the districts of a province, or the communes of a district: nothing below. */
export async function placesUnder(db: Db, parent: string | undefined): Promise<{ items: PlaceSummary[] }> {
  if (parent !== undefined) {
    const level = levelOfCode(parent);
    if (level !== "province" && level !== "district")
      throw badRequest("feedback_places_below_commune", [
        { path: "parent", code: "feedback_places_below_commune" },
      ]);
  }
  const list = await places.children(db, parent);
  return {
    items: list
      .filter((place) => !place.retired)
      .map((place) => ({
        code: place.code,
        level: place.level,
        type: place.type,
        nameKm: place.nameKm,
        nameEn: place.nameEn,
      })),
  };
}

/** The active facilities of a commune that give one service (schools, health centres, the commune office). */
export async function facilitiesOf(db: Db, communeCode: string, sector: string) {
  const rows = await facilities.publicIsafFacilitiesOfCommune(db, communeCode);
  return {
    items: rows
      .filter((row) => row.kindCode === sector)
      .map((row) => ({ id: row.id, code: row.code, nameKm: row.nameKm, nameEn: row.nameEn })),
  };
}
