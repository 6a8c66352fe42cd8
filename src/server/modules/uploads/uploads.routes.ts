import {
  ChunkParams,
  ChunkReceived,
  UPLOAD_CHUNK_SIZE,
  UploadCompleted,
  UploadParams,
  UploadStart,
  UploadState,
} from "../../../contracts/uploads";
import { AppError } from "../../platform/errors";
import { type App, ctxOf } from "../../platform/http";
import * as uploads from "./uploads.service";

const tags = ["uploads"];

/** Resumable uploads of attachments from field devices (docs/api.md, "Attachments: resumable uploads"). */
export async function uploadsRoutes(app: App) {
  // Chunks arrive as raw bytes. The parser belongs to this plugin only (Fastify encapsulation), and
  // takes at most one chunk: anything larger is refused (413) before it is read into memory.
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: UPLOAD_CHUNK_SIZE },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/api/v1/uploads",
    { schema: { tags, body: UploadStart, response: { 200: UploadState, 201: UploadState } } },
    async (request, reply) => {
      const { created, state } = await uploads.start(ctxOf(request), request.body);
      if (created) reply.code(201);
      return state;
    },
  );

  app.get(
    "/api/v1/uploads/:id",
    { schema: { tags, params: UploadParams, response: { 200: UploadState } } },
    async (request) => uploads.status(ctxOf(request), request.params.id),
  );

  app.put(
    "/api/v1/uploads/:id/chunks/:index",
    { schema: { tags, params: ChunkParams, response: { 200: ChunkReceived } } },
    async (request) => {
      const ctx = ctxOf(request);
      // Another content type (JSON, a form) reaches here parsed by its own parser: not a chunk.
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, "unsupported_media_type");
      return uploads.putChunk(ctx, request.params.id, request.params.index, request.body);
    },
  );

  app.post(
    "/api/v1/uploads/:id/complete",
    { schema: { tags, params: UploadParams, response: { 200: UploadCompleted } } },
    async (request) => uploads.complete(ctxOf(request), request.params.id),
  );
}
