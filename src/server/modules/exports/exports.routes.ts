import { ExportParams, ExportRequest, ExportStatus } from "../../../contracts/exports";
import { type App, ctxOf } from "../../platform/http";
import type { ExportKinds } from "./exports.kinds";
import * as exportsService from "./exports.service";

const tags = ["exports"];

/** Exports written in the background (docs/mechanisms/jobs-and-exports.md). */
export async function exportsRoutes(app: App, options: { kinds: ExportKinds }) {
  app.post(
    "/api/v1/exports",
    { schema: { tags, body: ExportRequest, response: { 202: ExportStatus } } },
    async (request, reply) => {
      const status = await exportsService.request(ctxOf(request), options.kinds, request.body);
      reply.code(202);
      return status;
    },
  );

  app.get(
    "/api/v1/exports/:id",
    { schema: { tags, params: ExportParams, response: { 200: ExportStatus } } },
    async (request) => exportsService.status(ctxOf(request), request.params.id),
  );

  app.get("/api/v1/exports/:id/file", { schema: { tags, params: ExportParams } }, async (request, reply) => {
    const file = await exportsService.download(ctxOf(request), request.params.id);
    reply.header("content-type", file.contentType);
    reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
    if (file.byteSize !== null) reply.header("content-length", file.byteSize);
    reply.header("cache-control", "private, no-store");
    return reply.send(file.body);
  });
}
