import { expect } from "vitest";
import type { Role } from "../../../domain/roles";
import { cycleFacilitators } from "../../db/schema";
import { createCycle, sectorIndicators } from "../isaf-fixtures";
import {
  ANONYMOUS,
  both,
  everyone,
  itemIds,
  type MatrixKit,
  type ModuleMatrix,
  only,
  type Principal,
  shows,
  type Where,
} from "./kit";

/**
 * The jaap module's rows of the access matrix. Every role's user has area 15; the matrix facilitator
 * is assigned to the in-area cycles, and the matrix social worker is named responsible on the in-area
 * actions (the responsible person follows their action whatever their role).
 */
const FACILITATE: Role[] = ["admin", "ngo_staff", "facilitator"];
const UPDATE: Role[] = [...FACILITATE, "commune_council", "service_provider", "social_worker"];
const FORM: Role[] = [...FACILITATE, "supervisor"];

const pair = () => ({ in: "", out: "" });
const fx = {
  /** Cycles for actions, the interface meeting and member edits; cycles whose committee is marked formed and un-formed. */
  cycle: pair(),
  formCycle: pair(),
  action: pair(),
  photo: pair(),
  member: pair(),
  indicator: pair(),
};

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const BOUNDARY = "jaap-matrix-boundary";
const photoBody = Buffer.concat([
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`,
  ),
  PNG,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);
const MULTIPART = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

const ATTENDANCE = {
  citizens: { female: 10, male: 8 },
  provider: { female: 1, male: 2 },
  commune_council: { female: 1, male: 1 },
  others: { female: 0, male: 0 },
};
const MEMBER = { name: "Matrix member", sex: "female", age: 24, ethnicMinority: false, role: "member" };

function actionBody(kit: MatrixKit, where: Where) {
  return {
    title: kit.unique("Matrix action"),
    indicatorIds: [fx.indicator[where]],
    responsibleParty: "provider",
    responsibleName: "Matrix director",
    responsibleUserId: where === "in" ? kit.userIdOf("social_worker") : null,
    resourcesRiel: 1000,
    deadline: "2031-06-30",
  };
}

async function expectOk(response: { statusCode: number; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
}

async function newAction(kit: MatrixKit, where: Where): Promise<string> {
  const response = await kit.asNational(
    "POST",
    `/api/v1/cycles/${fx.cycle[where]}/jaap/actions`,
    actionBody(kit, where),
  );
  await expectOk(response, 201);
  return response.json().id;
}

async function actionVersion(kit: MatrixKit, id: string): Promise<number> {
  return (await kit.asNational("GET", `/api/v1/jaap/actions/${id}`)).json().version;
}

async function committeeOf(kit: MatrixKit, cycleId: string) {
  return (await kit.asNational("GET", `/api/v1/cycles/${cycleId}/committee`)).json() as {
    members: { id: string; updatedAt: string }[];
    formed: unknown;
  };
}

async function newMember(kit: MatrixKit, where: Where): Promise<{ id: string; updatedAt: string }> {
  const response = await kit.asNational("POST", `/api/v1/cycles/${fx.cycle[where]}/committee/members`, {
    ...MEMBER,
    name: kit.unique("Matrix member"),
  });
  await expectOk(response, 201);
  const members = response.json().members as { id: string; name: string; updatedAt: string }[];
  return members[members.length - 1];
}

/** Puts the committee of the form cycle in the state the row starts from. */
async function committeeFormed(kit: MatrixKit, where: Where, formed: boolean) {
  const cycleId = fx.formCycle[where];
  const isFormed = (await committeeOf(kit, cycleId)).formed !== null;
  if (isFormed === formed) return;
  const response = formed
    ? await kit.asNational("POST", `/api/v1/cycles/${cycleId}/committee/formed`, {})
    : await kit.asNational("POST", `/api/v1/cycles/${cycleId}/committee/unformed`, { confirm: true });
  await expectOk(response);
}

/** In area: `ok` for the allowed roles; out of area: 404 for every role, `national` for the national administrator. */
const inOrOut = (where: Where, allowed: Role[], ok: number) =>
  where === "in" ? only(allowed, ok) : only(allowed, 404, { denied: 404, national: ok });
const readable = (where: Where) => (where === "in" ? everyone(200) : everyone(404, 200));

export const jaapMatrix: ModuleMatrix = {
  setup: async (kit) => {
    const db = kit.db();
    const facilitatorId = kit.userIdOf("facilitator")!;
    for (const where of ["in", "out"] as const) {
      const communeCode = kit.places[where].commune;
      fx.cycle[where] = (await createCycle(db, { communeCode, kindCode: "PS", year: 2031 })).cycleId;
      fx.formCycle[where] = (await createCycle(db, { communeCode, kindCode: "PS", year: 2031 })).cycleId;
      if (where === "in") {
        await db.insert(cycleFacilitators).values([
          { cycleId: fx.cycle.in, userId: facilitatorId },
          { cycleId: fx.formCycle.in, userId: facilitatorId },
        ]);
      }
      fx.indicator[where] = (await sectorIndicators(db, "PS"))[0].id;
      fx.action[where] = await newAction(kit, where);
      // A photo shown by an update of the action.
      const upload = await kit.call(
        "national admin",
        "POST",
        `/api/v1/jaap/actions/${fx.action[where]}/photos`,
        photoBody,
        MULTIPART,
      );
      await expectOk(upload, 201);
      fx.photo[where] = upload.json().id;
      await expectOk(
        await kit.asNational("POST", `/api/v1/jaap/actions/${fx.action[where]}/updates`, {
          note: "Started",
          status: "in_progress",
          photoIds: [fx.photo[where]],
          version: 1,
        }),
        201,
      );
      fx.member[where] = (await newMember(kit, where)).id;
      // A committee that meets every rule: a young woman and a man.
      for (const member of [MEMBER, { ...MEMBER, sex: "male", age: 50, role: "chair" }]) {
        await expectOk(
          await kit.asNational("POST", `/api/v1/cycles/${fx.formCycle[where]}/committee/members`, member),
          201,
        );
      }
    }
  },

  rows: (kit) => [
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/jaap",
      expect: readable(where),
      send: (p) => kit.call(p, "GET", `/api/v1/cycles/${fx.cycle[where]}/jaap`),
    })),
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/interface-meeting",
      expect: readable(where),
      send: (p) => kit.call(p, "GET", `/api/v1/cycles/${fx.cycle[where]}/interface-meeting`),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/cycles/:cycleId/interface-meeting",
      expect: inOrOut(where, FACILITATE, 200),
      send: async (p) => {
        const url = `/api/v1/cycles/${fx.cycle[where]}/interface-meeting`;
        const current = (await kit.asNational("GET", url)).json().meeting as { version: number } | null;
        return kit.call(p, "PUT", url, {
          heldOn: "2031-05-10",
          attendance: ATTENDANCE,
          version: current?.version,
        });
      },
    })),
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/jaap/actions",
      expect: readable(where),
      send: (p) => kit.call(p, "GET", `/api/v1/cycles/${fx.cycle[where]}/jaap/actions`),
    })),
    ...both((where) => ({
      route: "POST /api/v1/cycles/:cycleId/jaap/actions",
      expect: inOrOut(where, FACILITATE, 201),
      send: (p) =>
        kit.call(p, "POST", `/api/v1/cycles/${fx.cycle[where]}/jaap/actions`, actionBody(kit, where)),
    })),
    {
      route: "GET /api/v1/jaap/actions",
      record: "-",
      expect: everyone("200 in", "200 in+out"),
      send: (p) => kit.call(p, "GET", "/api/v1/jaap/actions?year=2031&limit=200"),
      observe: shows(itemIds, () => fx.action),
    },
    ...both((where) => ({
      route: "GET /api/v1/jaap/actions/:id",
      expect: readable(where),
      send: (p) => kit.call(p, "GET", `/api/v1/jaap/actions/${fx.action[where]}`),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/jaap/actions/:id",
      expect: inOrOut(where, FACILITATE, 200),
      send: async (p) =>
        kit.call(p, "PUT", `/api/v1/jaap/actions/${fx.action[where]}`, {
          ...actionBody(kit, where),
          version: await actionVersion(kit, fx.action[where]),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/jaap/actions/:id/updates",
      expect: inOrOut(where, UPDATE, 201),
      send: async (p) =>
        kit.call(p, "POST", `/api/v1/jaap/actions/${fx.action[where]}/updates`, {
          note: "Still going",
          status: "in_progress",
          version: await actionVersion(kit, fx.action[where]),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/jaap/actions/:id/drop",
      expect: inOrOut(where, UPDATE, 200),
      send: async (p: Principal) => {
        const id = p === ANONYMOUS ? fx.action[where] : await newAction(kit, where);
        return kit.call(p, "POST", `/api/v1/jaap/actions/${id}/drop`, {
          reason: "Replaced by the district's own work",
          version: await actionVersion(kit, id),
        });
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/jaap/actions/:id/photos",
      expect: inOrOut(where, UPDATE, 201),
      send: (p) =>
        kit.call(p, "POST", `/api/v1/jaap/actions/${fx.action[where]}/photos`, photoBody, MULTIPART),
    })),
    ...both((where) => ({
      route: "GET /api/v1/jaap/actions/:id/photos/:mediaId",
      expect: readable(where),
      send: (p) => kit.call(p, "GET", `/api/v1/jaap/actions/${fx.action[where]}/photos/${fx.photo[where]}`),
    })),
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/committee",
      expect: readable(where),
      send: (p) => kit.call(p, "GET", `/api/v1/cycles/${fx.cycle[where]}/committee`),
    })),
    ...both((where) => ({
      route: "POST /api/v1/cycles/:cycleId/committee/members",
      expect: inOrOut(where, FACILITATE, 201),
      send: (p) => kit.call(p, "POST", `/api/v1/cycles/${fx.cycle[where]}/committee/members`, MEMBER),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/cycles/:cycleId/committee/members/:memberId",
      expect: inOrOut(where, FACILITATE, 200),
      send: async (p) => {
        const cycleId = fx.cycle[where];
        const current = (await committeeOf(kit, cycleId)).members.find((m) => m.id === fx.member[where])!;
        return kit.call(p, "PUT", `/api/v1/cycles/${cycleId}/committee/members/${fx.member[where]}`, {
          ...MEMBER,
          name: kit.unique("Renamed member"),
          updatedAt: current.updatedAt,
        });
      },
    })),
    ...both((where) => ({
      route: "DELETE /api/v1/cycles/:cycleId/committee/members/:memberId",
      expect: inOrOut(where, FACILITATE, 200),
      send: async (p: Principal) => {
        const member = await newMember(kit, where);
        return kit.call(p, "DELETE", `/api/v1/cycles/${fx.cycle[where]}/committee/members/${member.id}`, {
          updatedAt: member.updatedAt,
        });
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/cycles/:cycleId/committee/formed",
      expect: inOrOut(where, FORM, 200),
      send: async (p) => {
        await committeeFormed(kit, where, false);
        return kit.call(p, "POST", `/api/v1/cycles/${fx.formCycle[where]}/committee/formed`, {});
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/cycles/:cycleId/committee/unformed",
      expect: inOrOut(where, FORM, 200),
      send: async (p) => {
        await committeeFormed(kit, where, true);
        return kit.call(p, "POST", `/api/v1/cycles/${fx.formCycle[where]}/committee/unformed`, {
          confirm: true,
        });
      },
    })),
  ],
};
