import { uuidv7 } from "uuidv7";
import type { Scorecard } from "../../../contracts/scorecards";

/** A change the meeting screens ask for, in the API's terms (scorecards.api.ts, useCardChange). */
export interface CardRequest {
  method: "POST" | "PUT";
  path: string;
  body?: unknown;
}

/** The same change as a sync command for the outbox (src/server/modules/sync/sync.commands.ts). */
export interface CardCommand {
  type: string;
  payload: Record<string, unknown>;
  baseVersion: number | null;
}

type Body = Record<string, unknown>;

/** The body without its `version`, which travels as the command's baseVersion. */
function split(body: unknown): { payload: Body; baseVersion: number | null } {
  const { version, ...payload } = (body ?? {}) as Body;
  return { payload, baseVersion: typeof version === "number" ? version : null };
}

function nextParticipantNumber(card: Scorecard): number {
  return (card.participants ?? []).reduce((max, p) => Math.max(max, p.number), 0) + 1;
}

const NOTE_FIELDS = ["strengths", "weaknesses", "suggestedActions"] as const;
const PARTICIPANT_FIELDS = ["sex", "age", "disability", "ethnicMinority", "idPoor"] as const;

/**
 * Only the attributes of a participant the facilitator changed: on the server each is a field of its
 * own, merged by last write, so that a correction of her sex here and of her age on another phone
 * both stay. The screen sends the whole person.
 */
function changedAttributes(card: Scorecard, number: number, payload: Body): Body {
  const person = (card.participants ?? []).find((p) => p.number === number);
  if (!person) return payload;
  const changed: Body = {};
  for (const field of PARTICIPANT_FIELDS) {
    if (field in payload && payload[field] !== person[field]) changed[field] = payload[field];
  }
  return changed;
}

/**
 * Only the notes the facilitator changed: on the server a pushed note is a field of its own, merged
 * by last write (src/domain/sync/lww.ts), so a note left out is one another phone may have written.
 * The screen sends all three; unchanged ones ("" and null alike) are left out here.
 */
function changedNotes(card: Scorecard, indicatorId: string, payload: Body): Body {
  const priority = card.priorities.find((p) => p.indicator.id === indicatorId);
  if (!priority) return payload;
  const changed: Body = {};
  for (const field of NOTE_FIELDS) {
    if (!(field in payload)) continue;
    if (((payload[field] as string | null) || null) !== (priority[field] || null))
      changed[field] = payload[field];
  }
  return changed;
}

/**
 * An issue raised by several participants is one command per participant, each naming its issue with
 * an id made here, so that the device can remove one of them before it ever reached the server. Issues
 * in the participants' own words make a new catalogue entry on the server: they need a connection.
 */
function raiseIssues(card: Scorecard, payload: Body): CardCommand[] | null {
  if (payload.ownWords !== undefined) return null;
  const numbers =
    card.mode === "individual" ? ((payload.participantNumbers as number[] | undefined) ?? []) : [];
  const each =
    numbers.length > 0 ? numbers.map((number) => ({ ...payload, participantNumbers: [number] })) : [payload];
  return each.map((one) => ({
    type: "scorecard.raiseIssue",
    payload: { ...one, id: uuidv7() },
    baseVersion: null,
  }));
}

/**
 * The meeting screens speak the API's routes; a card held on the device turns each change into the
 * matching sync commands, so the same screens work with or without a network. Review decisions,
 * change requests and issues in the participants' own words are not field work: they return null
 * and need a connection.
 */
export function commandsFor(card: Scorecard, request: CardRequest): CardCommand[] | null {
  if (request.method === "POST" && request.path === "/issues")
    return raiseIssues(card, split(request.body).payload);
  const command = commandFor(card, request);
  return command ? [command] : null;
}

function commandFor(card: Scorecard, request: CardRequest): CardCommand | null {
  const { method, path } = request;
  const { payload, baseVersion } = split(request.body);
  const route = `${method} ${path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, "/:id").replace(/\/\d+(?=\/|$)/g, "/:n")}`;
  const segments = path.split("/");
  const number = () => Number(segments[2]);
  switch (route) {
    case "PUT ":
      return { type: "scorecard.updateDetails", payload, baseVersion };
    case "POST /participants":
      // The device numbers participants itself so that its scores can name them before the server answers.
      return {
        type: "scorecard.addParticipants",
        payload: { ...payload, firstNumber: nextParticipantNumber(card) },
        baseVersion: null,
      };
    case "PUT /participants/:n":
      return {
        type: "scorecard.updateParticipant",
        payload: { ...changedAttributes(card, number(), payload), number: number() },
        baseVersion,
      };
    case "POST /participants/:n/remove":
      return { type: "scorecard.removeParticipant", payload: { number: number() }, baseVersion: null };
    case "PUT /participants/:n/scores":
      return {
        type: "scorecard.replaceScores",
        payload: { ...payload, participantNumber: number() },
        baseVersion,
      };
    case "POST /issues/:id/remove":
      return { type: "scorecard.removeIssue", payload: { issueId: segments[2] }, baseVersion: null };
    case "PUT /priorities":
      return { type: "scorecard.setPriorities", payload, baseVersion };
    case "POST /scores":
      return { type: "scorecard.addScores", payload, baseVersion: null };
    case "PUT /priorities/:id/notes":
      return {
        type: "scorecard.setNotes",
        payload: { ...changedNotes(card, segments[2]!, payload), indicatorId: segments[2] },
        baseVersion,
      };
    case "PUT /tallies":
      return { type: "scorecard.setTallies", payload, baseVersion };
    case "PUT /score-tallies/:id":
      return { type: "scorecard.scoreTally", payload: { ...payload, indicatorId: segments[2] }, baseVersion };
    case "POST /submit":
      return { type: "scorecard.submit", payload: {}, baseVersion };
    default:
      return null;
  }
}
