import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/database";
import { type AuditWho, audit } from "../../platform/audit";
import type { ContactCipher } from "../../platform/contact-cipher";
import { forgetChannels } from "./sms.channel-auth";
import * as repo from "./sms.repo";

/**
 * Setting up SMS channels (operators, through `npm run samleng -- sms-channel …`). The webhook secret
 * is made here and shown once; only its SHA-256 is kept. The gateway's credentials are sealed.
 */
export interface ChannelSettings {
  id: string;
  name: string;
  sender: string;
  sendUrl: string | null;
  sendMethod: "GET" | "POST";
  sendContentType: "application/json" | "application/x-www-form-urlencoded";
  sendBody: string | null;
  /** The value of the Authorization header the gateway expects, if any. */
  sendAuthorization: string | null;
  isDefault: boolean;
}

export class ChannelSettingsError extends Error {
  constructor(
    message: string,
    /** The API's code for this refusal. */
    readonly code:
      | "sms_channel_exists"
      | "sms_channel_unknown"
      | "sms_channel_invalid" = "sms_channel_invalid",
  ) {
    super(message);
  }
}

/** A channel's settings with the usual defaults: receive only (no gateway), POST JSON, not default. */
export function channelSettings(
  settings: Pick<ChannelSettings, "id" | "name" | "sender"> & Partial<ChannelSettings>,
): ChannelSettings {
  return {
    sendUrl: null,
    sendMethod: "POST",
    sendContentType: "application/json",
    sendBody: null,
    sendAuthorization: null,
    isDefault: false,
    ...settings,
  };
}

function check(settings: ChannelSettings) {
  if (!/^[a-z0-9-]{1,40}$/.test(settings.id))
    throw new ChannelSettingsError("the id takes lower-case letters, digits and dashes (at most 40)");
  if (!settings.name.trim()) throw new ChannelSettingsError("the name is empty");
  if (!settings.sender.trim()) throw new ChannelSettingsError("the sender (short code or number) is empty");
  if (settings.sendUrl !== null) {
    let url: URL;
    try {
      url = new URL(settings.sendUrl.replace(/\{\{[^}]*\}\}/g, "x"));
    } catch {
      throw new ChannelSettingsError("the send URL is not a URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new ChannelSettingsError("the send URL must be http or https");
  }
}

/** Changes from the command line are the system's; from the API, the administrator's. */
const SYSTEM: AuditWho = { actor: null, ip: null };

export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");
const newSecret = () => randomBytes(24).toString("base64url");

/** Creates a channel; returns its webhook secret, which is never shown again. */
export async function addChannel(
  db: Db,
  cipher: ContactCipher | null,
  settings: ChannelSettings,
  secret = newSecret(),
  who: AuditWho = SYSTEM,
) {
  check(settings);
  if (settings.sendAuthorization && !cipher) throw new Error("gateway credentials need the contact cipher");
  if (await repo.findChannel(db, settings.id))
    throw new ChannelSettingsError(`channel "${settings.id}" exists`, "sms_channel_exists");
  await db.transaction(async (tx) => {
    await repo.insertChannel(tx, {
      id: settings.id,
      name: settings.name.trim(),
      sender: settings.sender.trim(),
      secretHash: hashSecret(secret),
      sendUrl: settings.sendUrl,
      sendMethod: settings.sendMethod,
      sendContentType: settings.sendContentType,
      sendBody: settings.sendBody,
      sendAuthorizationSealed: settings.sendAuthorization ? cipher!.seal(settings.sendAuthorization) : null,
      isDefault: settings.isDefault,
    });
    await audit(tx, who, {
      action: "sms_channel.created",
      entityType: "sms_channel",
      entityId: settings.id,
      changes: {
        sendUrl: { from: null, to: settings.sendUrl === null ? null : "set" },
        isDefault: { from: null, to: settings.isDefault },
      },
    });
  });
  forgetChannels();
  return { secret };
}

/** Gives a channel a new webhook secret (the old one stops working at once in this process). */
export async function rotateSecret(db: Db, id: string, now: Date, who: AuditWho = SYSTEM) {
  const secret = newSecret();
  await db.transaction(async (tx) => {
    const row = await repo.updateChannel(tx, id, { secretHash: hashSecret(secret) }, now);
    if (!row) throw new ChannelSettingsError(`no channel "${id}"`, "sms_channel_unknown");
    await audit(tx, who, { action: "sms_channel.secret_rotated", entityType: "sms_channel", entityId: id });
  });
  forgetChannels();
  return { secret };
}

/** Turns a channel on or off: off, its webhook refuses calls and nothing more is sent through it. */
export async function setActive(db: Db, id: string, active: boolean, now: Date, who: AuditWho = SYSTEM) {
  await db.transaction(async (tx) => {
    const row = await repo.updateChannel(tx, id, { active }, now);
    if (!row) throw new ChannelSettingsError(`no channel "${id}"`, "sms_channel_unknown");
    await audit(tx, who, {
      action: "sms_channel.updated",
      entityType: "sms_channel",
      entityId: id,
      changes: { active: { from: !active, to: active } },
    });
  });
  forgetChannels();
}

export async function channelExists(db: Db, id: string): Promise<boolean> {
  return (await repo.findChannel(db, id)) !== null;
}

/** Channels with their outbound counts by status, for the operator. */
export async function describeChannels(db: Db) {
  const [channels, counts] = await Promise.all([repo.listChannels(db), repo.outboundCounts(db)]);
  return channels.map((channel) => ({
    id: channel.id,
    name: channel.name,
    sender: channel.sender,
    active: channel.active,
    isDefault: channel.isDefault,
    sends: channel.sendUrl
      ? `${channel.sendMethod} ${new URL(channel.sendUrl.replace(/\{\{[^}]*\}\}/g, "x")).host}`
      : "no gateway",
    outbound: Object.fromEntries(
      counts.filter((c) => c.channelId === channel.id).map((c) => [c.status, c.n]),
    ),
  }));
}
