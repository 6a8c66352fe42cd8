import {
  SmsChannelActiveBody,
  SmsChannelBody,
  SmsChannelList,
  SmsChannelParams,
  SmsChannelSecret,
} from "../../../contracts/sms";
import { authorize } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { type App, created, ctxOf } from "../../platform/http";
import * as channels from "./sms.channels";
import { smsPolicy } from "./sms.policy";

const tags = ["sms"];

/** A refusal of the channel service as the API's answer (409 exists, 404 unknown, 400 otherwise). */
async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof channels.ChannelSettingsError)) throw error;
    if (error.code === "sms_channel_unknown") throw new AppError(404, "not_found", { entity: "sms_channel" });
    throw new AppError(error.code === "sms_channel_exists" ? 409 : 400, error.code);
  }
}

/** Administrators set up SMS channels (docs/sms.md); the same service as the command line. */
export async function smsAdminRoutes(app: App) {
  app.get(
    "/api/v1/sms/channels",
    { schema: { tags, response: { 200: SmsChannelList } } },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(smsPolicy, "sms:manage", ctx.actor, null);
      return { items: await channels.describeChannels(ctx.db) };
    },
  );

  app.post(
    "/api/v1/sms/channels",
    { schema: { tags, body: SmsChannelBody, response: { 201: SmsChannelSecret } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      authorize(smsPolicy, "sms:manage", ctx.actor, null);
      reply.header("cache-control", "no-store");
      const { secret } = await refusing(() =>
        channels.addChannel(ctx.db, request.server.contactCipher, request.body, undefined, ctx),
      );
      return created(reply, { id: request.body.id, secret });
    },
  );

  app.post(
    "/api/v1/sms/channels/:id/secret",
    { schema: { tags, params: SmsChannelParams, response: { 200: SmsChannelSecret } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      authorize(smsPolicy, "sms:manage", ctx.actor, null);
      reply.header("cache-control", "no-store");
      const { secret } = await refusing(() =>
        channels.rotateSecret(ctx.db, request.params.id, ctx.clock.now(), ctx),
      );
      return { id: request.params.id, secret };
    },
  );

  app.post(
    "/api/v1/sms/channels/:id/active",
    {
      schema: {
        tags,
        params: SmsChannelParams,
        body: SmsChannelActiveBody,
        response: { 200: SmsChannelList },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(smsPolicy, "sms:manage", ctx.actor, null);
      await refusing(() =>
        channels.setActive(ctx.db, request.params.id, request.body.active, ctx.clock.now(), ctx),
      );
      return { items: await channels.describeChannels(ctx.db) };
    },
  );
}
