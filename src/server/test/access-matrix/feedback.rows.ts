import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import type { Role } from "../../../domain/roles";
import { feedbackMessages } from "../../db/schema";
import { addChannel, channelSettings } from "../../modules/sms/sms.channels";
import { replaceFacilities } from "../../modules/users/users.repo";
import { createFacility } from "../isaf-fixtures";
import {
  ANONYMOUS,
  type Expected,
  everyone,
  itemIds,
  type MatrixKit,
  type ModuleMatrix,
  type Outcome,
  only,
  outcomeOf,
  type Principal,
  type Row,
  shows,
  type Where,
} from "./kit";

/**
 * The feedback module's rows (feedback.policy.ts). Messages are sent through the public form, in
 * the matrix's in-area (Pursat) and out-of-area (Battambang) communes; a restricted one carries a
 * Khmer word for hitting. The general queue is read by the offices, the restricted one only by child
 * protection (not by administrators), and a restricted message is "not found" for everyone else.
 */
const READERS: Role[] = [
  "admin",
  "national_officer",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "service_provider",
  "ngo_staff",
];
const ANSWERERS: Role[] = [
  "admin",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "service_provider",
];
const CHILD_PROTECTION: Role[] = ["social_worker", "supervisor"];
/** Who may see a sender's number to call back: the council's CCWC focal point and child protection. */
const CALLERS: Role[] = ["commune_council"];
const QUEUE_FORBIDDEN = "403 feedback_queue_forbidden";

type Kind = "general" | "restricted";
const TEXT: Record<Kind, string> = {
  general: "បង្គន់សាលាត្រូវបានចាក់សោ",
  restricted: "អ្នកជិតខាងវាយខ្ញុំរាល់ថ្ងៃ",
};
const pair = () => ({ in: "", out: "" });
const fx: Record<Kind, { in: string; out: string }> = { general: pair(), restricted: pair() };
/** The same four messages, each with a phone number left for the answer. */
const withPhone: Record<Kind, { in: string; out: string }> = { general: pair(), restricted: pair() };

/** A general message of the in-area commune about its health centre: not the school director's. */
let aboutClinic = "";

/** The tracking codes of the messages made here, by id (an export lists codes). */
const codeOf = new Map<string, string>();

/** Which of a pair of messages a CSV export holds, as `shows` says it of a list. */
const exports =
  (fixture: () => { in: string; out: string }) =>
  (response: LightMyRequestResponse): Outcome => {
    if (response.statusCode !== 200) return outcomeOf(response);
    const { in: inside, out } = fixture();
    // The export writes codes grouped, as people read them.
    const has = (id: string) => response.body.includes(formatTrackingCode(codeOf.get(id)!));
    const seen = [has(inside) && "in", has(out) && "out"].filter(Boolean).join("+");
    return `200 ${seen || "none"}`;
  };

/** A new message, sent anonymously through the public form (with a number to call back); its id. */
async function newMessage(
  kit: MatrixKit,
  kind: Kind,
  where: Where,
  contactPhone: string | null = null,
  sectorCode: "PS" | "HC" = "PS",
): Promise<string> {
  const response = await kit.call(ANONYMOUS, "POST", "/api/public/v1/feedback", {
    communeCode: kit.places[where].commune,
    sectorCode,
    topic: "buildings_water_toilets",
    text: TEXT[kind],
    contactPhone,
  });
  expect(response.statusCode, response.body).toBe(201);
  const [row] = await kit
    .db()
    .select({ id: feedbackMessages.id, restricted: feedbackMessages.restricted })
    .from(feedbackMessages)
    .where(eq(feedbackMessages.trackingCode, response.json().trackingCode));
  expect(row.restricted).toBe(kind === "restricted");
  codeOf.set(row.id, response.json().trackingCode);
  return row.id;
}

/** The route's rows for the four messages: general and restricted, in and out of the area. */
function fourWays(
  route: string,
  expected: Record<Kind, Record<Where, Row["expect"]>>,
  send: (kind: Kind, where: Where) => (p: Principal) => ReturnType<Row["send"]>,
): Row[] {
  return (["general", "restricted"] as const).flatMap((kind) =>
    (["in", "out"] as const).map(
      (where): Row => ({
        route,
        record: `${kind === "restricted" ? "restricted, " : ""}${where === "in" ? "in area" : "out of area"}`,
        expect: expected[kind][where],
        send: send(kind, where),
      }),
    ),
  );
}

/** As `expected`, but not found for a service provider (the message is not about her facility). */
const notForProviders =
  (expected: Expected): Expected =>
  (p) =>
    p === "service_provider" ? 404 : expected(p);

/** Child protection in the area, nobody else: not even the national administrator. */
const childProtectionOnly = {
  in: only(CHILD_PROTECTION, 200, { denied: 404, national: 404 }),
  out: everyone(404),
};

