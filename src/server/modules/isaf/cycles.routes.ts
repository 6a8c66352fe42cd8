import {
  Cycle,
  CycleListQuery,
  CyclePage,
  CycleParams,
  CycleUpdate,
  I4cPack,
  I4cPackInput,
  I4cPhotoParams,
  I4cSessionDelete,
  I4cSessionInput,
  I4cSessionParams,
  I4cSessionUpdate,
  PublishBody,
  StepCompletion,
} from "../../../contracts/isaf";
import { type App, created, ctxOf } from "../../platform/http";
import type { StepPrerequisites } from "./cycle-steps.service";
import * as cycles from "./cycles.service";
import * as i4c from "./i4c.service";
import * as i4cPhotos from "./i4c-photos.service";

const tags = ["isaf"];

/** Cycles: the list, one cycle, its plan, its steps, and its I4C pack with dissemination sessions and their photos. */
export async function cyclesRoutes(app: App, steps: StepPrerequisites) {
  app.get(
    "/api/v1/cycles",
    { schema: { tags, querystring: CycleListQuery, response: { 200: CyclePage } } },
    async (request) => cycles.list(ctxOf(request), request.query),
  );

  app.get(
    "/api/v1/cycles/:cycleId",
    { schema: { tags, params: CycleParams, response: { 200: Cycle } } },
    async (request) => cycles.get(ctxOf(request), request.params.cycleId),
  );

  app.put(
    "/api/v1/cycles/:cycleId",
    { schema: { tags, params: CycleParams, body: CycleUpdate, response: { 200: Cycle } } },
    async (request) => cycles.update(ctxOf(request), request.params.cycleId, request.body),
  );

  app.post(
    "/api/v1/cycles/:cycleId/steps",
    { schema: { tags, params: CycleParams, body: StepCompletion, response: { 200: Cycle } } },
    async (request) => cycles.completeStep(ctxOf(request), request.params.cycleId, request.body, steps),
  );

  app.get(
    "/api/v1/cycles/:cycleId/i4c",
    { schema: { tags, params: CycleParams, response: { 200: I4cPack } } },
    async (request) => i4c.getPack(ctxOf(request), request.params.cycleId),
  );

  app.put(
    "/api/v1/cycles/:cycleId/i4c",
    { schema: { tags, params: CycleParams, body: I4cPackInput, response: { 200: I4cPack } } },
    async (request) => i4c.savePack(ctxOf(request), request.params.cycleId, request.body),
  );

  app.post(
    "/api/v1/cycles/:cycleId/i4c/publish",
    { schema: { tags, params: CycleParams, body: PublishBody, response: { 200: I4cPack } } },
    async (request) => i4c.publish(ctxOf(request), request.params.cycleId, request.body.version),
  );

  app.post(
    "/api/v1/cycles/:cycleId/i4c/sessions",
    { schema: { tags, params: CycleParams, body: I4cSessionInput, response: { 201: I4cPack } } },
    async (request, reply) =>
      created(reply, await i4c.addSession(ctxOf(request), request.params.cycleId, request.body)),
  );

  app.put(
    "/api/v1/cycles/:cycleId/i4c/sessions/:sessionId",
    { schema: { tags, params: I4cSessionParams, body: I4cSessionUpdate, response: { 200: I4cPack } } },
    async (request) =>
      i4c.updateSession(ctxOf(request), request.params.cycleId, request.params.sessionId, request.body),
  );

  app.post(
    "/api/v1/cycles/:cycleId/i4c/sessions/:sessionId/delete",
    { schema: { tags, params: I4cSessionParams, body: I4cSessionDelete, response: { 200: I4cPack } } },
    async (request) =>
      i4c.deleteSession(
        ctxOf(request),
        request.params.cycleId,
        request.params.sessionId,
        request.body.updatedAt,
      ),
  );

  app.get(
    "/api/v1/cycles/:cycleId/i4c/sessions/:sessionId/photos/:mediaId",
    { schema: { tags, params: I4cPhotoParams } },
    async (request, reply) => {
      const { cycleId, sessionId, mediaId } = request.params;
      const file = await i4cPhotos.photo(ctxOf(request), cycleId, sessionId, mediaId);
      return reply
        .header("content-type", file.contentType)
        .header("cache-control", "private, max-age=3600")
        .send(file.data);
    },
  );
}
