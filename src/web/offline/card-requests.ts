import { uuidv7 } from "uuidv7";
import type { Scorecard } from "../../contracts/scorecards";

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

/**
 * The meeting screens speak the API's routes; a card held on the device turns each change into the
 * matching sync command, so the same screens work with or without a network. Review decisions and
 * change requests are not field work: they return null and need a connection.
 */
export function commandFor(card: Scorecard, request: CardRequest): CardCommand | null {
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
      return { type: "scorecard.updateParticipant", payload: { ...payload, number: number() }, baseVersion };
    case "POST /participants/:n/remove":
      return { type: "scorecard.removeParticipant", payload: { number: number() }, baseVersion: null };
    case "PUT /participants/:n/scores":
      return {
        type: "scorecard.replaceScores",
        payload: { ...payload, participantNumber: number() },
        baseVersion,
      };
    case "POST /issues":
      return { type: "scorecard.raiseIssue", payload: { ...payload, id: uuidv7() }, baseVersion: null };
    case "POST /issues/:id/remove":
      return { type: "scorecard.removeIssue", payload: { issueId: segments[2] }, baseVersion: null };
    case "PUT /priorities":
      return { type: "scorecard.setPriorities", payload, baseVersion };
    case "POST /scores":
      return { type: "scorecard.addScores", payload, baseVersion: null };
    case "PUT /priorities/:id/notes":
      return { type: "scorecard.setNotes", payload: { ...payload, indicatorId: segments[2] }, baseVersion };
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
