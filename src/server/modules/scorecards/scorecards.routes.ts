import {
  ChangeRequestBody,
  ChangeRequestParams,
  Comparison,
  CreateScorecardBody,
  CycleParams,
  CycleScorecards,
  GrantBody,
  MeetingDetailsBody,
  RefuseBody,
  ReturnBody,
  ReviewQueue,
  Scorecard,
  ScorecardParams,
  ScorecardResults,
  VersionBody,
} from "../../../contracts/scorecards";
import { type App, created, ctxOf } from "../../platform/http";
import { meetingRoutes } from "./scorecards.meeting.routes";
import { presentCard } from "./scorecards.presenter";
import * as review from "./scorecards.review";
import * as scorecards from "./scorecards.service";

const tags = ["scorecards"];

/**
 * Score cards: a cycle's two cards, the card itself, its results, and the review. A change answers
 * with the card: the services return the changed row, presented here.
 */
export async function scorecardsRoutes(app: App) {
  app.get(
    "/api/v1/cycles/:cycleId/scorecards",
    { schema: { tags, params: CycleParams, response: { 200: CycleScorecards } } },
    async (request) => scorecards.listForCycle(ctxOf(request), request.params.cycleId),
  );

  app.post(
    "/api/v1/cycles/:cycleId/scorecards",
    { schema: { tags, params: CycleParams, body: CreateScorecardBody, response: { 201: Scorecard } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return created(
        reply,
        await presentCard(ctx, await scorecards.create(ctx, request.params.cycleId, request.body)),
      );
    },
  );

  app.get(
    "/api/v1/cycles/:cycleId/scorecards/comparison",
    { schema: { tags, params: CycleParams, response: { 200: Comparison } } },
    async (request) => scorecards.comparison(ctxOf(request), request.params.cycleId),
  );

  app.get(
    "/api/v1/scorecards/reviews",
    { schema: { tags, response: { 200: ReviewQueue } } },
    async (request) => review.reviewQueue(ctxOf(request)),
  );

  app.get(
    "/api/v1/scorecards/:id",
    { schema: { tags, params: ScorecardParams, response: { 200: Scorecard } } },
    async (request) => scorecards.get(ctxOf(request), request.params.id),
  );

  app.put(
    "/api/v1/scorecards/:id",
    { schema: { tags, params: ScorecardParams, body: MeetingDetailsBody, response: { 200: Scorecard } } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentCard(ctx, await scorecards.updateDetails(ctx, request.params.id, request.body));
    },
  );

  app.get(
    "/api/v1/scorecards/:id/results",
    { schema: { tags, params: ScorecardParams, response: { 200: ScorecardResults } } },
    async (request) => scorecards.results(ctxOf(request), request.params.id),
  );

  app.post(
    "/api/v1/scorecards/:id/submit",
    { schema: { tags, params: ScorecardParams, body: VersionBody, response: { 200: Scorecard } } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentCard(ctx, await review.submit(ctx, request.params.id, request.body.version));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/approve",
    { schema: { tags, params: ScorecardParams, body: VersionBody, response: { 200: Scorecard } } },
    async (request) => {
      const ctx = ctxOf(request);
      return presentCard(ctx, await review.approve(ctx, request.params.id, request.body.version));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/return",
    { schema: { tags, params: ScorecardParams, body: ReturnBody, response: { 200: Scorecard } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { version, comment } = request.body;
      return presentCard(ctx, await review.returnCard(ctx, request.params.id, version, comment));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/change-requests",
    { schema: { tags, params: ScorecardParams, body: ChangeRequestBody, response: { 201: Scorecard } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const found = await review.requestChange(ctx, request.params.id, request.body.reason);
      return created(reply, await presentCard(ctx, found));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/change-requests/:requestId/grant",
    { schema: { tags, params: ChangeRequestParams, body: GrantBody, response: { 200: Scorecard } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, requestId } = request.params;
      const note = request.body.note ?? null;
      return presentCard(ctx, await review.decideChange(ctx, id, requestId, "granted", note));
    },
  );

  app.post(
    "/api/v1/scorecards/:id/change-requests/:requestId/refuse",
    { schema: { tags, params: ChangeRequestParams, body: RefuseBody, response: { 200: Scorecard } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, requestId } = request.params;
      return presentCard(ctx, await review.decideChange(ctx, id, requestId, "refused", request.body.note));
    },
  );

  await meetingRoutes(app);
}
