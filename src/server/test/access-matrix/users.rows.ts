import { ADMINS, both, itemIds, type MatrixKit, type ModuleMatrix, only, shows, type Where } from "./kit";

/** The users module's rows (users and roles): administrators, for the users whose whole area lies in theirs. */
function userBody(kit: MatrixKit, where: Where) {
  return {
    username: kit.unique("matrix-created"),
    displayName: "Created by the matrix",
    roles: ["viewer"],
    area: { national: false, codes: [where === "in" ? "1501" : "02"] },
    password: "Mekong-Lotus-Harbour-7",
  };
}

async function userUpdateBody(kit: MatrixKit, id: string) {
  const user = (await kit.asNational("GET", `/api/v1/users/${id}`)).json();
  return {
    displayName: kit.unique("Renamed"),
    email: user.email,
    organisationId: user.organisationId,
    roles: user.roles,
    area: user.area,
    locale: user.locale,
    active: true,
  };
}

const fixtures = { user: { in: "", out: "" } };

export const usersMatrix: ModuleMatrix = {
  setup: async (kit) => {
    fixtures.user.in = await kit.createUser({
      roles: ["viewer"],
      area: ["1501"],
      username: "matrix-fixture-user-in",
    });
    fixtures.user.out = await kit.createUser({
      roles: ["viewer"],
      area: ["02"],
      username: "matrix-fixture-user-out",
    });
  },
  rows: (kit) => {
    const { call } = kit;
    return [
      {
        route: "GET /api/v1/users",
        record: "-",
        expect: only(ADMINS, "200 in", { national: "200 in+out" }),
        send: (p) => call(p, "GET", "/api/v1/users?q=matrix-fixture-user"),
        observe: shows(itemIds, () => fixtures.user),
      },
      {
        route: "POST /api/v1/users",
        record: "in area",
        expect: only(ADMINS, 201),
        send: (p) => call(p, "POST", "/api/v1/users", userBody(kit, "in")),
      },
      {
        route: "POST /api/v1/users",
        record: "out of area",
        expect: only(ADMINS, "400 area_outside_yours", { national: 201 }),
        send: (p) => call(p, "POST", "/api/v1/users", userBody(kit, "out")),
      },
      ...both((where) => ({
        route: "GET /api/v1/users/:id",
        expect: where === "in" ? only(ADMINS, 200) : only(ADMINS, 404, { national: 200 }),
        send: (p) => call(p, "GET", `/api/v1/users/${fixtures.user[where]}`),
      })),
      ...both((where) => ({
        route: "PUT /api/v1/users/:id",
        expect: where === "in" ? only(ADMINS, 200) : only(ADMINS, 404, { national: 200 }),
        send: async (p) =>
          call(
            p,
            "PUT",
            `/api/v1/users/${fixtures.user[where]}`,
            await userUpdateBody(kit, fixtures.user[where]),
          ),
      })),
      ...both((where) => ({
        route: "POST /api/v1/users/:id/password",
        expect: where === "in" ? only(ADMINS, 200) : only(ADMINS, 404, { national: 200 }),
        send: (p) =>
          call(p, "POST", `/api/v1/users/${fixtures.user[where]}/password`, {
            password: "Angkor-Sunrise-Kettle-3",
          }),
      })),
      {
        route: "GET /api/v1/roles",
        record: "-",
        expect: only(ADMINS, 200),
        send: (p) => call(p, "GET", "/api/v1/roles"),
      },
      {
        // Role settings are national: an administrator of an area may not change them.
        route: "PUT /api/v1/roles/:role",
        record: "-",
        expect: only([], 200, { national: 200 }),
        send: (p) => call(p, "PUT", "/api/v1/roles/viewer", { requireTotp: false }),
      },
    ];
  },
};
