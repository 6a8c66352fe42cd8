import { formatTimestamp, parseTimestamp, tick } from "../../../domain/sync/hlc";
import { splitByStamp } from "../../../domain/sync/lww";

/**
 * Per-field last write on a draft edited on several devices (issue 4, "Conflicts"). The card keeps,
 * beside its values, the HLC stamp of the write that set each field (`field_stamps`, field key →
 * stamp). A versioned change names the fields it writes (EditOptions.fields); pushed by the field
 * app, it writes only those where its stamp is the later one (mergeOf), so two phones that edited
 * the same draft end with the same card whatever the order their changes arrive in. Online, a change
 * stays strictly versioned and stamps its fields with the server's clock (serverStamp), so that an
 * offline write made before it, arriving later, does not overwrite it.
 */

/** Field key → the stamp of the write that set it. */
export type FieldStamps = Record<string, string>;

export const NOTE_FIELDS = ["strengths", "weaknesses", "suggestedActions"] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

/** A participant's attributes: each is a field of its own, so two phones' corrections of one person merge. */
export const PARTICIPANT_FIELDS = ["sex", "age", "disability", "ethnicMinority", "idPoor"] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

/** The field keys, one per part of a card a versioned change writes. */
export const FIELD = {
  details: ["heldOn", "villageCode", "mode"] as const,
  participant: (number: number, attribute: ParticipantField) => `participant.${number}.${attribute}`,
  tallies: "tallies",
  priorities: "priorities",
  scores: (participantNumber: number) => `scores.${participantNumber}`,
  scoreTally: (indicatorId: string) => `scoreTally.${indicatorId}`,
  note: (indicatorId: string, note: NoteField) => `notes.${indicatorId}.${note}`,
};

/** How a change pushed with `stamp` meets the card: the fields it writes and those a later write holds. */
export interface Merge {
  stamp: string;
  kept: string[];
  overtaken: string[];
  /** The change was made on another version of the card than the one it meets. */
  stale: boolean;
}

/**
 * The merge of a pushed change that names its fields. The baseVersion is not compared: a version
 * the phone predicted for its own earlier changes may equal the card's by chance after another
 * phone's changes and some of its own were overtaken, so only the stamps decide, whatever the order.
 */
export function mergeOf(held: FieldStamps, fields: readonly string[], stamp: string, stale: boolean): Merge {
  return { stamp, stale, ...splitByStamp(withWholeParticipants(held, fields), fields, stamp) };
}

/**
 * Before issue 12 a participant was one field (`participant.<n>`): a stamp held under that key holds
 * each of the participant's attributes that has no stamp of its own yet.
 */
function withWholeParticipants(held: FieldStamps, fields: readonly string[]): FieldStamps {
  const inherited: FieldStamps = {};
  for (const field of fields) {
    const whole = /^(participant\.\d+)\.[a-zA-Z]+$/.exec(field)?.[1];
    const stamp = whole && Object.hasOwn(held, whole) ? held[whole] : undefined;
    if (stamp && !Object.hasOwn(held, field)) inherited[field] = stamp;
  }
  return { ...held, ...inherited };
}

/** `held` with `fields` now set by the write stamped `stamp`. */
export function withStamps(held: FieldStamps, fields: readonly string[], stamp: string): FieldStamps {
  return { ...held, ...Object.fromEntries(fields.map((field) => [field, stamp])) };
}

/**
 * The stamp of a change made online: the server's clock as an HLC with node "server", moved past
 * every stamp the card holds, so that it sorts after every write the person at the screen saw (a
 * phone's clock may run a little ahead of the server's).
 */
export function serverStamp(held: FieldStamps, nowMillis: number): string {
  let latest = "";
  for (const stamp of Object.values(held)) if (stamp > latest) latest = stamp;
  const clock = latest
    ? { ...parseTimestamp(latest), node: "server" }
    : { millis: 0, counter: 0, node: "server" };
  return formatTimestamp(tick(clock, nowMillis));
}
