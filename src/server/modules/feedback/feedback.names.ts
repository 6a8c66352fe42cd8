import type { Db } from "../../db/database";
import * as facilities from "../facilities/facilities.service";
import * as places from "../places/places.service";
import * as sms from "../sms/sms.service";
import * as directory from "../users/people.service";
import type { FeedbackRow, MessageWithContact } from "./feedback.repo";

/** A message with what staff see beside it: its commune, its facility, who answered. */
export interface FeedbackListRow {
  message: FeedbackRow;
  commune: {
    code: string;
    level: "province" | "district" | "commune" | "village";
    type: string;
    nameKm: string;
    nameEn: string;
  };
  facility: { id: string; code: string; nameKm: string; nameEn: string } | null;
  answeredByName: string | null;
  assignedToName: string | null;
  /** The sender left a number (never the number itself). */
  contactGiven: boolean;
  /** …and its channel can send: an answer goes to her by SMS. */
  answerBySms: boolean;
}

/**
 * What staff see beside each message, asked of the modules that hold it (one query each, whatever
 * the number of messages): the commune (places), the facility (facilities), who took and who answered
 * it (users), and whether the sender's channel can send an answer (sms).
 */
export async function withNames(db: Db, rows: MessageWithContact[]): Promise<FeedbackListRow[]> {
  const messages = rows.map((row) => row.message);
  const [communes, facilityRows, people, sending] = await Promise.all([
    places.findMany(db, [...new Set(messages.map((message) => message.communeCode))]),
    facilities.summariesOf(db, [
      ...new Set(messages.flatMap((message) => (message.facilityId ? [message.facilityId] : []))),
    ]),
    directory.namesOf(
      db,
      messages.flatMap((message) => [message.assignedTo, message.answeredBy]),
    ),
    sms.sendingChannelIds(
      db,
      rows.flatMap((row) => (row.contactChannelId ? [row.contactChannelId] : [])),
    ),
  ]);
  const communeByCode = new Map(communes.map((place) => [place.code, place]));
  const facilityById = new Map(facilityRows.map((facility) => [facility.id, facility]));
  const nameOf = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  return rows.flatMap(({ message, contactChannelId }) => {
    const commune = communeByCode.get(message.communeCode);
    // Every message names a commune of the gazetteer; one that did not could not be shown.
    if (!commune) return [];
    const facility = message.facilityId ? facilityById.get(message.facilityId) : undefined;
    return [
      {
        message,
        commune: places.presentSummary(commune),
        facility: facility
          ? { id: facility.id, code: facility.code, nameKm: facility.nameKm, nameEn: facility.nameEn }
          : null,
        answeredByName: nameOf(message.answeredBy),
        assignedToName: nameOf(message.assignedTo),
        contactGiven: contactChannelId !== null,
        answerBySms: contactChannelId !== null && sending.has(contactChannelId),
      },
    ];
  });
}
