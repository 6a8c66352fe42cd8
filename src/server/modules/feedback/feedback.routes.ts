import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  AnswerFeedbackBody,
  AssignFeedbackBody,
  FeedbackByCode,
  FeedbackContact,
  FeedbackContactBody,
  FeedbackExportBody,
  FeedbackFigures,
  FeedbackFiguresQuery,
  FeedbackItem,
  FeedbackListQuery,
  FeedbackPage,
  FeedbackParams,
  FeedbackSector,
  FeedbackSmsInfo,
  RestrictFeedbackBody,
  SubmitFeedbackBody,
  SubmittedFeedback,
  TrackingParams,
} from "../../../contracts/feedback";
import { PlaceChildrenQuery, PlaceSummary } from "../../../contracts/places";
import { AppError } from "../../platform/errors";
import { type App, created, ctxOf, localeOf } from "../../platform/http";
import { SMS_SEND_JOB } from "../sms/sms.service";
import { exportMessages } from "./feedback.export";
import { figures, figuresCsv } from "./feedback.figures";
import * as citizens from "./feedback.public";
import * as staff from "./feedback.service";

const tags = ["feedback"];

/**
 * Per client address and route. Sending is the strictest: a person sends a message or two, a robot
 * hundreds. Looking up codes is limited too, so that codes cannot be guessed by trying (one in a
 * billion per try). The place and facility lists are reference data, limited like the public pages.
 */
const SUBMIT_LIMIT = { max: 5, timeWindow: "1 minute" };
const LOOKUP_LIMIT = { max: 30, timeWindow: "1 minute" };
const LIST_LIMIT = { max: 120, timeWindow: "1 minute" };

/** The public form's lists (not in contracts/feedback.ts: they are the form's reference data). */
const PublicPlaces = z.object({ items: z.array(PlaceSummary) });
const FacilitiesQuery = z.object({ commune: z.string().regex(/^\d{6}$/), sector: FeedbackSector });
const PublicFacilities = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), nameKm: z.string(), nameEn: z.string() })),
});

/** Reference lists are the same for everyone; the language of an error follows Accept-Language. */
function cacheable(reply: FastifyReply) {
  reply.header("cache-control", "public, max-age=60");
  reply.header("vary", "accept-language");
}

/** A message's state may change at any time, and the answer is for the sender only: never cached. */
function private_(reply: FastifyReply) {
  reply.header("cache-control", "no-store");
}

/**
 * The honeypot, before validation: a robot that fills in the hidden `website` field hears a clear
 * refusal (rather than a field error about a field people never see), and nothing is stored.
 */
async function refuseRobots(request: FastifyRequest) {
  const website = (request.body as { website?: unknown } | null)?.website;
  if (website !== undefined && website !== null && website !== "")
    throw new AppError(400, "feedback_refused_robot");
}

