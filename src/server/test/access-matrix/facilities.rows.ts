import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import {
  ANONYMOUS,
  both,
  EDITORS,
  everyone,
  itemIds,
  type MatrixKit,
  type ModuleMatrix,
  type Outcome,
  only,
  outcomeOf,
  type Principal,
  type Session,
  shows,
  type Where,
} from "./kit";

/**
 * The facilities module's rows (facilities.policy.ts): everyone reads within their area; the
 * registry editors change it. An import belongs to whoever uploaded it.
 */
function facilityBody(kit: MatrixKit, where: Where, code = kit.unique("MX")) {
  const place = kit.places[where];
  return {
    code,
    kindCode: "HC",
    nameKm: "មណ្ឌលសុខភាព",
    nameEn: `Matrix health centre ${code}`,
    communeCode: place.commune,
    villageCode: place.village,
    lat: place.lat,
    lng: place.lng,
  };
}

/** A facility made by the national administrator through the API (deactivated when not `active`). */
export async function createFacility(
  kit: MatrixKit,
  where: Where,
  active = true,
): Promise<{ id: string; code: string }> {
  const created = await kit.asNational("POST", "/api/v1/facilities", facilityBody(kit, where));
  expect(created.statusCode, created.body).toBe(201);
  const { id, code } = created.json();
  if (!active) {
    const off = await kit.asNational("POST", `/api/v1/facilities/${id}/deactivate`, {
      reason: "Closed",
      version: 1,
    });
    expect(off.statusCode, off.body).toBe(200);
  }
  return { id, code };
}

/** The facility as it is now, as a PUT body (its version included). */
async function facilityUpdateBody(kit: MatrixKit, where: Where, id: string, code: string) {
  const { version } = (await kit.asNational("GET", `/api/v1/facilities/${id}`)).json();
  return { ...facilityBody(kit, where, code), nameEn: kit.unique("Renamed"), version };
}

async function currentVersion(kit: MatrixKit, id: string): Promise<number> {
  return (await kit.asNational("GET", `/api/v1/facilities/${id}`)).json().version;
}

