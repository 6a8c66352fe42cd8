import { createFacility } from "./facilities.rows";
import { ADMINS, both, type ModuleMatrix, only, outcomeOf } from "./kit";

/** The audit log's rows: administrators read it, within their area (a facility's creation is the event). */
const fixtures = { facility: { in: "", out: "" } };

export const auditMatrix: ModuleMatrix = {
  setup: async (kit) => {
    fixtures.facility.in = (await createFacility(kit, "in")).id;
    fixtures.facility.out = (await createFacility(kit, "out")).id;
  },
  rows: ({ call }) => [
    ...both((where) => ({
      route: "GET /api/v1/audit",
      expect: where === "in" ? only(ADMINS, "200 seen") : only(ADMINS, "200 none", { national: "200 seen" }),
      send: (p) => call(p, "GET", `/api/v1/audit?entityType=facility&entityId=${fixtures.facility[where]}`),
      observe: (response) =>
        response.statusCode === 200
          ? `200 ${response.json().total > 0 ? "seen" : "none"}`
          : outcomeOf(response),
    })),
  ],
};
