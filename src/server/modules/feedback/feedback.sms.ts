import { uuidv7 } from "uuidv7";
import { normalisePhone } from "../../../domain/feedback/phone";
import { parseSms, type SmsRequest } from "../../../domain/feedback/sms-grammar";
import { levelOfCode } from "../../../domain/places";
import type { Db } from "../../db/database";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import * as facilities from "../facilities/facilities.service";
import * as places from "../places/places.service";
import * as smsService from "../sms/sms.service";
import { CODE_ATTEMPTS, type NewMessage, prepareMessage, receivedAudit } from "./feedback.intake";
import { currentLimits } from "./feedback.limits";
import * as repo from "./feedback.repo";
import { isTrackingCodeTaken, storeSmsMessage } from "./feedback.sms.repo";

/**
 * An SMS arriving from a gateway (issue 5, "SMS in"): what it asks (src/domain/feedback/sms-grammar.ts),
 * what it changes, and the reply, in one transaction. Feedback by SMS is the feedback module's: the
 * SMS module gives the channel, the inbound log, the opt-out list and the replies (sms.service.ts). A gateway that retries with the same provider id
 * gets the first outcome again and creates nothing new.
 */
export interface InboundSms {
  from: string;
  text: string;
  /** When the citizen sent it, as the gateway says (ISO 8601); the time of arrival otherwise. */
  date?: Date | null;
  providerId?: string | null;
}

export interface InboundOutcome {
  id: string;
  kind: smsService.SmsInboundRow["kind"];
  duplicate: boolean;
}

/** How far back a gateway's `date` is taken as the time of receipt. */
const GATEWAY_DATE_WINDOW_MS = 24 * 3600_000;

/** Whether a code is a commune in use, remembered for a while: the gazetteer changes once a year. */
const COMMUNE_CACHE_MS = 5 * 60_000;
const communeCache = new Map<string, { known: boolean; at: number }>();

async function isCommune(db: Db, code: string): Promise<boolean> {
  const hit = communeCache.get(code);
  if (hit && Date.now() - hit.at < COMMUNE_CACHE_MS) return hit.known;
  const [commune] = await places.findMany(db, [code]);
  const known = Boolean(commune && commune.level === "commune" && !commune.retiredAt);
  communeCache.set(code, { known, at: Date.now() });
  return known;
}

/** A commune code or a facility code, as an SMS names them; null when neither exists. */
async function resolveTarget(db: Db, target: string) {
  if (/^\d{6}$/.test(target) && levelOfCode(target) === "commune" && (await isCommune(db, target)))
    return { communeCode: target, sectorCode: null, facilityId: null };
  const facility = await facilities.publicIsafFacilityByCode(db, target);
  if (!facility) return null;
  return {
    communeCode: facility.communeCode,
    sectorCode: facility.kindCode as "PS" | "HC" | "CA",
    facilityId: facility.id,
  };
}

export async function receiveSms(
  deps: smsService.SmsDeps,
  channel: smsService.SmsChannelRow,
  input: InboundSms,
  ip: string | null,
): Promise<InboundOutcome> {
  const phone = normalisePhone(input.from);
  if (!phone) throw badRequest("validation_failed", [{ path: "from", code: "sms_sender_invalid" }]);
  const request: SmsRequest = parseSms(input.text);
  const target = request.kind === "message" ? await resolveTarget(deps.db, request.target) : null;
  const sms: Received = {
    channel,
    phone,
    senderHash: deps.cipher.hash(phone),
    locale: smsService.replyLocale(input.text),
    input,
    ip,
    id: uuidv7(),
  };
  const outcome =
    request.kind === "message" && target
      ? await storeNewMessage(deps, sms, request.text, target)
      : await answerRequest(deps, sms, request);
  if (!outcome.duplicate) deps.nudgeSender();
  return outcome;
}

/** What every path needs to know of the SMS at hand. */
interface Received {
  channel: smsService.SmsChannelRow;
  phone: string;
  senderHash: string;
  locale: "km" | "en";
  input: InboundSms;
  ip: string | null;
  id: string;
}

