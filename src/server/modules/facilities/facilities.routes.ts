import { z } from "zod";
import {
  DeactivateBody,
  Facility,
  FacilityCounts,
  FacilityInput,
  FacilityListQuery,
  FacilityMap,
  FacilityMapQuery,
  FacilityPage,
  FacilityParams,
  FacilityReferenceData,
  FacilityUpdate,
  ImportCommitBody,
  ImportParams,
  ImportReport,
} from "../../../contracts/facilities";
import { badRequest } from "../../platform/errors";
import { type App, created, ctxOf } from "../../platform/http";
import { uploadedFile } from "../../platform/request-input";
import * as imports from "./facilities.import";
import * as facilities from "./facilities.service";

const tags = ["facilities"];
const VersionBody = z.object({ version: z.number().int().min(1) });

export async function facilitiesRoutes(app: App) {
  app.get(
    "/api/v1/facilities",
    { schema: { tags, querystring: FacilityListQuery, response: { 200: FacilityPage } } },
    async (request) => facilities.list(ctxOf(request), request.query),
  );

  app.get(
    "/api/v1/facilities/map",
    { schema: { tags, querystring: FacilityMapQuery, response: { 200: FacilityMap } } },
    async (request) => facilities.mapData(ctxOf(request), request.query),
  );

  app.get(
    "/api/v1/facilities/reference",
    { schema: { tags, response: { 200: FacilityReferenceData } } },
    async (request) => facilities.referenceData(ctxOf(request).db),
  );

  app.get(
    "/api/v1/facilities/counts",
    { schema: { tags, response: { 200: FacilityCounts } } },
    async (request) => facilities.counts(ctxOf(request)),
  );

  app.post(
    "/api/v1/facilities",
    { schema: { tags, body: FacilityInput, response: { 201: Facility } } },
    async (request, reply) => created(reply, await facilities.create(ctxOf(request), request.body)),
  );

  app.get(
    "/api/v1/facilities/:id",
    { schema: { tags, params: FacilityParams, response: { 200: Facility } } },
    async (request) => facilities.get(ctxOf(request), request.params.id),
  );

  app.put(
    "/api/v1/facilities/:id",
    { schema: { tags, params: FacilityParams, body: FacilityUpdate, response: { 200: Facility } } },
    async (request) => facilities.update(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/facilities/:id/deactivate",
    { schema: { tags, params: FacilityParams, body: DeactivateBody, response: { 200: Facility } } },
    async (request) =>
      facilities.setActive(
        ctxOf(request),
        request.params.id,
        false,
        request.body.version,
        request.body.reason,
      ),
  );

  app.post(
    "/api/v1/facilities/:id/reactivate",
    { schema: { tags, params: FacilityParams, body: VersionBody, response: { 200: Facility } } },
    async (request) => facilities.setActive(ctxOf(request), request.params.id, true, request.body.version),
  );

  app.post(
    "/api/v1/facilities/imports",
    { schema: { tags, response: { 201: ImportReport } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const file = await uploadedFile(request);
      if (!file) throw badRequest("import_file_missing");
      return created(reply, await imports.validateImport(ctx, file.fileName, file.data));
    },
  );

  app.get(
    "/api/v1/facilities/imports/:id",
    { schema: { tags, params: ImportParams, response: { 200: ImportReport } } },
    async (request) => imports.getImport(ctxOf(request), request.params.id),
  );

  app.post(
    "/api/v1/facilities/imports/:id/commit",
    { schema: { tags, params: ImportParams, body: ImportCommitBody, response: { 200: ImportReport } } },
    async (request) => imports.commitImport(ctxOf(request), request.params.id, request.body.onlyValidRows),
  );
}
