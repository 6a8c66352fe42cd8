import type { FastifyReply } from "fastify";
import {
  PublicCommune,
  PublicCommuneParams,
  PublicFacility,
  PublicFacilityParams,
} from "../../../contracts/public";
import type { App } from "../../platform/http";
import * as results from "./public.service";

const tags = ["public"];

/** Each client may read this many public pages a minute (per route). */
const RATE_LIMIT = { max: 120, timeWindow: "1 minute" };

/**
 * Results are the same for everyone: shared caches may keep them for a minute. The language of an
 * error message follows Accept-Language, hence Vary.
 */
function cacheable(reply: FastifyReply) {
  reply.header("cache-control", "public, max-age=60");
  reply.header("vary", "accept-language");
}

/**
 * The public results, open without a session (the auth hook asks for one only under /api/v1/).
 * GET only: any other method on these paths is answered 404 by the app's not-found handler.
 */
export async function publicRoutes(app: App) {
  app.get(
    "/api/public/v1/facilities/:id",
    {
      schema: { tags, security: [], params: PublicFacilityParams, response: { 200: PublicFacility } },
      config: { rateLimit: RATE_LIMIT },
    },
    async (request, reply) => {
      const body = await results.facilityResults(
        request.server.db,
        request.params.id,
        request.server.clock.now(),
      );
      cacheable(reply);
      return body;
    },
  );

  app.get(
    "/api/public/v1/communes/:code",
    {
      schema: { tags, security: [], params: PublicCommuneParams, response: { 200: PublicCommune } },
      config: { rateLimit: RATE_LIMIT },
    },
    async (request, reply) => {
      const body = await results.communeResults(
        request.server.db,
        request.params.code,
        request.server.clock.now(),
      );
      cacheable(reply);
      return body;
    },
  );
}
