import {
  ActionDetail,
  ActionInput,
  ActionListQuery,
  ActionPage,
  ActionParams,
  ActionUpdate,
  Committee,
  CycleActions,
  CycleParams,
  DropInput,
  FormInput,
  InterfaceMeetingInput,
  InterfaceMeetingView,
  JaapCycle,
  MemberInput,
  MemberParams,
  MemberRemove,
  MemberUpdate,
  PhotoParams,
  ProgressInput,
  StoredPhoto,
  UnformInput,
} from "../../../contracts/jaap";
import { badRequest } from "../../platform/errors";
import { type App, created, ctxOf } from "../../platform/http";
import { uploadedFile } from "../../platform/request-input";
import * as committee from "./committee.service";
import * as summary from "./cycle-summary.service";
import * as meeting from "./interface-meeting.service";
import * as jaap from "./jaap.service";
import * as progress from "./progress.service";

const tags = ["jaap"];

/** The interface meeting, the JAAP and the monitoring committee of a cycle (issue 3, parts 6–8). */
export async function jaapRoutes(app: App) {
  app.get(
    "/api/v1/cycles/:cycleId/jaap",
    { schema: { tags, params: CycleParams, response: { 200: JaapCycle } } },
    async (request) => summary.summary(ctxOf(request), request.params.cycleId),
  );

  app.get(
    "/api/v1/cycles/:cycleId/interface-meeting",
    { schema: { tags, params: CycleParams, response: { 200: InterfaceMeetingView } } },
    async (request) => meeting.get(ctxOf(request), request.params.cycleId),
  );

  app.put(
    "/api/v1/cycles/:cycleId/interface-meeting",
    {
      schema: {
        tags,
        params: CycleParams,
        body: InterfaceMeetingInput,
        response: { 200: InterfaceMeetingView },
      },
    },
    async (request) => meeting.save(ctxOf(request), request.params.cycleId, request.body),
  );

  app.get(
    "/api/v1/cycles/:cycleId/jaap/actions",
    { schema: { tags, params: CycleParams, response: { 200: CycleActions } } },
    async (request) => jaap.listOfCycle(ctxOf(request), request.params.cycleId),
  );

  app.post(
    "/api/v1/cycles/:cycleId/jaap/actions",
    { schema: { tags, params: CycleParams, body: ActionInput, response: { 201: ActionDetail } } },
    async (request, reply) =>
      created(reply, await jaap.create(ctxOf(request), request.params.cycleId, request.body)),
  );

  app.get(
    "/api/v1/jaap/actions",
    { schema: { tags, querystring: ActionListQuery, response: { 200: ActionPage } } },
    async (request) => jaap.list(ctxOf(request), request.query),
  );

  app.get(
    "/api/v1/jaap/actions/:id",
    { schema: { tags, params: ActionParams, response: { 200: ActionDetail } } },
    async (request) => jaap.get(ctxOf(request), request.params.id),
  );

  app.put(
    "/api/v1/jaap/actions/:id",
    { schema: { tags, params: ActionParams, body: ActionUpdate, response: { 200: ActionDetail } } },
    async (request) => jaap.edit(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/jaap/actions/:id/updates",
    { schema: { tags, params: ActionParams, body: ProgressInput, response: { 201: ActionDetail } } },
    async (request, reply) =>
      created(reply, await progress.addProgress(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/jaap/actions/:id/drop",
    { schema: { tags, params: ActionParams, body: DropInput, response: { 200: ActionDetail } } },
    async (request) => progress.drop(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/jaap/actions/:id/photos",
    { schema: { tags, params: ActionParams, response: { 201: StoredPhoto } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const file = await uploadedFile(request);
      if (!file) throw badRequest("jaap_photo_missing");
      const stored = await progress.uploadPhoto(ctx, request.params.id, file);
      return created(reply, stored);
    },
  );

  app.get(
    "/api/v1/jaap/actions/:id/photos/:mediaId",
    { schema: { tags, params: PhotoParams } },
    async (request, reply) => {
      const file = await progress.photo(ctxOf(request), request.params.id, request.params.mediaId);
      return reply
        .header("content-type", file.contentType)
        .header("cache-control", "private, max-age=3600")
        .send(file.data);
    },
  );

  app.get(
    "/api/v1/cycles/:cycleId/committee",
    { schema: { tags, params: CycleParams, response: { 200: Committee } } },
    async (request) => committee.get(ctxOf(request), request.params.cycleId),
  );

  app.post(
    "/api/v1/cycles/:cycleId/committee/members",
    { schema: { tags, params: CycleParams, body: MemberInput, response: { 201: Committee } } },
    async (request, reply) =>
      created(reply, await committee.addMember(ctxOf(request), request.params.cycleId, request.body)),
  );

  app.put(
    "/api/v1/cycles/:cycleId/committee/members/:memberId",
    { schema: { tags, params: MemberParams, body: MemberUpdate, response: { 200: Committee } } },
    async (request) =>
      committee.updateMember(ctxOf(request), request.params.cycleId, request.params.memberId, request.body),
  );

  app.delete(
    "/api/v1/cycles/:cycleId/committee/members/:memberId",
    { schema: { tags, params: MemberParams, body: MemberRemove, response: { 200: Committee } } },
    async (request) =>
      committee.removeMember(
        ctxOf(request),
        request.params.cycleId,
        request.params.memberId,
        request.body.updatedAt,
      ),
  );

  app.post(
    "/api/v1/cycles/:cycleId/committee/formed",
    { schema: { tags, params: CycleParams, body: FormInput, response: { 200: Committee } } },
    async (request) =>
      committee.markFormed(ctxOf(request), request.params.cycleId, request.body.overrideReason),
  );

  app.post(
    "/api/v1/cycles/:cycleId/committee/unformed",
    { schema: { tags, params: CycleParams, body: UnformInput, response: { 200: Committee } } },
    async (request) => committee.unform(ctxOf(request), request.params.cycleId),
  );
}
