import type { LightMyRequestResponse } from "fastify";
import type { Role } from "../../../domain/roles";
import { cycleFacilitators } from "../../db/schema";
import { createCycle, createFacility } from "../isaf-fixtures";
import {
  ANONYMOUS,
  both,
  everyone,
  itemIds,
  type MatrixKit,
  type ModuleMatrix,
  only,
  type Principal,
  type Row,
  shows,
  type Where,
} from "./kit";

/** Who keeps the catalogue, who plans, who records a cycle's work (isaf.policy.ts). */
const KEEPERS: readonly Role[] = ["admin", "national_officer"];
const PLANNERS: readonly Role[] = ["admin", "national_officer", "ngo_staff"];
/** The matrix's facilitator is assigned to the fixture cycles; other facilitators would not be. */
const FACILITATORS: readonly Role[] = ["admin", "ngo_staff", "facilitator"];

const fixtures = {
  indicator: "",
  programme: "",
  cycle: { in: "", out: "" },
};

const zero = { under_15: 0, "15_17": 0, "18_30": 0, "31_59": 0, "60_plus": 0 };
const session = { heldOn: "2026-02-10", attendance: { female: { ...zero, "18_30": 4 }, male: zero } };
const items = [
  { labelKm: "សិស្សក្នុងគ្រូម្នាក់", labelEn: "Pupils per teacher", standardValue: "40", actualValue: "52" },
];

function audio(kit: MatrixKit, p: Principal, url: string) {
  const boundary = "isaf-matrix-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`,
    ),
    Buffer.from("ID3-matrix"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return kit.call(p, "PUT", url, body, { "content-type": `multipart/form-data; boundary=${boundary}` });
}

