import fastifyFormbody from "@fastify/formbody";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors";
import type { App } from "../../platform/http";
import { authenticateChannel, receiveSms } from "./sms.inbound";
import type { SmsChannelRow } from "./sms.repo";
import * as reports from "./sms.reports";
import type { SmsDeps } from "./sms.service";

declare module "fastify" {
  interface FastifyRequest {
    /** The channel whose secret signed this gateway call (set as the request arrives). */
    smsChannel: SmsChannelRow | null;
  }
}

const tags = ["sms"];

/**
 * The gateway's side of SMS (issue 5, part 2), under /api/sms/v1/ (no session: each channel signs its
 * calls with its own secret, sent as `Authorization: Bearer <secret>`). Bodies are JSON or a form, as
 * RapidPro/courier's external channel posts them.
 */
const ChannelParams = z.object({ channel: z.string().regex(/^[a-z0-9-]{1,40}$/) });

/** An inbound SMS: `from`, `text`, optional `date` and the gateway's own `id` for the message. */
const ReceiveBody = z.object({
  from: z.string().trim().min(1).max(40),
  text: z.string().max(1600),
  date: z.iso.datetime({ offset: true }).optional(),
  id: z.string().trim().min(1).max(200).optional(),
});
const Received = z.object({
  id: z.string(),
  kind: z.enum(["message", "status", "stop", "unreadable", "unknown_target"]),
  duplicate: z.boolean(),
});

/** A delivery report: our id for the outbound SMS (the {{id}} of the send template). */
const ReportBody = z.object({ id: z.string().uuid() });
const Reported = z.object({ id: z.string(), status: z.string() });

/** Big enough for the longest SMS with its fields, small enough that junk is refused unread. */
const BODY_LIMIT = 16 * 1024;

function secretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export async function smsRoutes(app: App, options: { deps: SmsDeps }) {
  // Form bodies for this plugin's routes only (registered without fastify-plugin: encapsulated).
  await app.register(fastifyFormbody);
  // The secret is checked as the request arrives, before its body is read: a caller without it gets
  // 401 whatever it sends, and learns nothing about what a valid body looks like.
  app.decorateRequest("smsChannel", null);
  const authenticate = async (request: FastifyRequest) => {
    const { channel } = request.params as { channel: string };
    request.smsChannel = await authenticateChannel(request.server.db, channel, secretOf(request));
  };

  app.post(
    "/api/sms/v1/channels/:channel/receive",
    {
      schema: { tags, security: [], params: ChannelParams, body: ReceiveBody, response: { 200: Received } },
      bodyLimit: BODY_LIMIT,
      onRequest: authenticate,
    },
    async (request) => {
      return receiveSms(
        options.deps,
        request.smsChannel!,
        {
          from: request.body.from,
          text: request.body.text,
          date: request.body.date ? new Date(request.body.date) : null,
          providerId: request.body.id ?? null,
        },
        request.ip,
      );
    },
  );

  for (const status of ["sent", "delivered", "failed"] as const) {
    app.post(
      `/api/sms/v1/channels/:channel/${status}`,
      {
        schema: { tags, security: [], params: ChannelParams, body: ReportBody, response: { 200: Reported } },
        bodyLimit: BODY_LIMIT,
        onRequest: authenticate,
      },
      async (request) => {
        const row = await reports.deliveryReport(
          request.server.db,
          request.smsChannel!.id,
          request.body.id,
          status,
          request.server.clock.now(),
        );
        if (!row) throw new AppError(404, "not_found", { entity: "sms" });
        return { id: row.id, status: row.status };
      },
    );
  }
}
