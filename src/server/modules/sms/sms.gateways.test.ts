import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackContacts, feedbackMessages, smsInbound } from "../../db/schema";
import { createTestApp, TEST_CIPHER, type TestApp } from "../../test/harness";
import { addChannel, channelSettings } from "./sms.channels";

/**
 * SMS gateways as they are (issue 13, part 11): the receive webhook takes what RapidPro/courier's
 * external channel and common Android SMS gateways send — a GET with the fields in the query, a POST
 * as JSON, a form or multipart, the sender as `from` or `sender` (with or without "+"), the time as
 * `date` or `time` in RFC 3339 — and refuses any other time format with a 400 that stores nothing.
 */

let t: TestApp;
const SECRET = "gateway-shapes-secret";
const URL = "/api/sms/v1/channels/shapes/receive";
const SENT = "2026-12-07T09:30:00+07:00";
let sequence = 0;

const auth = { authorization: `Bearer ${SECRET}` };

function multipart(fields: Record<string, string>) {
  const boundary = "----samleng-gateway";
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    headers: { ...auth, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: `${parts.join("")}--${boundary}--\r\n`,
  };
}

type Shape = "json" | "form" | "multipart" | "query";

/** Sends `fields` the way `shape` says, to the receive webhook. */
function send(shape: Shape, fields: Record<string, string>) {
  if (shape === "query")
    return t.app.inject({ method: "GET", url: `${URL}?${new URLSearchParams(fields)}`, headers: auth });
  if (shape === "multipart") return t.app.inject({ method: "POST", url: URL, ...multipart(fields) });
  if (shape === "form")
    return t.app.inject({
      method: "POST",
      url: URL,
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });
  return t.app.inject({ method: "POST", url: URL, headers: auth, payload: fields });
}

/** The stored inbound SMS, its message and the sender's number as sealed. */
async function stored(inboundId: string) {
  const [inbound] = await t.db.select().from(smsInbound).where(eq(smsInbound.id, inboundId));
  const [message] = await t.db
    .select()
    .from(feedbackMessages)
    .where(eq(feedbackMessages.id, inbound!.feedbackMessageId!));
  const [contact] = await t.db
    .select()
    .from(feedbackContacts)
    .where(eq(feedbackContacts.feedbackMessageId, message!.id));
  return { inbound: inbound!, message: message!, phone: TEST_CIPHER.open(contact!.phoneSealed) };
}

beforeAll(async () => {
  t = await createTestApp();
  await addChannel(
    t.db,
    TEST_CIPHER,
    channelSettings({ id: "shapes", name: "Gateway shapes", sender: "8383", isDefault: true }),
    SECRET,
  );
});
afterAll(() => t.close());

describe("the receive webhook", () => {
  const cases: [Shape, "from" | "sender", "date" | "time", string][] = [
    ["json", "from", "date", "+85512345678"],
    ["json", "sender", "time", "85512345678"],
    ["form", "from", "time", "+85512345678"],
    ["form", "sender", "date", "012345678"],
    ["multipart", "from", "date", "+85512345678"],
    ["multipart", "sender", "time", "85512345678"],
    ["query", "from", "date", "+85512345678"],
    ["query", "sender", "time", "85512345678"],
  ];
  for (const [shape, senderField, timeField, number] of cases) {
    it(`takes ${shape} with "${senderField}" ${number} and "${timeField}"`, async () => {
      const id = `shape-${++sequence}`;
      const response = await send(shape, {
        [senderField]: number,
        text: `150101 ${shape} ${senderField} ${timeField}`,
        [timeField]: SENT,
        id,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ kind: "message", duplicate: false });
      const { inbound, message, phone } = await stored(response.json().id);
      expect(phone).toBe("85512345678");
      expect(message).toMatchObject({
        channel: "sms",
        communeCode: "150101",
        text: `${shape} ${senderField} ${timeField}`,
      });
      expect(inbound.sentAt?.toISOString()).toBe("2026-12-07T02:30:00.000Z");
      expect(inbound.providerId).toBe(id);
    });
  }

  it("takes a time in UTC (Z) and with a fraction of a second", async () => {
    const response = await send("form", {
      from: "012345678",
      text: "150101 utc",
      time: "2026-12-07T02:30:00.250Z",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await stored(response.json().id)).inbound.sentAt?.toISOString()).toBe("2026-12-07T02:30:00.250Z");
  });

  it("refuses any other time format, a missing sender and a NUL, storing nothing", async () => {
    const before = (await t.db.select().from(smsInbound)).length;
    for (const time of ["07/12/2026 09:30", "1765074600", "2026-12-07 09:30", "2026-12-07T09:30:00"]) {
      for (const shape of ["json", "form", "multipart", "query"] as const) {
        const response = await send(shape, { from: "012345678", text: "150101 when", time });
        expect(response.statusCode, `${shape} ${time}`).toBe(400);
        expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
        expect(response.json().errors).toEqual([expect.objectContaining({ path: "time" })]);
      }
    }
    for (const shape of ["json", "form", "multipart", "query"] as const) {
      const noSender = await send(shape, { text: "150101 who" });
      expect(noSender.statusCode, shape).toBe(400);
      expect(noSender.json().errors).toEqual([
        expect.objectContaining({ path: "from", code: "field_required" }),
      ]);
      const nul = await send(shape, { from: "012345678", text: "150101 a\u0000b" });
      expect(nul.statusCode, shape).toBe(400);
      expect(nul.json().errors).toEqual([expect.objectContaining({ path: "text", code: "field_has_nul" })]);
    }
    expect((await t.db.select().from(smsInbound)).length).toBe(before);
  });

  it("answers a multipart body that breaks off with 400, and a GET without the secret with 401", async () => {
    const broken = await t.app.inject({
      method: "POST",
      url: URL,
      headers: { ...auth, "content-type": "multipart/form-data; boundary=cut" },
      payload: '--cut\r\nContent-Disposition: form-data; name="from"\r\n\r\n0123',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("malformed_multipart");
    const unsigned = await t.app.inject({ method: "GET", url: `${URL}?from=012345678&text=150101+hi` });
    expect(unsigned.statusCode).toBe(401);
  });
});
