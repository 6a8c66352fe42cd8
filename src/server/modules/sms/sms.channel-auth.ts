import { createHash, timingSafeEqual } from "node:crypto";
import fastifyFormbody from "@fastify/formbody";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database";
import { AppError } from "../../platform/errors";
import type { App } from "../../platform/http";
import * as repo from "./sms.repo";

/**
 * Which channel signed a gateway's call: each channel has its own secret, sent as a bearer token
 * (sms.routes.ts, and the feedback module's receive route, feedback.sms.routes.ts).
 */

const unauthorised = () => new AppError(401, "sms_channel_unauthorised");
const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Channels are read on every message; a few seconds' cache spares the database, and a rotated secret
 * or a channel turned off takes effect within CHANNEL_CACHE_MS. */
const CHANNEL_CACHE_MS = 5_000;
const channelCache = new Map<string, { row: repo.SmsChannelRow; at: number }>();

async function cachedChannel(db: Db, id: string) {
  // Only ids that can exist are looked up, and only channels that exist are kept: an unsigned caller
  // trying names cannot grow this map.
  if (!/^[a-z0-9-]{1,40}$/.test(id)) return null;
  const hit = channelCache.get(id);
  if (hit && Date.now() - hit.at < CHANNEL_CACHE_MS) return hit.row;
  const row = await repo.findChannel(db, id);
  if (row) channelCache.set(id, { row, at: Date.now() });
  return row;
}

/** The channel whose secret this is; 401 alike for an unknown channel, a wrong secret, a channel off. */
export async function authenticateChannel(db: Db, id: string, secret: string | undefined) {
  const channel = await cachedChannel(db, id);
  if (!channel?.active || !secret) throw unauthorised();
  const expected = Buffer.from(channel.secretHash, "hex");
  if (!timingSafeEqual(sha256(secret), expected)) throw unauthorised();
  return channel;
}

/** Forget cached channels (after a channel is changed in this process). */
export function forgetChannels() {
  channelCache.clear();
}

declare module "fastify" {
  interface FastifyRequest {
    /** The channel whose secret signed this gateway call (set as the request arrives). */
    smsChannel: repo.SmsChannelRow | null;
  }
}

/**
 * The gateway's side of SMS (issue 5, part 2), under /api/sms/v1/ (no session: each channel signs its
 * calls with its own secret, sent as `Authorization: Bearer <secret>`). Bodies are JSON or a form, as
 * RapidPro/courier's external channel posts them.
 */
export const ChannelParams = z.object({ channel: z.string().regex(/^[a-z0-9-]{1,40}$/) });

/** Big enough for the longest SMS with its fields, small enough that junk is refused unread. */
export const BODY_LIMIT = 16 * 1024;

function secretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * What every gateway route of a plugin needs: form bodies (RapidPro posts forms) for the plugin's own
 * routes (registered without fastify-plugin: encapsulated), and the channel's secret checked as the
 * request arrives, before its body is read: a caller without it gets 401 whatever it sends, and
 * learns nothing about what a valid body looks like. Returns the onRequest hook that sets smsChannel.
 */
export async function gatewayRoutes(app: App) {
  await app.register(fastifyFormbody);
  app.decorateRequest("smsChannel", null);
  return async (request: FastifyRequest) => {
    const { channel } = request.params as { channel: string };
    request.smsChannel = await authenticateChannel(request.server.db, channel, secretOf(request));
  };
}
