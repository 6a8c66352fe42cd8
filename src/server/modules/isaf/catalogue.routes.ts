import {
  AudioStored,
  Indicator,
  IndicatorAudioParams,
  IndicatorCreate,
  IndicatorList,
  IndicatorParams,
  IndicatorQuery,
  IndicatorStatusChange,
  IndicatorUpdate,
  RatingAudioParams,
  RatingScale,
} from "../../../contracts/isaf";
import { type App, created, ctxOf } from "../../platform/http";
import { uploadedFile } from "../../platform/request-input";
import * as catalogue from "./catalogue.service";

const tags = ["isaf"];

/** The indicator catalogue and the rating scale, with their audio per language. */
export async function catalogueRoutes(app: App) {
  app.get(
    "/api/v1/indicators",
    { schema: { tags, querystring: IndicatorQuery, response: { 200: IndicatorList } } },
    async (request) => catalogue.listIndicators(ctxOf(request), request.query),
  );

  app.post(
    "/api/v1/indicators",
    { schema: { tags, body: IndicatorCreate, response: { 201: Indicator } } },
    async (request, reply) => created(reply, await catalogue.createIndicator(ctxOf(request), request.body)),
  );

  app.get(
    "/api/v1/indicators/:id",
    { schema: { tags, params: IndicatorParams, response: { 200: Indicator } } },
    async (request) => catalogue.getIndicator(ctxOf(request), request.params.id),
  );

  app.put(
    "/api/v1/indicators/:id",
    { schema: { tags, params: IndicatorParams, body: IndicatorUpdate, response: { 200: Indicator } } },
    async (request) => catalogue.updateIndicator(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/indicators/:id/status",
    { schema: { tags, params: IndicatorParams, body: IndicatorStatusChange, response: { 200: Indicator } } },
    async (request) => catalogue.changeStatus(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/v1/indicators/:id/audio/:language",
    { schema: { tags, params: IndicatorAudioParams } },
    async (request, reply) => {
      const file = await catalogue.getAudio(
        ctxOf(request),
        "indicator",
        request.params.id,
        request.params.language,
      );
      return reply.type(file.contentType).header("cache-control", "private, max-age=300").send(file.data);
    },
  );

  app.put(
    "/api/v1/indicators/:id/audio/:language",
    { schema: { tags, params: IndicatorAudioParams, response: { 200: AudioStored } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { id, language } = request.params;
      return catalogue.putAudio(ctx, "indicator", id, language, () => uploadedFile(request));
    },
  );

  app.get("/api/v1/rating-scale", { schema: { tags, response: { 200: RatingScale } } }, async (request) =>
    catalogue.ratingScale(ctxOf(request)),
  );

  app.get(
    "/api/v1/rating-scale/:value/audio/:language",
    { schema: { tags, params: RatingAudioParams } },
    async (request, reply) => {
      const { value, language } = request.params;
      const file = await catalogue.getAudio(ctxOf(request), "rating", String(value), language);
      return reply.type(file.contentType).header("cache-control", "private, max-age=300").send(file.data);
    },
  );

  app.put(
    "/api/v1/rating-scale/:value/audio/:language",
    { schema: { tags, params: RatingAudioParams, response: { 200: AudioStored } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { value, language } = request.params;
      return catalogue.putAudio(ctx, "rating", String(value), language, () => uploadedFile(request));
    },
  );
}
