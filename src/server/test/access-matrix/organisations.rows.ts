import { expect } from "vitest";
import {
  ADMINS,
  both,
  everyone,
  itemIds,
  type MatrixKit,
  type ModuleMatrix,
  only,
  shows,
  type Where,
} from "./kit";

/**
 * The organisations module's rows: a national directory every signed-in user reads; an administrator
 * of an area keeps the organisations placed in it.
 */
const organisationBody = (kit: MatrixKit, where: Where) => ({
  nameKm: "អង្គការ",
  nameEn: kit.unique(`Matrix organisation ${where}`),
  kind: "ngo",
  placeCode: kit.places[where].province,
});

const fixtures = { organisation: { in: "", out: "" } };

export const organisationsMatrix: ModuleMatrix = {
  setup: async (kit) => {
    for (const where of ["in", "out"] as const) {
      const created = await kit.asNational("POST", "/api/v1/organisations", organisationBody(kit, where));
      expect(created.statusCode, created.body).toBe(201);
      fixtures.organisation[where] = created.json().id;
    }
  },
  rows: (kit) => {
    const { call } = kit;
    return [
      {
        route: "GET /api/v1/organisations",
        record: "-",
        expect: everyone("200 in+out"),
        send: (p) => call(p, "GET", "/api/v1/organisations"),
        observe: shows(itemIds, () => fixtures.organisation),
      },
      ...both((where) => ({
        route: "POST /api/v1/organisations",
        expect: where === "in" ? only(ADMINS, 201) : only(ADMINS, "400 place_out_of_area", { national: 201 }),
        send: (p) => call(p, "POST", "/api/v1/organisations", organisationBody(kit, where)),
      })),
      ...both((where) => ({
        route: "GET /api/v1/organisations/:id",
        expect: everyone(200),
        send: (p) => call(p, "GET", `/api/v1/organisations/${fixtures.organisation[where]}`),
      })),
      ...both((where) => ({
        route: "PUT /api/v1/organisations/:id",
        expect: where === "in" ? only(ADMINS, 200) : only(ADMINS, 403, { national: 200 }),
        send: (p) =>
          call(
            p,
            "PUT",
            `/api/v1/organisations/${fixtures.organisation[where]}`,
            organisationBody(kit, where),
          ),
      })),
    ];
  },
};
