import { z } from "zod";
import type { App } from "../../platform/http";
import { BODY_LIMIT, ChannelParams, gatewayRoutes, type SmsDeps } from "../sms/sms.service";
import { receiveSms } from "./feedback.sms";

const tags = ["sms"];

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

/**
 * A citizen's SMS, as the gateway posts it (issue 5, part 2), under /api/sms/v1/ with the channel's
 * own secret (sms.routes.ts gatewayRoutes): it becomes a message, a status answer, an opt-out or a help
 * text (feedback.sms.ts). JSON or a form, as RapidPro/courier's external channel posts it.
 */
export async function feedbackSmsRoutes(app: App, options: { deps: SmsDeps }) {
  const authenticate = await gatewayRoutes(app);
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
}