/** A CSV import of one facility, as a hand-built multipart body. */
function importFileAs(kit: MatrixKit, session: Session | null, where: Where) {
  const boundary = "samleng-matrix-boundary";
  const code = kit.unique("MXIMP");
  const csv = [
    "code,kind,name_km,name_en,commune_code",
    `${code},HC,មណ្ឌលសុខភាព,Imported ${code},${kit.places[where].commune}`,
  ].join("\r\n");
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="facilities.csv"',
    "Content-Type: text/csv",
    "",
    csv,
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return kit.send(session, "POST", "/api/v1/facilities/imports", body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}
const importFile = (kit: MatrixKit, p: Principal, where: Where) => importFileAs(kit, kit.sessionOf(p), where);

const fixtures = {
  facility: { in: { id: "", code: "" }, out: { id: "", code: "" } },
  otherImport: "",
};
const facilityIds = () => ({ in: fixtures.facility.in.id, out: fixtures.facility.out.id });

/** An import the principal made, or null when the principal may not import. */
async function ownImport(kit: MatrixKit, p: Principal): Promise<string | null> {
  if (p === ANONYMOUS) return fixtures.otherImport;
  const response = await importFile(kit, p, "in");
  if (response.statusCode === 403) return null;
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** For an import report: the first row's problem, or "valid". */
function importOutcome(response: LightMyRequestResponse): Outcome {
  if (response.statusCode !== 201) return outcomeOf(response);
  const report = response.json() as { rows: { problems: { code: string }[] }[] };
  return `201 ${report.rows[0]?.problems[0]?.code ?? "valid"}`;
}

export const facilitiesMatrix: ModuleMatrix = {
  setup: async (kit) => {
    fixtures.facility.in = await createFacility(kit, "in");
    fixtures.facility.out = await createFacility(kit, "out");
    await kit.createUser({ roles: ["national_officer"], area: ["15"], username: "matrix-uploader" });
    const uploaded = await importFileAs(kit, await kit.signIn("matrix-uploader"), "in");
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    fixtures.otherImport = uploaded.json().id;
  },
  rows: (kit) => {
    const { call } = kit;
    return [
      {
        route: "GET /api/v1/facilities",
        record: "-",
        expect: everyone("200 in", "200 in+out"),
        send: (p) => call(p, "GET", "/api/v1/facilities?status=all&limit=200"),
        observe: shows(itemIds, facilityIds),
      },
      {
        route: "GET /api/v1/facilities/map",
        record: "-",
        expect: everyone("200 in", "200 in+out"),
        send: (p) => call(p, "GET", "/api/v1/facilities/map?status=all"),
        observe: shows(
          (body: { points: { id: string }[] }) => body.points.map((point) => point.id),
          facilityIds,
        ),
      },
      {
        route: "GET /api/v1/facilities/counts",
        record: "-",
        expect: everyone("200 15", "200 02+15"),
        send: (p) => call(p, "GET", "/api/v1/facilities/counts"),
        observe: (response) =>
          response.statusCode === 200
            ? `200 ${(response.json().byProvince as { province: { code: string } }[])
                .map((row) => row.province.code)
                .sort()
                .join("+")}`
            : outcomeOf(response),
      },
      {
        route: "GET /api/v1/facilities/reference",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", "/api/v1/facilities/reference"),
      },
      {
        route: "POST /api/v1/facilities",
        record: "in area",
        expect: only(EDITORS, 201),
        send: (p) => call(p, "POST", "/api/v1/facilities", facilityBody(kit, "in")),
      },
      {
        route: "POST /api/v1/facilities",
        record: "out of area",
        expect: only(EDITORS, "400 place_out_of_area", { national: 201 }),
        send: (p) => call(p, "POST", "/api/v1/facilities", facilityBody(kit, "out")),
      },
      ...both((where) => ({
        route: "GET /api/v1/facilities/:id",
        expect: where === "in" ? everyone(200) : everyone(404, 200),
        send: (p) => call(p, "GET", `/api/v1/facilities/${fixtures.facility[where].id}`),
      })),
      ...both((where) => ({
        route: "PUT /api/v1/facilities/:id",
        expect: where === "in" ? only(EDITORS, 200) : only(EDITORS, 404, { denied: 404, national: 200 }),
        send: async (p) => {
          const { id, code } = fixtures.facility[where];
          return call(p, "PUT", `/api/v1/facilities/${id}`, await facilityUpdateBody(kit, where, id, code));
        },
      })),
      ...both((where) => ({
        route: "POST /api/v1/facilities/:id/deactivate",
        expect: where === "in" ? only(EDITORS, 200) : only(EDITORS, 404, { denied: 404, national: 200 }),
        send: async (p) => {
          const { id } = p === ANONYMOUS ? fixtures.facility[where] : await createFacility(kit, where);
          return call(p, "POST", `/api/v1/facilities/${id}/deactivate`, {
            reason: "Closed",
            version: await currentVersion(kit, id),
          });
        },
      })),
      ...both((where) => ({
        route: "POST /api/v1/facilities/:id/reactivate",
        expect: where === "in" ? only(EDITORS, 200) : only(EDITORS, 404, { denied: 404, national: 200 }),
        send: async (p) => {
          const { id } = p === ANONYMOUS ? fixtures.facility[where] : await createFacility(kit, where, false);
          return call(p, "POST", `/api/v1/facilities/${id}/reactivate`, {
            version: await currentVersion(kit, id),
          });
        },
      })),
      ...both((where) => ({
        route: "GET /api/v1/facilities/:id/history",
        expect: where === "in" ? everyone(200) : everyone(404, 200),
        send: (p) => call(p, "GET", `/api/v1/facilities/${fixtures.facility[where].id}/history`),
      })),
      {
        route: "POST /api/v1/facilities/imports",
        record: "in area",
        expect: only(EDITORS, "201 valid"),
        send: (p) => importFile(kit, p, "in"),
        observe: importOutcome,
      },
      {
        route: "POST /api/v1/facilities/imports",
        record: "out of area",
        expect: only(EDITORS, "201 place_out_of_area", { national: "201 valid" }),
        send: (p) => importFile(kit, p, "out"),
        observe: importOutcome,
      },
      // An import belongs to whoever uploaded it: nobody else sees or commits it, not even a national administrator.
      {
        route: "GET /api/v1/facilities/imports/:id",
        record: "own",
        expect: only(EDITORS, 200, { denied: "n/a" }),
        send: async (p) => {
          const id = await ownImport(kit, p);
          return id === null ? null : call(p, "GET", `/api/v1/facilities/imports/${id}`);
        },
      },
      {
        route: "GET /api/v1/facilities/imports/:id",
        record: "someone else's",
        expect: everyone(404),
        send: (p) => call(p, "GET", `/api/v1/facilities/imports/${fixtures.otherImport}`),
      },
      {
        route: "POST /api/v1/facilities/imports/:id/commit",
        record: "own",
        expect: only(EDITORS, 200, { denied: "n/a" }),
        send: async (p) => {
          const id = await ownImport(kit, p);
          return id === null
            ? null
            : call(p, "POST", `/api/v1/facilities/imports/${id}/commit`, { onlyValidRows: false });
        },
      },
      {
        route: "POST /api/v1/facilities/imports/:id/commit",
        record: "someone else's",
        expect: only(EDITORS, 404),
        send: (p) =>
          call(p, "POST", `/api/v1/facilities/imports/${fixtures.otherImport}/commit`, {
            onlyValidRows: false,
          }),
      },
    ];
  },
};
