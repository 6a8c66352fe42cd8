import type { LightMyRequestResponse } from "fastify";
import { CHILD_PROTECTION_ROLES, type Role } from "../../../domain/roles";
import { ANONYMOUS, both, everyone, type MatrixKit, type ModuleMatrix, only, type Principal } from "./kit";

/**
 * The exports module's rows (modules/exports): whoever may read what an export holds may ask for it
 * (the feedback queues as feedback.policy.ts says, the dashboards as the dashboards do); an export is
 * its requester's alone, anyone else's reads as not found. No job runs here, so a file asked for is
 * not written yet (409); exports.test.ts writes and downloads them.
 */
const FEEDBACK_READERS: Role[] = [
  "admin",
  "national_officer",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "service_provider",
  "ngo_staff",
];
const QUEUE_FORBIDDEN = "403 feedback_queue_forbidden";

const fixtures = { othersExport: "" };

const ask = (kit: MatrixKit, p: Principal, body: unknown) => kit.call(p, "POST", "/api/v1/exports", body);
const dashboardCsv = { kind: "dashboards.isaf", format: "csv", params: {} };

/** The principal's own export (asked for first); null for anonymous, who cannot ask. */
const onOwn =
  (kit: MatrixKit, request: (p: Principal, id: string) => Promise<LightMyRequestResponse>) =>
  async (p: Principal) => {
    if (p === ANONYMOUS) return request(p, fixtures.othersExport);
    const asked = await ask(kit, p, { ...dashboardCsv, params: { place: kit.places.in.province } });
    if (asked.statusCode !== 202) throw new Error(`${p} could not ask for an export: ${asked.body}`);
    return request(p, asked.json().id);
  };

export const exportsMatrix: ModuleMatrix = {
  setup: async (kit) => {
    const asked = await kit.asNational("POST", "/api/v1/exports", dashboardCsv);
    if (asked.statusCode !== 202) throw new Error(asked.body);
    fixtures.othersExport = asked.json().id;
  },
  rows: (kit) => {
    const { call, places } = kit;
    return [
      {
        route: "POST /api/v1/exports",
        record: "-",
        expect: only(FEEDBACK_READERS, 202, { denied: QUEUE_FORBIDDEN }),
        send: (p) => ask(kit, p, { kind: "feedback.messages", format: "csv", params: { queue: "general" } }),
      },
      {
        route: "POST /api/v1/exports",
        record: "restricted, in area",
        expect: only(CHILD_PROTECTION_ROLES, 202, { denied: QUEUE_FORBIDDEN, national: QUEUE_FORBIDDEN }),
        send: (p) =>
          ask(kit, p, { kind: "feedback.messages", format: "xlsx", params: { queue: "restricted" } }),
      },
      ...both((where) => ({
        route: "POST /api/v1/exports",
        expect: where === "in" ? everyone(202) : everyone(404, 202),
        send: (p) =>
          ask(kit, p, { kind: "dashboards.isaf", format: "xlsx", params: { place: places[where].province } }),
      })),
      {
        route: "GET /api/v1/exports/:id",
        record: "own",
        expect: everyone(200),
        send: onOwn(kit, (p, id) => call(p, "GET", `/api/v1/exports/${id}`)),
      },
      {
        route: "GET /api/v1/exports/:id",
        record: "someone else's",
        expect: everyone(404, 200),
        send: (p) => call(p, "GET", `/api/v1/exports/${fixtures.othersExport}`),
      },
      {
        route: "GET /api/v1/exports/:id/file",
        record: "own",
        expect: everyone("409 export_not_ready"),
        send: onOwn(kit, (p, id) => call(p, "GET", `/api/v1/exports/${id}/file`)),
      },
      {
        route: "GET /api/v1/exports/:id/file",
        record: "someone else's",
        expect: everyone(404, "409 export_not_ready"),
        send: (p) => call(p, "GET", `/api/v1/exports/${fixtures.othersExport}/file`),
      },
    ];
  },
};
