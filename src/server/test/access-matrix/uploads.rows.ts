import { createHash } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { uuidv7 } from "uuidv7";
import type { Role } from "../../../domain/roles";
import { everyone, type MatrixKit, type ModuleMatrix, only, type Principal, type Row } from "./kit";

/**
 * The resumable uploads' rows. Every role but viewer may upload (uploads.policy.ts); an upload is
 * its uploader's alone, so each principal works on an upload of its own, and anyone else's is not
 * found, whatever the role (even for the national administrator).
 */
const UPLOADERS: readonly Role[] = [
  "admin",
  "national_officer",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "ngo_staff",
  "facilitator",
  "service_provider",
  "social_worker",
  "supervisor",
];

const FILE = Buffer.from("a photo of a village meeting, in one chunk");
const OCTETS = { "content-type": "application/octet-stream" };

const fileBody = (id: string) => ({
  id,
  fileName: "meeting.jpg",
  contentType: "image/jpeg",
  byteSize: FILE.length,
  sha256: createHash("sha256").update(FILE).digest("hex"),
});

const fixtures = { othersUpload: "" };

async function expectOk(response: Promise<LightMyRequestResponse>) {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`matrix setup: ${answer.statusCode} ${answer.body}`);
  return answer;
}

/** An upload the principal started (with its one chunk sent when `withChunk`); null when it may not upload. */
async function ownUpload(kit: MatrixKit, p: Principal, withChunk = false): Promise<string | null> {
  if (p === "anonymous") return fixtures.othersUpload;
  const id = uuidv7();
  const started = await kit.call(p, "POST", "/api/v1/uploads", fileBody(id));
  if (started.statusCode === 403) return null;
  if (started.statusCode !== 201) throw new Error(`matrix: ${started.statusCode} ${started.body}`);
  if (withChunk) await expectOk(kit.call(p, "PUT", `/api/v1/uploads/${id}/chunks/0`, FILE, OCTETS));
  return id;
}

/** The principal's request on an upload of its own, or null when it has none. */
const onOwn =
  (
    kit: MatrixKit,
    request: (p: Principal, id: string) => Promise<LightMyRequestResponse>,
    withChunk = false,
  ) =>
  async (p: Principal) => {
    const id = await ownUpload(kit, p, withChunk);
    return id === null ? null : request(p, id);
  };

export const uploadsMatrix: ModuleMatrix = {
  setup: async (kit) => {
    // Someone who is none of the principals: even the national administrator is not them.
    const someone = await kit.twin("facilitator");
    fixtures.othersUpload = uuidv7();
    await expectOk(kit.send(someone, "POST", "/api/v1/uploads", fileBody(fixtures.othersUpload)));
  },

  rows: (kit) => {
    const { call } = kit;
    const chunk = (p: Principal, id: string) =>
      call(p, "PUT", `/api/v1/uploads/${id}/chunks/0`, FILE, OCTETS);
    const rows: Row[] = [
      {
        route: "POST /api/v1/uploads",
        record: "-",
        expect: only(UPLOADERS, 201),
        send: (p) => call(p, "POST", "/api/v1/uploads", fileBody(uuidv7())),
      },
      {
        route: "GET /api/v1/uploads/:id",
        record: "own",
        expect: only(UPLOADERS, 200, { denied: "n/a" }),
        send: onOwn(kit, (p, id) => call(p, "GET", `/api/v1/uploads/${id}`)),
      },
      {
        route: "GET /api/v1/uploads/:id",
        record: "someone else's",
        expect: everyone(404),
        send: (p) => call(p, "GET", `/api/v1/uploads/${fixtures.othersUpload}`),
      },
      {
        route: "PUT /api/v1/uploads/:id/chunks/:index",
        record: "own",
        expect: only(UPLOADERS, 200, { denied: "n/a" }),
        send: onOwn(kit, chunk),
      },
      {
        route: "PUT /api/v1/uploads/:id/chunks/:index",
        record: "someone else's",
        expect: everyone(404),
        send: (p) => chunk(p, fixtures.othersUpload),
      },
      {
        route: "POST /api/v1/uploads/:id/complete",
        record: "own",
        expect: only(UPLOADERS, 200, { denied: "n/a" }),
        send: onOwn(kit, (p, id) => call(p, "POST", `/api/v1/uploads/${id}/complete`), true),
      },
      {
        route: "POST /api/v1/uploads/:id/complete",
        record: "someone else's",
        expect: everyone(404),
        send: (p) => call(p, "POST", `/api/v1/uploads/${fixtures.othersUpload}/complete`),
      },
    ];
    return rows;
  },
};