async function expectOk(response: Promise<LightMyRequestResponse>) {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`matrix setup: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

/** A fresh cycle (its own facility) with the matrix's facilitator assigned. */
async function freshCycle(kit: MatrixKit, where: Where): Promise<string> {
  const { cycleId } = await createCycle(kit.db(), { communeCode: kit.places[where].commune });
  const userId = kit.userIdOf("facilitator");
  if (userId) await kit.db().insert(cycleFacilitators).values({ cycleId, userId });
  return cycleId;
}

const version = async (kit: MatrixKit, url: string): Promise<number> =>
  (await expectOk(kit.asNational("GET", url))).version;

export const isafMatrix: ModuleMatrix = {
  setup: async (kit) => {
    const created = await expectOk(
      kit.asNational("POST", "/api/v1/indicators", {
        sectorCode: "PS",
        nameKm: "សូចនាករ",
        nameEn: "Matrix indicator",
      }),
    );
    fixtures.indicator = created.id;
    await audio(kit, "national admin", `/api/v1/indicators/${fixtures.indicator}/audio/km`);
    await audio(kit, "national admin", "/api/v1/rating-scale/1/audio/km");
    const programme = await expectOk(
      kit.asNational("POST", "/api/v1/programmes", {
        nameKm: "កម្មវិធី",
        nameEn: "Matrix programme",
        startYear: 2024,
        endYear: 2030,
        communeCodes: [kit.places.in.commune, kit.places.out.commune],
      }),
    );
    fixtures.programme = programme.id;
    for (const where of ["in", "out"] as const) {
      const { cycleId } = await createCycle(kit.db(), {
        communeCode: kit.places[where].commune,
        programmeId: fixtures.programme,
      });
      const userId = kit.userIdOf("facilitator");
      if (userId) await kit.db().insert(cycleFacilitators).values({ cycleId, userId });
      fixtures.cycle[where] = cycleId;
      await expectOk(kit.asNational("PUT", `/api/v1/cycles/${cycleId}/i4c`, { items, version: 1 }));
    }
  },

  rows: (kit) => {
    const { call, asNational } = kit;
    const indicator = () => `/api/v1/indicators/${fixtures.indicator}`;
    const cycle = (where: Where) => `/api/v1/cycles/${fixtures.cycle[where]}`;
    const inArea = (allowed: readonly Role[], ok: number, where: Where) =>
      where === "in" ? only(allowed, ok) : only(allowed, 404, { denied: 404, national: ok });
    const programmeBody = (where: Where) => ({
      nameKm: "កម្មវិធី",
      nameEn: kit.unique("Matrix programme"),
      startYear: 2024,
      endYear: 2030,
      communeCodes: [kit.places[where].commune],
    });
    /** A session of the cycle, made by the national administrator, as the principal would send it back. */
    const newSession = async (where: Where) => {
      const pack = await expectOk(asNational("POST", `${cycle(where)}/i4c/sessions`, session));
      return pack.sessions[0] as { id: string; updatedAt: string };
    };

    const rows: Row[] = [
      // the catalogue: national reference data every signed-in user reads; keepers change it
      {
        route: "GET /api/v1/indicators",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", "/api/v1/indicators?sector=CA"),
      },
      {
        route: "POST /api/v1/indicators",
        record: "-",
        expect: only(KEEPERS, 201),
        send: (p) =>
          call(p, "POST", "/api/v1/indicators", {
            sectorCode: "HC",
            nameKm: "ថ្មី",
            nameEn: kit.unique("New"),
          }),
      },
      {
        route: "GET /api/v1/indicators/:id",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", indicator()),
      },
      {
        route: "PUT /api/v1/indicators/:id",
        record: "-",
        expect: only(KEEPERS, 200),
        send: async (p) =>
          call(p, "PUT", indicator(), {
            nameKm: "សូចនាករ",
            nameEn: kit.unique("Renamed"),
            nameEnIsTranslation: true,
            version: await version(kit, indicator()),
          }),
      },
      {
        route: "POST /api/v1/indicators/:id/status",
        record: "-",
        expect: only(KEEPERS, 200),
        send: async (p) => {
          const fresh =
            p === ANONYMOUS
              ? { id: fixtures.indicator }
              : await expectOk(
                  asNational("POST", "/api/v1/indicators", {
                    sectorCode: "CA",
                    nameKm: "ចាស់",
                    nameEn: kit.unique("Old"),
                  }),
                );
          return call(p, "POST", `/api/v1/indicators/${fresh.id}/status`, { status: "retired", version: 1 });
        },
      },
      {
        route: "GET /api/v1/indicators/:id/audio/:language",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", `${indicator()}/audio/km`),
      },
      {
        route: "PUT /api/v1/indicators/:id/audio/:language",
        record: "-",
        expect: only(KEEPERS, 200),
        send: (p) => audio(kit, p, `${indicator()}/audio/bn`),
      },
      {
        route: "GET /api/v1/rating-scale",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", "/api/v1/rating-scale"),
      },
      {
        route: "GET /api/v1/rating-scale/:value/audio/:language",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", "/api/v1/rating-scale/1/audio/km"),
      },
      {
        route: "PUT /api/v1/rating-scale/:value/audio/:language",
        record: "-",
        expect: only(KEEPERS, 200),
        send: (p) => audio(kit, p, "/api/v1/rating-scale/2/audio/jr"),
      },

      // programmes: everyone reads; planners change them, targeting communes in their area
      {
        route: "GET /api/v1/programmes",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", "/api/v1/programmes"),
      },
      ...both((where) => ({
        route: "POST /api/v1/programmes",
        expect:
          where === "in" ? only(PLANNERS, 201) : only(PLANNERS, "400 place_out_of_area", { national: 201 }),
        send: (p) => call(p, "POST", "/api/v1/programmes", programmeBody(where)),
      })),
      {
        route: "GET /api/v1/programmes/:id",
        record: "-",
        expect: everyone(200),
        send: (p) => call(p, "GET", `/api/v1/programmes/${fixtures.programme}`),
      },
      {
        route: "PUT /api/v1/programmes/:id",
        record: "-",
        expect: only(PLANNERS, 200),
        send: async (p) => {
          const url = `/api/v1/programmes/${fixtures.programme}`;
          const current = await expectOk(asNational("GET", url));
          return call(p, "PUT", url, {
            nameKm: current.nameKm,
            nameEn: kit.unique("Matrix programme"),
            startYear: current.startYear,
            endYear: current.endYear,
            communeCodes: [kit.places.in.commune, kit.places.out.commune],
            version: current.version,
          });
        },
      },
      {
        route: "GET /api/v1/programmes/:id/plan",
        record: "-",
        expect: only(PLANNERS, 200),
        send: (p) => call(p, "GET", `/api/v1/programmes/${fixtures.programme}/plan?year=2027`),
      },
      ...both((where) => ({
        route: "POST /api/v1/programmes/:id/cycles",
        expect:
          where === "in"
            ? only(PLANNERS, 201)
            : only(PLANNERS, "400 facility_not_plannable", { national: 201 }),
        send: async (p) => {
          const facilityId = await createFacility(kit.db(), {
            communeCode: kit.places[where].commune,
            kindCode: "HC",
          });
          return call(p, "POST", `/api/v1/programmes/${fixtures.programme}/cycles`, {
            year: 2027,
            facilityIds: [facilityId],
          });
        },
      })),

      // cycles: read in the area; planners plan; the cycle's facilitators and leads record its work
      {
        route: "GET /api/v1/cycles",
        record: "-",
        expect: everyone("200 in", "200 in+out"),
        send: (p) => call(p, "GET", `/api/v1/cycles?programme=${fixtures.programme}&year=2026`),
        observe: shows(itemIds, () => fixtures.cycle),
      },
      ...both((where) => ({
        route: "GET /api/v1/cycles/:cycleId",
        expect: where === "in" ? everyone(200) : everyone(404, 200),
        send: (p) => call(p, "GET", cycle(where)),
      })),
      ...both((where) => ({
        route: "PUT /api/v1/cycles/:cycleId",
        expect: inArea(PLANNERS, 200, where),
        send: async (p) =>
          call(p, "PUT", cycle(where), {
            plannedMeetingOn: "2026-06-01",
            ngoOrganisationId: null,
            // The matrix's facilitator stays on the in-area cycle (the I4C rows rely on it).
            facilitatorIds: where === "in" ? [kit.userIdOf("facilitator")] : [],
            version: await version(kit, cycle(where)),
          }),
      })),
      ...both((where) => ({
        route: "POST /api/v1/cycles/:cycleId/steps",
        expect: inArea(FACILITATORS, 200, where),
        send: async (p) => {
          const id = await freshCycle(kit, where);
          return call(p, "POST", `/api/v1/cycles/${id}/steps`, {
            step: "planned",
            completedOn: "2026-01-05",
            version: 1,
          });
        },
      })),
      ...both((where) => ({
        route: "GET /api/v1/cycles/:cycleId/i4c",
        expect: where === "in" ? everyone(200) : everyone(404, 200),
        send: (p) => call(p, "GET", `${cycle(where)}/i4c`),
      })),
      ...both((where) => ({
        route: "PUT /api/v1/cycles/:cycleId/i4c",
        expect: inArea(FACILITATORS, 200, where),
        send: async (p) =>
          call(p, "PUT", `${cycle(where)}/i4c`, {
            items,
            notes: kit.unique("notes"),
            version: await version(kit, cycle(where)),
          }),
      })),
      ...both((where) => ({
        route: "POST /api/v1/cycles/:cycleId/i4c/publish",
        expect: inArea(FACILITATORS, 200, where),
        send: async (p) =>
          call(p, "POST", `${cycle(where)}/i4c/publish`, { version: await version(kit, cycle(where)) }),
      })),
      ...both((where) => ({
        route: "POST /api/v1/cycles/:cycleId/i4c/sessions",
        expect: inArea(FACILITATORS, 201, where),
        send: (p) => call(p, "POST", `${cycle(where)}/i4c/sessions`, session),
      })),
      ...both((where) => ({
        route: "PUT /api/v1/cycles/:cycleId/i4c/sessions/:sessionId",
        expect: inArea(FACILITATORS, 200, where),
        send: async (p) => {
          const { id, updatedAt } = await newSession(where);
          return call(p, "PUT", `${cycle(where)}/i4c/sessions/${id}`, {
            ...session,
            notes: "edited",
            updatedAt,
          });
        },
      })),
      ...both((where) => ({
        route: "POST /api/v1/cycles/:cycleId/i4c/sessions/:sessionId/delete",
        expect: inArea(FACILITATORS, 200, where),
        send: async (p) => {
          const { id, updatedAt } = await newSession(where);
          return call(p, "POST", `${cycle(where)}/i4c/sessions/${id}/delete`, { updatedAt });
        },
      })),
    ];
    return rows;
  },
};
