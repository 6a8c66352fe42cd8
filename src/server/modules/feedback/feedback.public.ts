import type { z } from "zod";
import type { SubmitFeedbackBody, SubmittedFeedback } from "../../../contracts/feedback";
import type { PlaceSummary } from "../../../contracts/places";
import { normalisePhone } from "../../../domain/feedback/phone";
import { normaliseTrackingCode } from "../../../domain/feedback/tracking-code";
import { levelOfCode } from "../../../domain/places";
import type { Db } from "../../db/database";
import type { ContactCipher } from "../../platform/contact-cipher";
import { AppError, badRequest, type FieldError } from "../../platform/errors";
import { LEVEL_NAMES } from "../../platform/platform.messages";
import * as facilities from "../facilities/facilities.service";
import * as places from "../places/places.service";
import * as sms from "../sms/sms.service";
import { type NewMessage, storeMessage } from "./feedback.intake";
import { presentByCode } from "./feedback.presenter";
import * as repo from "./feedback.repo";

/**
 * The citizen's side of feedback (issue 5): write without signing in, get a tracking code at once,
 * read the answer by code; and the two lists the form needs (places, facilities). No session and no
 * area: the only key to a message is its code, and the code never opens the message's text.
 */

type Submission = z.infer<typeof SubmitFeedbackBody>;

/** The same answer for a malformed code, a wrong check digit and an unknown code: no oracle. */
const codeUnknown = () => new AppError(404, "feedback_code_unknown");

/** Everything wrong with where the message points, at once (the form's, or a facilitator's). */
export async function placeProblems(
  db: Db,
  input: Pick<Submission, "communeCode" | "sectorCode" | "facilityId">,
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

/**
 * Stores a message and gives its tracking code; the row is committed before this returns. A phone
 * number, when given, is sealed and kept for the answer; it needs an SMS channel to answer through.
 */
export async function submit(
  db: Db,
  deps: { cipher: ContactCipher | null; locale: "km" | "en" },
  ip: string | null,
  input: Submission,
  now: Date,
): Promise<z.infer<typeof SubmittedFeedback>> {
  const { errors, sector } = await placeProblems(db, input);
  let contact: NewMessage["contact"] = null;
  if (input.contactPhone) {
    const phone = normalisePhone(input.contactPhone);
    const channel = await sms.defaultChannel(db);
    if (!phone) errors.push({ path: "contactPhone", code: "feedback_phone_invalid" });
    else if (!channel?.sendUrl) errors.push({ path: "contactPhone", code: "feedback_sms_unavailable" });
    else if (!deps.cipher) throw new Error("a phone number needs the contact cipher");
    else contact = { channelId: channel.id, phone, locale: deps.locale, cipher: deps.cipher };
  }
  if (errors.length > 0) throw badRequest("validation_failed", errors);
  const stored = await db.transaction((tx) =>
    storeMessage(
      tx,
      { actor: null, ip },
      {
        channel: "web",
        communeCode: input.communeCode,
        sectorCode: sector ?? null,
        facilityId: input.facilityId,
        topic: input.topic,
        text: input.text,
        senderFlaggedHarm: input.harm,
        contact,
      },
      now,
    ),
  );
  return {
    trackingCode: stored.trackingCode,
    receivedAt: stored.createdAt.toISOString(),
    answerDueOn: stored.answerDueOn,
  };
}

/** Whether the form may offer an answer by SMS, and the number citizens can text. */
export async function smsInfo(db: Db) {
  const channel = await sms.defaultChannel(db);
  return { available: Boolean(channel?.sendUrl), sender: channel?.sender ?? null };
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
