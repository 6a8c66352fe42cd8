import { z } from "zod";

/** SMS channels (docs/sms.md), set up by administrators: POST /api/v1/sms/channels. */
export const SmsChannelId = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const SmsChannelBody = z.object({
  id: SmsChannelId,
  name: z.string().trim().min(1).max(200),
  /** The short code or number citizens text. */
  sender: z.string().trim().min(1).max(40),
  /** The gateway's send URL template; null for a channel that only receives. */
  sendUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  sendMethod: z.enum(["GET", "POST"]).default("POST"),
  sendContentType: z
    .enum(["application/json", "application/x-www-form-urlencoded"])
    .default("application/json"),
  sendBody: z.string().max(4000).nullable().default(null),
  /** The gateway's Authorization header value; stored sealed, never shown again. */
  sendAuthorization: z.string().max(1000).nullable().default(null),
  isDefault: z.boolean().default(false),
});

export const SmsChannelParams = z.object({ id: SmsChannelId });
export const SmsChannelActiveBody = z.object({ active: z.boolean() });

/** The webhook secret, shown once, when a channel is made or its secret replaced. */
export const SmsChannelSecret = z.object({ id: z.string(), secret: z.string() });

export const SmsChannelItem = z.object({
  id: z.string(),
  name: z.string(),
  sender: z.string(),
  active: z.boolean(),
  isDefault: z.boolean(),
  /** "POST gateway.example" or "no gateway": never the URL's path or query, which may hold a key. */
  sends: z.string(),
  /** Outbound SMS by status. */
  outbound: z.record(z.string(), z.number()),
});
export const SmsChannelList = z.object({ items: z.array(SmsChannelItem) });
