import {
  PlanCandidates,
  PlanInput,
  PlanQuery,
  PlanResult,
  Programme,
  ProgrammeInput,
  ProgrammeList,
  ProgrammeParams,
  ProgrammeUpdate,
} from "../../../contracts/isaf";
import { type App, created, ctxOf } from "../../platform/http";
import * as planning from "./planning.service";
import * as programmes from "./programmes.service";

const tags = ["isaf"];

/** Programmes, and planning a year's cycles for one. */
export async function programmesRoutes(app: App) {
  app.get("/api/v1/programmes", { schema: { tags, response: { 200: ProgrammeList } } }, async (request) =>
    programmes.list(ctxOf(request)),
  );

  app.post(
    "/api/v1/programmes",
    { schema: { tags, body: ProgrammeInput, response: { 201: Programme } } },
    async (request, reply) => created(reply, await programmes.create(ctxOf(request), request.body)),
  );

  app.get(
    "/api/v1/programmes/:id",
    { schema: { tags, params: ProgrammeParams, response: { 200: Programme } } },
    async (request) => programmes.get(ctxOf(request), request.params.id),
  );

  app.put(
    "/api/v1/programmes/:id",
    { schema: { tags, params: ProgrammeParams, body: ProgrammeUpdate, response: { 200: Programme } } },
    async (request) => programmes.update(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/v1/programmes/:id/plan",
    { schema: { tags, params: ProgrammeParams, querystring: PlanQuery, response: { 200: PlanCandidates } } },
    async (request) => planning.candidates(ctxOf(request), request.params.id, request.query.year),
  );

  app.post(
    "/api/v1/programmes/:id/cycles",
    { schema: { tags, params: ProgrammeParams, body: PlanInput, response: { 201: PlanResult } } },
    async (request, reply) =>
      created(reply, await planning.plan(ctxOf(request), request.params.id, request.body)),
  );
}
