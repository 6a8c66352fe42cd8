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
import * as issues from "./scorecards.issues";
import * as meeting from "./scorecards.meeting";
import { presentCard } from "./scorecards.presenter";
import { setPriorities } from "./scorecards.priorities";
import * as scores from "./scorecards.scores";

const tags = ["scorecards"];
const response = { 200: Scorecard };

/**
 * The meeting's records: participants or tallies, issues, priorities and notes, scores. Each answers
 * with the card: the services return the changed row, presented here (the field app's push does not
 * need the whole card, scorecards.sync.ts).
 */
export async function meetingRoutes(app: App) {
  app.post(
    "/api/v1/scorecards/:id/participants",
    { schema: { tags, params: ScorecardParams, body: AddParticipantsBody, response: { 201: Scorecard } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const found = await meeting.addParticipants(ctx, request.params.id, request.body.participants);
      return created(reply, await presentCard(ctx, found));
    },
  );

  app.put(
    "/api/v1/scorecards/:id/participants/:number",
    { schema: { tags, params: ParticipantParams, body: UpdateParticipantBody, response } },
    async (request) => {
      const ctx = ctxOf(request);
      const { version, ...person } = request.body;
      const { id, number } = request.params;
      return presentCard(ctx, await meeting.updateParticipant(ctx, id, number, person, version));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/participants/:number/remove",
    { schema: { tags, params: ParticipantParams, response } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentCard(ctx, await meeting.removeParticipant(ctx, request.params.id, request.params.number));
    },
  );

  app.put(
    "/api/v1/scorecards/:id/participants/:number/scores",
    { schema: { tags, params: ParticipantParams, body: ReplaceScoresBody, response } },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, number } = request.params;
      const { scores: given, version } = request.body;
      return presentCard(ctx, await scores.replaceScores(ctx, id, number, given, version));
    },
  );

  app.put(
    "/api/v1/scorecards/:id/tallies",
    { schema: { tags, params: ScorecardParams, body: TalliesBody, response } },
    async (request) => {
      const ctx = ctxOf(request);
      const { rows, version } = request.body;
      return presentCard(ctx, await meeting.setTallies(ctx, request.params.id, rows, version));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/issues",
    { schema: { tags, params: ScorecardParams, body: RaiseIssueBody, response: { 201: Scorecard } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return created(
        reply,
        await presentCard(ctx, await issues.raiseIssue(ctx, request.params.id, request.body)),
      );
    },
  );

  app.post(
    "/api/v1/scorecards/:id/issues/:issueId/remove",
    { schema: { tags, params: IssueParams, response } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentCard(ctx, await issues.removeIssue(ctx, request.params.id, request.params.issueId));
    },
  );

  app.put(
    "/api/v1/scorecards/:id/priorities",
    { schema: { tags, params: ScorecardParams, body: PrioritiesBody, response } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentCard(ctx, await setPriorities(ctx, request.params.id, request.body));
    },
  );

  app.put(
    "/api/v1/scorecards/:id/priorities/:indicatorId/notes",
    { schema: { tags, params: IndicatorParams, body: PriorityNotesBody, response } },
    async (request) => {
      const ctx = ctxOf(request);
      const { version, ...notes } = request.body;
      const { id, indicatorId } = request.params;
      return presentCard(ctx, await meeting.setNotes(ctx, id, indicatorId, notes, version));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/scores",
    { schema: { tags, params: ScorecardParams, body: ParticipantScoresBody, response: { 201: Scorecard } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return created(
        reply,
        await presentCard(ctx, await scores.addScores(ctx, request.params.id, request.body)),
      );
    },
  );

  app.put(
    "/api/v1/scorecards/:id/score-tallies/:indicatorId",
    { schema: { tags, params: IndicatorParams, body: ScoreTallyBody, response } },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, indicatorId } = request.params;
      const { counts, version } = request.body;
      return presentCard(ctx, await scores.setScoreTally(ctx, id, indicatorId, counts, version));
    },
  );
}
