import { z } from "zod";
import { AppError } from "../../platform/errors";
import type { App } from "../../platform/http";
import { BODY_LIMIT, ChannelParams, gatewayRoutes } from "./sms.channel-auth";
import * as reports from "./sms.reports";

const tags = ["sms"];

/** A delivery report: our id for the outbound SMS (the {{id}} of the send template). */
const ReportBody = z.object({ id: z.string().uuid() });
const Reported = z.object({ id: z.string(), status: z.string() });

/** Delivery reports: the gateway says what became of a text we asked it to send. */
export async function smsRoutes(app: App) {
  const authenticate = await gatewayRoutes(app);

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
