import { existsSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { AUDIT_RECORD_NAMES } from "./audit-names";
import type { Database } from "./db/database";
import { EXPORT_KINDS } from "./exports";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authenticate, requireEnrolment } from "./modules/auth/auth.hook";
import { authRoutes } from "./modules/auth/auth.routes";
import { dashboardsRoutes } from "./modules/dashboards/dashboards.routes";
import { exportsRoutes } from "./modules/exports/exports.routes";
import { facilitiesRoutes } from "./modules/facilities/facilities.routes";
import { feedbackRoutes } from "./modules/feedback/feedback.routes";
import { feedbackSmsRoutes } from "./modules/feedback/feedback.sms.routes";
import { isafRoutes } from "./modules/isaf/isaf.routes";
import { jaapRoutes } from "./modules/jaap/jaap.routes";
import { organisationsRoutes } from "./modules/organisations/organisations.routes";
import { placesRoutes } from "./modules/places/places.routes";
import { publicRoutes } from "./modules/public/public.routes";
import { scorecardsRoutes } from "./modules/scorecards/scorecards.routes";
import { smsAdminRoutes } from "./modules/sms/sms.admin.routes";
import { smsRoutes } from "./modules/sms/sms.routes";
import { SMS_SEND_JOB } from "./modules/sms/sms.service";
import { syncRoutes } from "./modules/sync/sync.routes";
import { uploadsRoutes } from "./modules/uploads/uploads.routes";
import { organisationUserCountSql } from "./modules/users/people.service";
import { usersRoutes } from "./modules/users/users.routes";
import { WEB_DIST_DIR } from "./paths";
import { type Clock, systemClock } from "./platform/clock";
import type { ContactCipher } from "./platform/contact-cipher";
import { AppError } from "./platform/errors";
import { type JobRunner, noJobs } from "./platform/jobs";
import { problemHandler } from "./platform/problem";
import { databaseRateLimitStore } from "./platform/rate-limit-store";
import { refuseNulCharacters } from "./platform/request-input";
import { frameworkErrorHandler, securityHeaders } from "./platform/security-headers";
import { STEP_PREREQUISITES } from "./steps";
import { SYNC_REGISTRY } from "./sync";

export interface AppOptions {
  database: Database;
  secureCookies?: boolean;
  logLevel?: string;
  /** See Config.trustProxy. */
  trustProxy?: string | false;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Seals phone numbers; the key comes from SAMLENG_CONTACT_KEY or the data folder (main.ts). */
  contactCipher: ContactCipher;
  /** The job runner (main.ts starts it); none in API tests, which run job functions themselves. */
  jobs?: JobRunner;
  /** The time services read (ctx.clock); the system clock unless a test sets one. */
  clock?: Clock;
}

/** Builds the Fastify app: platform plugins, the auth hook, every module's routes, the web app. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: { level: options.logLevel ?? "warn" },
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // The router's refusals (a malformed URL, a path parameter too long) answer as every error does.
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.decorate("db", options.database.db);
  app.decorate("contactCipher", options.contactCipher);
  app.decorate("jobs", options.jobs ?? noJobs);
  app.decorate("clock", options.clock ?? systemClock);
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);

  app.addHook("onRequest", securityHeaders);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  // Counted in the database, so that a limit holds across server processes (docs/mechanisms/multi-process.md).
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(options.database.db) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Samleng API",
        version: "1",
        description: "Child-rights governance and social accountability.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "samleng_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.addHook("onRequest", authenticate);
  app.addHook("preValidation", refuseNulCharacters);
  app.addHook("preHandler", requireEnrolment);

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        response: {
          503: z.object({ status: z.literal("degraded"), database: z.literal("unreachable") }),
          200: z.object({
            status: z.enum(["ok", "degraded"]),
            database: z.enum(["reachable", "unreachable"]),
          }),
        },
      },
    },
    async (_request, reply) => {
      const reachable = await options.database.ping();
      if (!reachable) reply.code(503);
      return {
        status: reachable ? ("ok" as const) : ("degraded" as const),
        database: reachable ? ("reachable" as const) : ("unreachable" as const),
      };
    },
  );

  await app.register(authRoutes, { secureCookies: options.secureCookies ?? false });
  await app.register(placesRoutes);
  await app.register(facilitiesRoutes);
  await app.register(usersRoutes);
  // An organisation's user count is the users module's, which sits above organisations.
  await app.register(organisationsRoutes, { userCountSql: organisationUserCountSql });
  await app.register(auditRoutes, { names: AUDIT_RECORD_NAMES });
  await app.register(isafRoutes, { steps: STEP_PREREQUISITES });
  await app.register(scorecardsRoutes);
  await app.register(jaapRoutes);
  await app.register(dashboardsRoutes);
  await app.register(syncRoutes, { registry: SYNC_REGISTRY });
  await app.register(uploadsRoutes);
  await app.register(exportsRoutes, { kinds: EXPORT_KINDS });
  // Staff queues under /api/v1/, and the citizen form and lookup under /api/public/v1/ (no session).
  await app.register(feedbackRoutes);
  await app.register(smsAdminRoutes);
  // Gateways' webhooks, under /api/sms/ (no session: each channel signs its calls with its secret).
  const jobs = options.jobs ?? noJobs;
  // A citizen's SMS becomes feedback (the feedback module's receive route); delivery reports are SMS's.
  await app.register(feedbackSmsRoutes, {
    deps: {
      db: options.database.db,
      clock: app.clock,
      cipher: options.contactCipher,
      nudgeSender: () => jobs.nudge(SMS_SEND_JOB),
    },
  });
  await app.register(smsRoutes);
  // Open without a session, under /api/public/ (the auth hook asks for one only under /api/v1/).
  await app.register(publicRoutes);

  const webBuilt = options.serveWeb && existsSync(path.join(WEB_DIST_DIR, "index.html"));
  // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: WEB_DIST_DIR,
      wildcard: true,
      // Built assets have content hashes in their names; index.html must always be asked for again.
      setHeaders: (reply, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !webBuilt || request.method !== "GET")
      throw new AppError(404, "not_found", { entity: "route" });
    // Client-side routes: the single-page app handles them.
    return reply.sendFile("index.html");
  });
  return app;
}