async function duplicateOf(db: Db, sms: Received): Promise<InboundOutcome> {
  const first = await smsService.findInbound(db, sms.channel.id, sms.input.providerId!);
  return { id: first!.id, kind: first!.kind, duplicate: true };
}

/** The hot path: a new message, stored with everything it brings in one statement (feedback.sms.repo.ts). */
async function storeNewMessage(
  deps: smsService.SmsDeps,
  sms: Received,
  text: string,
  target: NonNullable<Awaited<ReturnType<typeof resolveTarget>>>,
): Promise<InboundOutcome> {
  const now = deps.clock.now();
  // The citizen's own time, when the gateway's is believable: not in the future, and not so far back
  // (a gateway that held messages for days) that the due dates would already be past on arrival.
  const date = sms.input.date;
  const received =
    date && date <= now && now.getTime() - date.getTime() < GATEWAY_DATE_WINDOW_MS ? date : now;
  const input: NewMessage = { channel: "sms", ...target, topic: "other", text, senderFlaggedHarm: false };
  const limits = await currentLimits(deps.db);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const message = prepareMessage(input, received, limits);
    try {
      const stored = await storeSmsMessage(deps.db, {
        inbound: {
          id: sms.id,
          channelId: sms.channel.id,
          providerId: sms.input.providerId ?? null,
          senderHash: sms.senderHash,
          sentAt: sms.input.date ?? null,
        },
        message: { ...message, createdAt: received },
        contact: { phoneSealed: deps.cipher.seal(sms.phone), locale: sms.locale },
        receivedAudit: receivedAudit(message, true),
        ip: sms.ip,
        reply: {
          id: uuidv7(),
          toSealed: deps.cipher.seal(sms.phone),
          text: smsService.replies.received(sms.locale, message.trackingCode, message.answerDueOn),
        },
      });
      return stored ? { id: sms.id, kind: "message", duplicate: false } : duplicateOf(deps.db, sms);
    } catch (error) {
      if (!isTrackingCodeTaken(error)) throw error;
    }
  }
  throw new Error(`no free tracking code after ${CODE_ATTEMPTS} attempts`);
}

/** STOP, a status question, an unknown place, or a text that cannot be read: a reply, in one transaction. */
async function answerRequest(
  deps: smsService.SmsDeps,
  sms: Received,
  request: SmsRequest,
): Promise<InboundOutcome> {
  const kind: smsService.SmsInboundRow["kind"] = request.kind === "message" ? "unknown_target" : request.kind;
  const who = { actor: null, ip: sms.ip };
  return deps.db.transaction(async (tx): Promise<InboundOutcome> => {
    const inbound = await smsService.recordInbound(tx, {
      id: sms.id,
      channelId: sms.channel.id,
      providerId: sms.input.providerId ?? null,
      senderHash: sms.senderHash,
      kind,
      sentAt: sms.input.date ?? null,
    });
    if (!inbound) return duplicateOf(tx, sms);
    const reply = (text: string, purpose: smsService.SmsPurpose = "reply") =>
      smsService.queueSms(tx, deps.cipher, { channelId: sms.channel.id, phone: sms.phone, text, purpose });

    if (request.kind === "stop") {
      await smsService.optOut(tx, sms.senderHash);
      await audit(tx, who, { action: "sms.opted_out", entityType: "sms_inbound", entityId: sms.id });
      await reply(smsService.replies.stopped(sms.locale), "stopped");
      return { id: sms.id, kind, duplicate: false };
    }
    // Writing again is asking to be answered: the number leaves the opt-out list.
    if (await smsService.optIn(tx, sms.senderHash))
      await audit(tx, who, { action: "sms.opted_in", entityType: "sms_inbound", entityId: sms.id });
    if (request.kind === "message") await reply(smsService.replies.targetUnknown(sms.locale, request.target));
    else if (request.kind === "status") {
      const found = await repo.findByTrackingCode(tx, request.code);
      await reply(
        found
          ? smsService.replies.status(
              sms.locale,
              found.trackingCode,
              found.status,
              found.answerDueOn,
              found.answerText,
            )
          : smsService.replies.codeUnknown(sms.locale),
      );
    } else await reply(smsService.replies.help(sms.locale));
    return { id: sms.id, kind, duplicate: false };
  });
}
