import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dammCheckDigit, formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { auditEvents, feedbackMessages } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";

/**
 * The citizen's side (issue 5): sending without a session, the tracking code, the lookup by code,
 * the form's lists. Each request comes from its own address unless a test is about the rate limit.
 */

let t: TestApp;
let facilityOfCommune: string;
let facilityElsewhere: string;
let clinicOfCommune: string;
const COMMUNE = "150101";

let lastIp = 0;
function send(method: "GET" | "POST", url: string, body?: object, ip?: string, language = "en") {
  lastIp += 1;
  return t.app.inject({
    method,
    url,
    remoteAddress: ip ?? `10.9.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`,
    headers: { "accept-language": language },
    ...(body ? { payload: body } : {}),
  });
}

const message = (overrides: object = {}) => ({
  communeCode: COMMUNE,
  sectorCode: "PS",
  topic: "buildings_water_toilets",
  text: "The school toilets are locked all day.",
  ...overrides,
});

async function stored(trackingCode: string) {
  const [row] = await t.db
    .select()
    .from(feedbackMessages)
    .where(eq(feedbackMessages.trackingCode, trackingCode));
  return row;
}

const khmerDigits = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));

beforeAll(async () => {
  t = await createTestApp();
  facilityOfCommune = await createFacility(t.db, { communeCode: COMMUNE, kindCode: "PS" });
  clinicOfCommune = await createFacility(t.db, { communeCode: COMMUNE, kindCode: "HC" });
  facilityElsewhere = await createFacility(t.db, { communeCode: "020101", kindCode: "PS" });
});
afterAll(() => t.close());

