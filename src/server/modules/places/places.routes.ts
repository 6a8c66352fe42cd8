import {
  GeoParams,
  GeoQuery,
  Place,
  PlaceChildrenQuery,
  PlaceList,
  PlaceParams,
  PlaceSearchQuery,
} from "../../../contracts/places";
import { type App, ctxOf } from "../../platform/http";
import { boundaries } from "./geo.service";
import * as places from "./places.service";

const tags = ["places"];

export async function placesRoutes(app: App) {
  app.get(
    "/api/v1/places",
    { schema: { tags, querystring: PlaceChildrenQuery, response: { 200: PlaceList } } },
    async (request) => {
      const ctx = ctxOf(request);
      return { items: await places.children(ctx.db, request.query.parent) };
    },
  );

  app.get(
    "/api/v1/places/search",
    { schema: { tags, querystring: PlaceSearchQuery, response: { 200: PlaceList } } },
    async (request) => {
      const ctx = ctxOf(request);
      return { items: await places.search(ctx.db, request.query) };
    },
  );

  app.get(
    "/api/v1/places/:code",
    { schema: { tags, params: PlaceParams, response: { 200: Place } } },
    async (request) => {
      const ctx = ctxOf(request);
      return places.get(ctx.db, request.params.code);
    },
  );

  // GeoJSON boundaries: immutable public data, sent as prepared text (no response schema to re-validate 2 MB).
  app.get(
    "/api/v1/geo/:level",
    { schema: { tags, params: GeoParams, querystring: GeoQuery } },
    async (request, reply) => {
      ctxOf(request);
      reply.header("content-type", "application/geo+json; charset=utf-8");
      reply.header("cache-control", "private, max-age=86400");
      return boundaries(request.params.level, request.query.within);
    },
  );
}
