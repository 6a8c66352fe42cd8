import {
  AddParticipantsBody,
  IndicatorParams,
  IssueParams,
  ParticipantParams,
  ParticipantScoresBody,
  PrioritiesBody,
  PriorityNotesBody,
  RaiseIssueBody,
  ReplaceScoresBody,
  Scorecard,
  ScorecardParams,
  ScoreTallyBody,
  TalliesBody,
  UpdateParticipantBody,
} from "../../../contracts/scorecards";
import { type App, created, ctxOf } from "../../platform/http";
import * as meeting from "./scorecards.meeting";
import { setPriorities } from "./scorecards.priorities";
import * as scores from "./scorecards.scores";

const tags = ["scorecards"];
const response = { 200: Scorecard };

/** The meeting's records: participants or tallies, issues, priorities and notes, scores. Each answers with the card. */
export async function meetingRoutes(app: App) {
  app.post(
    "/api/v1/scorecards/:id/participants",
    { schema: { tags, params: ScorecardParams, body: AddParticipantsBody, response: { 201: Scorecard } } },
    async (request, reply) =>
      created(
        reply,
        await meeting.addParticipants(ctxOf(request), request.params.id, request.body.participants),
      ),
  );

  app.put(
    "/api/v1/scorecards/:id/participants/:number",
    { schema: { tags, params: ParticipantParams, body: UpdateParticipantBody, response } },
    async (request) => {
      const { version, ...person } = request.body;
      return meeting.updateParticipant(
        ctxOf(request),
        request.params.id,
        request.params.number,
        person,
        version,
      );
    },
  );

  app.post(
    "/api/v1/scorecards/:id/participants/:number/remove",
    { schema: { tags, params: ParticipantParams, response } },
    async (request) => meeting.removeParticipant(ctxOf(request), request.params.id, request.params.number),
  );

  app.put(
    "/api/v1/scorecards/:id/participants/:number/scores",
    { schema: { tags, params: ParticipantParams, body: ReplaceScoresBody, response } },
    async (request) =>
      scores.replaceScores(
        ctxOf(request),
        request.params.id,
        request.params.number,
        request.body.scores,
        request.body.version,
      ),
  );

  app.put(
    "/api/v1/scorecards/:id/tallies",
    { schema: { tags, params: ScorecardParams, body: TalliesBody, response } },
    async (request) =>
      meeting.setTallies(ctxOf(request), request.params.id, request.body.rows, request.body.version),
  );

  app.post(
    "/api/v1/scorecards/:id/issues",
    { schema: { tags, params: ScorecardParams, body: RaiseIssueBody, response: { 201: Scorecard } } },
    async (request, reply) =>
      created(reply, await meeting.raiseIssue(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/scorecards/:id/issues/:issueId/remove",
    { schema: { tags, params: IssueParams, response } },
    async (request) => meeting.removeIssue(ctxOf(request), request.params.id, request.params.issueId),
  );

  app.put(
    "/api/v1/scorecards/:id/priorities",
    { schema: { tags, params: ScorecardParams, body: PrioritiesBody, response } },
    async (request) => setPriorities(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    "/api/v1/scorecards/:id/priorities/:indicatorId/notes",
    { schema: { tags, params: IndicatorParams, body: PriorityNotesBody, response } },
    async (request) => {
      const { version, ...notes } = request.body;
      return meeting.setNotes(ctxOf(request), request.params.id, request.params.indicatorId, notes, version);
    },
  );

  app.post(
    "/api/v1/scorecards/:id/scores",
    { schema: { tags, params: ScorecardParams, body: ParticipantScoresBody, response: { 201: Scorecard } } },
    async (request, reply) =>
      created(reply, await scores.addScores(ctxOf(request), request.params.id, request.body)),
  );

  app.put(
    "/api/v1/scorecards/:id/score-tallies/:indicatorId",
    { schema: { tags, params: IndicatorParams, body: ScoreTallyBody, response } },
    async (request) =>
      scores.setScoreTally(
        ctxOf(request),
        request.params.id,
        request.params.indicatorId,
        request.body.counts,
        request.body.version,
      ),
  );
}