describe("sending feedback", () => {
  it("stores the message and answers 201 with a valid ten-digit code and the due date", async () => {
    const response = await send(
      "POST",
      "/api/public/v1/feedback",
      message({ facilityId: facilityOfCommune }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.trackingCode).toMatch(/^\d{10}$/);
    expect(dammCheckDigit(body.trackingCode)).toBe(0);
    expect(body.answerDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const row = await stored(body.trackingCode);
    expect(row).toMatchObject({
      channel: "web",
      communeCode: COMMUNE,
      sectorCode: "PS",
      facilityId: facilityOfCommune,
      status: "received",
      restricted: false,
      restrictedBecause: [],
      answerDueOn: body.answerDueOn,
      version: 1,
    });
    expect(row.createdAt.toISOString()).toBe(body.receivedAt);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
    expect(event).toMatchObject({ action: "feedback.received", actorId: null, placeCode: COMMUNE });
    expect(JSON.stringify(event.changes)).not.toContain("locked all day");
  });

  it("takes the sector from the facility when the sender does not say it", async () => {
    const response = await send(
      "POST",
      "/api/public/v1/feedback",
      message({ sectorCode: null, facilityId: clinicOfCommune }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect((await stored(response.json().trackingCode)).sectorCode).toBe("HC");
  });

  it("refuses a filled-in honeypot with a clear message in both languages, and stores nothing", async () => {
    const before = await t.db.$count(feedbackMessages);
    const body = message({ website: "http://spam.example" });
    const english = await send("POST", "/api/public/v1/feedback", body);
    expect(english.statusCode).toBe(400);
    expect(english.json()).toMatchObject({ code: "feedback_refused_robot" });
    expect(english.json().detail).toContain("reload the page");
    const khmer = await send("POST", "/api/public/v1/feedback", body, undefined, "km");
    expect(khmer.json().detail).toContain("ផ្ទុកទំព័រឡើងវិញ");
    expect(await t.db.$count(feedbackMessages)).toBe(before);
  });

  it("refuses an unknown commune, and a facility of another commune or service, with field errors", async () => {
    const unknown = await send("POST", "/api/public/v1/feedback", message({ communeCode: "159999" }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: "communeCode", code: "unknown_place" }),
    ]);

    const elsewhere = await send(
      "POST",
      "/api/public/v1/feedback",
      message({ facilityId: facilityElsewhere }),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([
      expect.objectContaining({ path: "facilityId", code: "feedback_facility_not_in_commune" }),
    ]);

    const otherService = await send(
      "POST",
      "/api/public/v1/feedback",
      message({ facilityId: clinicOfCommune }),
    );
    expect(otherService.json().errors).toEqual([
      expect.objectContaining({ path: "facilityId", code: "feedback_facility_other_sector" }),
    ]);

    const notCommune = await send("POST", "/api/public/v1/feedback", message({ communeCode: "1501" }));
    expect(notCommune.statusCode).toBe(400);
    expect(notCommune.json().errors[0].path).toBe("communeCode");
  });

  it("restricts a message with Khmer words of harm, or flagged by its sender, and says why", async () => {
    const words = await send("POST", "/api/public/v1/feedback", message({ text: "អ្នកជិតខាងវាយខ្ញុំរាល់ថ្ងៃ" }));
    expect(words.statusCode, words.body).toBe(201);
    expect(await stored(words.json().trackingCode)).toMatchObject({
      restricted: true,
      senderFlaggedHarm: false,
      restrictedBecause: ["វាយ"],
    });

    const flagged = await send(
      "POST",
      "/api/public/v1/feedback",
      message({ text: "Please help my friend", harm: true }),
    );
    expect(await stored(flagged.json().trackingCode)).toMatchObject({
      restricted: true,
      senderFlaggedHarm: true,
      restrictedBecause: ["sender"],
    });

    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, (await stored(words.json().trackingCode)).id));
    expect(JSON.stringify(event.changes)).not.toContain("វាយ");
  });

  it("answers 429 after five messages a minute from one address", async () => {
    const ip = "10.77.0.1";
    for (let i = 0; i < 5; i++)
      expect((await send("POST", "/api/public/v1/feedback", message(), ip)).statusCode).toBe(201);
    const sixth = await send("POST", "/api/public/v1/feedback", message(), ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe("rate_limited");
  });
});

describe("reading by tracking code", () => {
  it("shows the state, in Khmer digits with spaces too, but never the message", async () => {
    const { trackingCode } = (await send("POST", "/api/public/v1/feedback", message())).json();
    const typed = encodeURIComponent(khmerDigits(formatTrackingCode(trackingCode)));
    const response = await send("GET", `/api/public/v1/feedback/${typed}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      trackingCode,
      status: "received",
      answer: null,
      answeredAt: null,
    });
    expect(response.body).not.toContain("locked all day");
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("answers a wrong check digit, a malformed code and an unknown code with the same 404", async () => {
    const { trackingCode } = (await send("POST", "/api/public/v1/feedback", message())).json();
    const last = Number(trackingCode[9]);
    const wrongCheck = trackingCode.slice(0, 9) + String((last + 1) % 10);
    // A valid code that was never given: change a digit and recompute the check digit.
    const first9 = `${(Number(trackingCode[0]) + 1) % 10}${trackingCode.slice(1, 9)}`;
    const unknown = first9 + String(dammCheckDigit(first9));
    const bodies = [];
    for (const code of [wrongCheck, "12345", unknown]) {
      const response = await send("GET", `/api/public/v1/feedback/${code}`);
      expect(response.statusCode).toBe(404);
      bodies.push(response.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0])).toMatchObject({ code: "feedback_code_unknown" });
    expect(JSON.parse(bodies[0]).detail).toContain("Check the code");
  });

  it("answers 429 after thirty lookups a minute from one address", async () => {
    const ip = "10.77.0.2";
    for (let i = 0; i < 30; i++) await send("GET", "/api/public/v1/feedback/1234567890", undefined, ip);
    expect((await send("GET", "/api/public/v1/feedback/1234567890", undefined, ip)).statusCode).toBe(429);
  });
});

describe("the form's lists", () => {
  it("gives provinces, then the districts of a province and the communes of a district, never below", async () => {
    const provinces = await send("GET", "/api/public/v1/places");
    expect(provinces.statusCode).toBe(200);
    expect(provinces.json().items.length).toBe(25);
    expect(provinces.json().items[0]).toEqual({
      code: expect.any(String),
      level: "province",
      type: expect.any(String),
      nameKm: expect.any(String),
      nameEn: expect.any(String),
    });
    expect(provinces.headers["cache-control"]).toBe("public, max-age=60");
    const districts = (await send("GET", "/api/public/v1/places?parent=15")).json().items;
    expect(districts.every((place: { level: string }) => place.level === "district")).toBe(true);
    const communes = (await send("GET", "/api/public/v1/places?parent=1501")).json().items;
    expect(communes.map((place: { code: string }) => place.code)).toContain(COMMUNE);
    const below = await send("GET", `/api/public/v1/places?parent=${COMMUNE}`);
    expect(below.statusCode).toBe(400);
    expect(below.json().code).toBe("feedback_places_below_commune");
  });

  it("gives the active facilities of a commune for one service", async () => {
    const response = await send("GET", `/api/public/v1/feedback/facilities?commune=${COMMUNE}&sector=PS`);
    expect(response.statusCode, response.body).toBe(200);
    const ids = response.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(facilityOfCommune);
    expect(ids).not.toContain(clinicOfCommune);
    expect(Object.keys(response.json().items[0]).sort()).toEqual(["code", "id", "nameEn", "nameKm"]);
    expect((await send("GET", "/api/public/v1/feedback/facilities?commune=15&sector=PS")).statusCode).toBe(
      400,
    );
  });
});