export const feedbackMatrix: ModuleMatrix = {
  setup: async (kit) => {
    await addChannel(
      kit.db(),
      null,
      channelSettings({
        id: "matrix",
        name: "Matrix",
        sender: "8383",
        sendUrl: "https://gw.example/send",
        isDefault: true,
      }),
    );
    // The service provider directs a school of the in-area commune: messages about schools are hers.
    const school = await createFacility(kit.db(), { communeCode: kit.places.in.commune, kindCode: "PS" });
    await replaceFacilities(kit.db(), kit.userIdOf("service_provider")!, [school]);
    aboutClinic = await newMessage(kit, "general", "in", null, "HC");
    for (const kind of ["general", "restricted"] as const)
      for (const where of ["in", "out"] as const) {
        fx[kind][where] = await newMessage(kit, kind, where);
        withPhone[kind][where] = await newMessage(kit, kind, where, "012 345 678");
      }
  },

  rows: (kit) => {
    const { call } = kit;
    const onFresh =
      (action: string, body: (kind: Kind) => object) => (kind: Kind, where: Where) => async (p: Principal) =>
        call(p, "POST", `/api/v1/feedback/${await newMessage(kit, kind, where)}/${action}`, body(kind));
    return [
      {
        route: "GET /api/v1/feedback",
        record: "-",
        expect: only(READERS, "200 in", { denied: QUEUE_FORBIDDEN, national: "200 in+out" }),
        send: (p) => call(p, "GET", "/api/v1/feedback?queue=general&limit=100"),
        observe: shows(itemIds, () => fx.general),
      },
      {
        // The general queue never shows a restricted message.
        route: "GET /api/v1/feedback",
        record: "restricted, in area",
        expect: only(READERS, "200 none", { denied: QUEUE_FORBIDDEN }),
        send: (p) => call(p, "GET", "/api/v1/feedback?queue=general&limit=100"),
        observe: shows(itemIds, () => fx.restricted),
      },
      {
        route: "GET /api/v1/feedback",
        record: "restricted, in area",
        expect: only(CHILD_PROTECTION, "200 in", { denied: QUEUE_FORBIDDEN, national: QUEUE_FORBIDDEN }),
        send: (p) => call(p, "GET", "/api/v1/feedback?queue=restricted&limit=100"),
        observe: shows(itemIds, () => fx.restricted),
      },
      {
        route: "POST /api/v1/feedback/export",
        record: "-",
        expect: only(READERS, "200 in", { denied: QUEUE_FORBIDDEN, national: "200 in+out" }),
        send: (p) => call(p, "POST", "/api/v1/feedback/export", {}),
        observe: exports(() => fx.general),
      },
      {
        route: "POST /api/v1/feedback/export",
        record: "restricted, in area",
        expect: only(CHILD_PROTECTION, "200 in", { denied: QUEUE_FORBIDDEN, national: QUEUE_FORBIDDEN }),
        send: (p) => call(p, "POST", "/api/v1/feedback/export", { queue: "restricted" }),
        observe: exports(() => fx.restricted),
      },
      {
        // With the senders' numbers: only those who may call back in that queue.
        route: "POST /api/v1/feedback/export",
        record: "in area",
        expect: (p) =>
          p === "commune_council"
            ? "200 in"
            : only(READERS, "403 feedback_export_phones_forbidden", {
                denied: QUEUE_FORBIDDEN,
                national: "403 feedback_export_phones_forbidden",
              })(p),
        send: (p) =>
          call(p, "POST", "/api/v1/feedback/export", { withPhones: true, reason: "To call them back" }),
        observe: exports(() => withPhone.general),
      },
      ...fourWays(
        "GET /api/v1/feedback/:id",
        {
          general: {
            in: only(READERS, 200),
            out: only(READERS, 404, { denied: 404, national: 200 }),
          },
          restricted: childProtectionOnly,
        },
        (kind, where) => (p) => call(p, "GET", `/api/v1/feedback/${fx[kind][where]}`),
      ),
      {
        // Routing within the commune: the school's director does not read the health centre's messages.
        route: "GET /api/v1/feedback/:id",
        record: "in area, another service",
        expect: notForProviders(only(READERS, 200)),
        send: (p) => call(p, "GET", `/api/v1/feedback/${aboutClinic}`),
      },
      ...fourWays(
        "POST /api/v1/feedback/:id/answer",
        {
          general: {
            in: only(ANSWERERS, 200),
            out: only(ANSWERERS, 404, { denied: 404, national: 200 }),
          },
          restricted: childProtectionOnly,
        },
        onFresh("answer", () => ({ text: "The council will open the toilets on Monday.", version: 1 })),
      ),
      ...fourWays(
        "POST /api/v1/feedback/:id/contact",
        {
          // Readers who may not call back get 403; the national administrator reads but sees no numbers.
          general: {
            in: only(CALLERS, 200, { denied: 403, national: 403 }),
            out: only(CALLERS, 404, { denied: 404, national: 403 }),
          },
          restricted: childProtectionOnly,
        },
        (kind, where) => (p) =>
          call(p, "POST", `/api/v1/feedback/${withPhone[kind][where]}/contact`, {
            reason: "To call her back",
          }),
      ),
      ...fourWays(
        "POST /api/v1/feedback/:id/assign",
        {
          general: {
            in: only(ANSWERERS, 200),
            out: only(ANSWERERS, 404, { denied: 404, national: 200 }),
          },
          restricted: childProtectionOnly,
        },
        onFresh("assign", () => ({ take: true, version: 1 })),
      ),
      ...fourWays(
        "POST /api/v1/feedback/:id/restrict",
        {
          // Into the restricted queue: whoever reads the message; out of it: child protection.
          general: {
            in: only(READERS, 200),
            out: only(READERS, 404, { denied: 404, national: 200 }),
          },
          restricted: childProtectionOnly,
        },
        onFresh("restrict", (kind) => ({
          restricted: kind === "general",
          reason: "Checked with the sender's teacher",
          version: 1,
        })),
      ),
    ];
  },
};
