import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../platform/http";
import { multipartFieldsAsBody } from "../../platform/request-input";
import { BODY_LIMIT, ChannelParams, gatewayRoutes, type SmsDeps } from "../sms/sms.service";
import { receiveSms } from "./feedback.sms";

const tags = ["sms"];

const Sender = z.string().trim().min(1).max(40);
/** RFC 3339: a date and a time with its offset (Z or ±hh:mm); any other form is refused (400). */
const SentAt = z.iso.datetime({ offset: true });

/**
 * An inbound SMS as gateways send it: the sender as `from` or `sender` (with or without "+"), the text
 * as `text`, when it was sent as `date` or `time`, and the gateway's own `id` for the message.
 */
const ReceiveFields = z
  .object({
    from: Sender.optional(),
    sender: Sender.optional(),
    text: z.string().max(1600),
    date: SentAt.optional(),
    time: SentAt.optional(),
    id: z.string().trim().min(1).max(200).optional(),
  })
  .refine((fields) => fields.from !== undefined || fields.sender !== undefined, {
    message: "field_required",
    path: ["from"],
  });
type ReceiveFields = z.infer<typeof ReceiveFields>;

const Received = z.object({
  id: z.string(),
  kind: z.enum(["message", "status", "stop", "unreadable", "unknown_target"]),
  duplicate: z.boolean(),
});

/**
 * A citizen's SMS, as the gateway sends it (issue 5, part 2; issue 13, part 11), under /api/sms/v1/
 * with the channel's own secret (sms.channel-auth.ts gatewayRoutes): it becomes a message, a status
 * answer, an opt-out or a help text (feedback.sms.ts). A POST as JSON, a form or multipart (as
 * RapidPro/courier's external channel and Android SMS gateways post), or a GET with the fields in
 * the query (docs/sms.md).
 */
export async function feedbackSmsRoutes(app: App, options: { deps: SmsDeps }) {
  const authenticate = await gatewayRoutes(app);
  const receive = (request: FastifyRequest, fields: ReceiveFields) => {
    const sentAt = fields.date ?? fields.time;
    return receiveSms(
      options.deps,
      request.smsChannel!,
      {
        from: (fields.from ?? fields.sender)!,
        text: fields.text,
        date: sentAt ? new Date(sentAt) : null,
        providerId: fields.id ?? null,
      },
      request.ip,
    );
  };
  app.post(
    "/api/sms/v1/channels/:channel/receive",
    {
      schema: { tags, security: [], params: ChannelParams, body: ReceiveFields, response: { 200: Received } },
      bodyLimit: BODY_LIMIT,
      onRequest: authenticate,
      preValidation: multipartFieldsAsBody({ fields: 20, fieldSize: BODY_LIMIT }),
    },
    async (request) => receive(request, request.body),
  );
  app.get(
    "/api/sms/v1/channels/:channel/receive",
    {
      schema: {
        tags,
        security: [],
        params: ChannelParams,
        querystring: ReceiveFields,
        response: { 200: Received },
      },
      onRequest: authenticate,
    },
    async (request) => receive(request, request.query),
  );
}