/** Citizen feedback (issue 5): the public form and lookup, and the staff queues. */
export async function feedbackRoutes(app: App) {
  // ---- public: no session (the auth hook asks for one only under /api/v1/) ----------------------
  app.post(
    "/api/public/v1/feedback",
    {
      schema: { tags, security: [], body: SubmitFeedbackBody, response: { 201: SubmittedFeedback } },
      config: { rateLimit: SUBMIT_LIMIT },
      preValidation: refuseRobots,
    },
    async (request, reply) => {
      private_(reply);
      const deps = { cipher: request.server.contactCipher, locale: localeOf(request) };
      const now = request.server.clock.now();
      return created(reply, await citizens.submit(request.server.db, deps, request.ip, request.body, now));
    },
  );

  app.get(
    "/api/public/v1/feedback/sms",
    {
      schema: { tags, security: [], response: { 200: FeedbackSmsInfo } },
      config: { rateLimit: LIST_LIMIT },
    },
    async (request, reply) => {
      cacheable(reply);
      return citizens.smsInfo(request.server.db);
    },
  );

  app.get(
    "/api/public/v1/feedback/figures",
    {
      schema: { tags, security: [], querystring: FeedbackFiguresQuery, response: { 200: FeedbackFigures } },
      config: { rateLimit: LIST_LIMIT },
    },
    async (request, reply) => {
      cacheable(reply);
      const { place, year } = request.query;
      return figures(request.server.db, place, year, request.server.clock.now());
    },
  );

  app.get(
    "/api/public/v1/feedback/figures.csv",
    { schema: { tags, security: [], querystring: FeedbackFiguresQuery }, config: { rateLimit: LIST_LIMIT } },
    async (request, reply) => {
      const { place, year } = request.query;
      const body = await figures(request.server.db, place, year, request.server.clock.now());
      cacheable(reply);
      reply.header("content-type", "text/csv; charset=utf-8");
      reply.header(
        "content-disposition",
        `attachment; filename="feedback-${place ?? "cambodia"}-${body.year}.csv"`,
      );
      return figuresCsv(body);
    },
  );

  app.get(
    "/api/public/v1/feedback/:code",
    {
      schema: { tags, security: [], params: TrackingParams, response: { 200: FeedbackByCode } },
      config: { rateLimit: LOOKUP_LIMIT },
    },
    async (request, reply) => {
      private_(reply);
      return citizens.byCode(request.server.db, request.params.code);
    },
  );

  app.get(
    "/api/public/v1/places",
    {
      schema: { tags, security: [], querystring: PlaceChildrenQuery, response: { 200: PublicPlaces } },
      config: { rateLimit: LIST_LIMIT },
    },
    async (request, reply) => {
      const body = await citizens.placesUnder(request.server.db, request.query.parent);
      cacheable(reply);
      return body;
    },
  );

  app.get(
    "/api/public/v1/feedback/facilities",
    {
      schema: { tags, security: [], querystring: FacilitiesQuery, response: { 200: PublicFacilities } },
      config: { rateLimit: LIST_LIMIT },
    },
    async (request, reply) => {
      const body = await citizens.facilitiesOf(
        request.server.db,
        request.query.commune,
        request.query.sector,
      );
      cacheable(reply);
      return body;
    },
  );

  // ---- staff -----------------------------------------------------------------------------------
  app.get(
    "/api/v1/feedback",
    { schema: { tags, querystring: FeedbackListQuery, response: { 200: FeedbackPage } } },
    async (request) => staff.list(ctxOf(request), request.query),
  );

  app.post(
    "/api/v1/feedback/export",
    { schema: { tags, body: FeedbackExportBody } },
    async (request, reply) => {
      const file = await exportMessages(ctxOf(request), request.server.contactCipher, request.body);
      private_(reply);
      reply.header("content-type", "text/csv; charset=utf-8");
      reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
      reply.header("x-row-count", String(file.rows));
      return file.body;
    },
  );

  app.get(
    "/api/v1/feedback/:id",
    { schema: { tags, params: FeedbackParams, response: { 200: FeedbackItem } } },
    async (request) => staff.get(ctxOf(request), request.params.id),
  );

  app.post(
    "/api/v1/feedback/:id/answer",
    { schema: { tags, params: FeedbackParams, body: AnswerFeedbackBody, response: { 200: FeedbackItem } } },
    async (request) => {
      const answered = await staff.answer(ctxOf(request), request.params.id, request.body);
      request.server.jobs.nudge(SMS_SEND_JOB);
      return answered;
    },
  );

  app.post(
    "/api/v1/feedback/:id/contact",
    {
      schema: { tags, params: FeedbackParams, body: FeedbackContactBody, response: { 200: FeedbackContact } },
    },
    async (request, reply) => {
      private_(reply);
      return staff.contact(ctxOf(request), request.params.id, request.body);
    },
  );

  app.post(
    "/api/v1/feedback/:id/assign",
    { schema: { tags, params: FeedbackParams, body: AssignFeedbackBody, response: { 200: FeedbackItem } } },
    async (request) => staff.assign(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/feedback/:id/restrict",
    { schema: { tags, params: FeedbackParams, body: RestrictFeedbackBody, response: { 200: FeedbackItem } } },
    async (request) => staff.restrict(ctxOf(request), request.params.id, request.body),
  );
}
