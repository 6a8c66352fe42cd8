/**
 * The access matrix (ARCHITECTURE.md, Tests 3): every role × every endpoint under /api/v1 × a record
 * inside and outside the caller's area. Each row states what every principal must get:
 *   200/201  allowed;
 *   403      the role may not do this at all;
 *   404      the record lies outside the caller's area (out of scope reads as not found: never 403
 *            for a record the caller could read if it were in their area);
 *   401      not signed in;
 *   "400 <code>" a request the role may make but whose content is refused (e.g. a place outside the area);
 *   "n/a"    the case does not exist for that principal (a role that cannot import has no import of its own).
 * Lists answer "200 in", "200 in+out" or "200 none": which of the two fixtures they show.
 * Every role's user has area "15" (Pursat); the national administrator makes the fixtures and is a
 * column too. A route registered in the app without a row here fails the suite.
 */
import { randomBytes } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../domain/roles";
import { sessions as sessionsTable } from "../db/schema";
import { currentTotpCode, hashToken, SESSION_COOKIE } from "../modules/auth/auth.service";
import {
  ADMINS,
  ANONYMOUS,
  both,
  EDITORS,
  everyone,
  itemIds,
  type MatrixKit,
  type Method,
  NATIONAL,
  type Outcome,
  only,
  outcomeOf,
  PRINCIPALS,
  type Principal,
  type Row,
  type Session,
  type SignedIn,
  shows,
  type Where,
} from "./access-matrix/kit";
import { MODULE_MATRICES } from "./access-matrix/modules";
import { createTestApp, TEST_PASSWORD, type TestApp } from "./harness";

let t: TestApp;

// Sign-in is rate limited per client address (20 a minute): each request here comes from its own.
let lastIp = 0;
const nextIp = () => {
  lastIp += 1;
  return `10.3.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
};

async function signIn(username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    remoteAddress: nextIp(),
    payload: { username, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const { csrfToken, user } = response.json() as { csrfToken: string; user: { id: string } };
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { cookie, csrf: csrfToken, userId: user.id, username };
}

function send(
  session: Session | null,
  method: Method,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    remoteAddress: nextIp(),
    headers: {
      "accept-language": "en",
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && method !== "GET" ? { "x-csrf-token": session.csrf } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: body as string | object }),
  });
}

const sessions = new Map<SignedIn, Session>();
const sessionOf = (p: Principal) => (p === ANONYMOUS ? null : sessions.get(p)!);
/** The principal's own request. */
const call = (p: Principal, method: Method, url: string, body?: unknown, headers?: Record<string, string>) =>
  send(sessionOf(p), method, url, body, headers);
const asNational = (method: Method, url: string, body?: unknown) => call(NATIONAL, method, url, body);

let serial = 0;
const unique = (prefix: string) => {
  serial += 1;
  return `${prefix}-${serial}`;
};

const accessOf = (p: SignedIn) =>
  p === NATIONAL ? { roles: ["admin"] as Role[], national: true } : { roles: [p] as Role[], area: ["15"] };

/**
 * A second user with the same access and a session, for rows that end the session or change the
 * password. The session is written straight to the table: signing in is what the sign-in row tests.
 */
async function twin(p: Principal): Promise<Session | null> {
  if (p === ANONYMOUS) return null;
  const username = unique(`matrix-twin-${p.replace(" ", "-")}`);
  const userId = await t.createUser({ ...accessOf(p), username });
  const token = randomBytes(32).toString("base64url");
  const csrf = randomBytes(32).toString("base64url");
  const now = new Date();
  await t.db.insert(sessionsTable).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken: csrf,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 60 * 60_000),
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf, userId, username };
}

const PLACES: Record<
  Where,
  { commune: string; village: string; province: string; lat: number; lng: number }
> = {
  in: { province: "15", commune: "150101", village: "15010101", lat: 12.54, lng: 103.92 },
  out: { province: "02", commune: "020101", village: "02010101", lat: 12.9, lng: 103.2 },
};

function facilityBody(where: Where, code = unique("MX")) {
  const place = PLACES[where];
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

async function createFacility(where: Where, active = true): Promise<{ id: string; code: string }> {
  const created = await asNational("POST", "/api/v1/facilities", facilityBody(where));
  expect(created.statusCode, created.body).toBe(201);
  const { id, code } = created.json();
  if (!active) {
    const off = await asNational("POST", `/api/v1/facilities/${id}/deactivate`, {
      reason: "Closed",
      version: 1,
    });
    expect(off.statusCode, off.body).toBe(200);
  }
  return { id, code };
}

/** The facility as it is now, as a PUT body (its version included). */
async function facilityUpdateBody(where: Where, id: string, code: string) {
  const { version } = (await asNational("GET", `/api/v1/facilities/${id}`)).json();
  return { ...facilityBody(where, code), nameEn: unique("Renamed"), version };
}

async function currentVersion(id: string): Promise<number> {
  return (await asNational("GET", `/api/v1/facilities/${id}`)).json().version;
}

/** A CSV import of one facility, as a hand-built multipart body. */
function importFileAs(session: Session | null, where: Where) {
  const boundary = "samleng-matrix-boundary";
  const code = unique("MXIMP");
  const csv = [
    "code,kind,name_km,name_en,commune_code",
    `${code},HC,មណ្ឌលសុខភាព,Imported ${code},${PLACES[where].commune}`,
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
  return send(session, "POST", "/api/v1/facilities/imports", body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}
const importFile = (p: Principal, where: Where) => importFileAs(sessionOf(p), where);

/** An import the principal made, or null when the principal may not import. */
async function ownImport(p: Principal): Promise<string | null> {
  if (p === ANONYMOUS) return fixtures.otherImport;
  const response = await importFile(p, "in");
  if (response.statusCode === 403) return null;
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

function userBody(where: Where) {
  return {
    username: unique("matrix-created"),
    displayName: "Created by the matrix",
    roles: ["viewer"],
    area: { national: false, codes: [where === "in" ? "1501" : "02"] },
    password: "Mekong-Lotus-Harbour-7",
  };
}

async function userUpdateBody(id: string) {
  const user = (await asNational("GET", `/api/v1/users/${id}`)).json();
  return {
    displayName: unique("Renamed"),
    email: user.email,
    organisationId: user.organisationId,
    roles: user.roles,
    area: user.area,
    locale: user.locale,
    active: true,
  };
}

const organisationBody = (where: Where) => ({
  nameKm: "អង្គការ",
  nameEn: unique(`Matrix organisation ${where}`),
  kind: "ngo",
  placeCode: PLACES[where].province,
});

const fixtures = {
  facility: { in: { id: "", code: "" }, out: { id: "", code: "" } },
  user: { in: "", out: "" },
  organisation: { in: "", out: "" },
  otherImport: "",
};

// ---- observing a response --------------------------------------------------------------------

const facilityIds = () => ({ in: fixtures.facility.in.id, out: fixtures.facility.out.id });

/** For an import report: the first row's problem, or "valid". */
function importOutcome(response: LightMyRequestResponse): Outcome {
  if (response.statusCode !== 201) return outcomeOf(response);
  const report = response.json() as { rows: { problems: { code: string }[] }[] };
  return `201 ${report.rows[0]?.problems[0]?.code ?? "valid"}`;
}

// ---- the matrix --------------------------------------------------------------------------------

const ROWS: Row[] = [
  // auth: every signed-in user manages their own session, whatever the role
  {
    route: "POST /api/v1/auth/sign-in",
    record: "-",
    expect: () => 200,
    send: (p) =>
      call(p, "POST", "/api/v1/auth/sign-in", {
        username: p === ANONYMOUS ? "matrix-spare" : sessions.get(p)!.username,
        password: TEST_PASSWORD,
      }),
  },
  {
    route: "GET /api/v1/auth/session",
    record: "-",
    expect: everyone(200),
    send: (p) => call(p, "GET", "/api/v1/auth/session"),
  },
  {
    route: "POST /api/v1/auth/sign-out",
    record: "-",
    expect: everyone(200),
    send: async (p) => send(await twin(p), "POST", "/api/v1/auth/sign-out", {}),
  },
  {
    route: "POST /api/v1/auth/sign-out-everywhere",
    record: "-",
    expect: everyone(200),
    send: async (p) => send(await twin(p), "POST", "/api/v1/auth/sign-out-everywhere", {}),
  },
  {
    route: "PUT /api/v1/auth/preferences",
    record: "-",
    expect: everyone(200),
    send: (p) => call(p, "PUT", "/api/v1/auth/preferences", { locale: "en" }),
  },
  {
    route: "POST /api/v1/auth/password",
    record: "-",
    expect: everyone(200),
    send: async (p) =>
      send(await twin(p), "POST", "/api/v1/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: "Plum-Orchard-Lantern-42",
      }),
  },
  {
    route: "POST /api/v1/auth/totp/setup",
    record: "-",
    expect: everyone(200),
    send: (p) => call(p, "POST", "/api/v1/auth/totp/setup", {}),
  },
  {
    route: "POST /api/v1/auth/totp/enable",
    record: "-",
    expect: everyone(200),
    send: async (p) => {
      const session = await twin(p);
      if (!session) return send(null, "POST", "/api/v1/auth/totp/enable", { code: "123456" });
      const { secret } = (await send(session, "POST", "/api/v1/auth/totp/setup", {})).json();
      return send(session, "POST", "/api/v1/auth/totp/enable", { code: currentTotpCode(secret) });
    },
  },
  {
    route: "POST /api/v1/auth/totp/disable",
    record: "-",
    expect: everyone(200),
    send: (p) => call(p, "POST", "/api/v1/auth/totp/disable", { password: TEST_PASSWORD }),
  },

  // places: the gazetteer is national reference data, read by every signed-in user
  {
    route: "GET /api/v1/places",
    record: "-",
    expect: everyone(200),
    send: (p) => call(p, "GET", "/api/v1/places?parent=15"),
  },
  {
    route: "GET /api/v1/places/search",
    record: "-",
    expect: everyone(200),
    send: (p) => call(p, "GET", "/api/v1/places/search?q=kantueu"),
  },
  ...both((where) => ({
    route: "GET /api/v1/places/:code",
    expect: everyone(200),
    send: (p) => call(p, "GET", `/api/v1/places/${PLACES[where].commune}`),
  })),
  ...both((where) => ({
    route: "GET /api/v1/geo/:level",
    expect: everyone(200),
    send: (p) => call(p, "GET", `/api/v1/geo/district?within=${PLACES[where].province}`),
  })),

  // facilities: everyone reads within their area; the registry editors change it
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
    observe: shows((body: { points: { id: string }[] }) => body.points.map((point) => point.id), facilityIds),
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
    send: (p) => call(p, "POST", "/api/v1/facilities", facilityBody("in")),
  },
  {
    route: "POST /api/v1/facilities",
    record: "out of area",
    expect: only(EDITORS, "400 place_out_of_area", { national: 201 }),
    send: (p) => call(p, "POST", "/api/v1/facilities", facilityBody("out")),
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
      return call(p, "PUT", `/api/v1/facilities/${id}`, await facilityUpdateBody(where, id, code));
    },
  })),
  ...both((where) => ({
    route: "POST /api/v1/facilities/:id/deactivate",
    expect: where === "in" ? only(EDITORS, 200) : only(EDITORS, 404, { denied: 404, national: 200 }),
    send: async (p) => {
      const { id } = p === ANONYMOUS ? fixtures.facility[where] : await createFacility(where);
      return call(p, "POST", `/api/v1/facilities/${id}/deactivate`, {
        reason: "Closed",
        version: await currentVersion(id),
      });
    },
  })),
  ...both((where) => ({
    route: "POST /api/v1/facilities/:id/reactivate",
    expect: where === "in" ? only(EDITORS, 200) : only(EDITORS, 404, { denied: 404, national: 200 }),
    send: async (p) => {
      const { id } = p === ANONYMOUS ? fixtures.facility[where] : await createFacility(where, false);
      return call(p, "POST", `/api/v1/facilities/${id}/reactivate`, { version: await currentVersion(id) });
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
    send: (p) => importFile(p, "in"),
    observe: importOutcome,
  },
  {
    route: "POST /api/v1/facilities/imports",
    record: "out of area",
    expect: only(EDITORS, "201 place_out_of_area", { national: "201 valid" }),
    send: (p) => importFile(p, "out"),
    observe: importOutcome,
  },
  // An import belongs to whoever uploaded it: nobody else sees or commits it, not even a national administrator.
  {
    route: "GET /api/v1/facilities/imports/:id",
    record: "own",
    expect: only(EDITORS, 200, { denied: "n/a" }),
    send: async (p) => {
      const id = await ownImport(p);
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
      const id = await ownImport(p);
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
      call(p, "POST", `/api/v1/facilities/imports/${fixtures.otherImport}/commit`, { onlyValidRows: false }),
  },

  // users and roles: administrators, for the users whose whole area lies in theirs
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
    send: (p) => call(p, "POST", "/api/v1/users", userBody("in")),
  },
  {
    route: "POST /api/v1/users",
    record: "out of area",
    expect: only(ADMINS, "400 area_outside_yours", { national: 201 }),
    send: (p) => call(p, "POST", "/api/v1/users", userBody("out")),
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
      call(p, "PUT", `/api/v1/users/${fixtures.user[where]}`, await userUpdateBody(fixtures.user[where])),
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

  // organisations: a national directory every signed-in user reads; administrators keep it
  {
    route: "GET /api/v1/organisations",
    record: "-",
    expect: everyone("200 in+out"),
    send: (p) => call(p, "GET", "/api/v1/organisations"),
    observe: shows(itemIds, () => fixtures.organisation),
  },
  // Everyone reads the directory; an administrator of an area keeps the organisations placed in it.
  ...both((where) => ({
    route: "POST /api/v1/organisations",
    expect: where === "in" ? only(ADMINS, 201) : only(ADMINS, "400 place_out_of_area", { national: 201 }),
    send: (p) => call(p, "POST", "/api/v1/organisations", organisationBody(where)),
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
      call(p, "PUT", `/api/v1/organisations/${fixtures.organisation[where]}`, organisationBody(where)),
  })),

  // the audit log: administrators, within their area
  ...both((where) => ({
    route: "GET /api/v1/audit",
    expect: where === "in" ? only(ADMINS, "200 seen") : only(ADMINS, "200 none", { national: "200 seen" }),
    send: (p) => call(p, "GET", `/api/v1/audit?entityType=facility&entityId=${fixtures.facility[where].id}`),
    observe: (response) =>
      response.statusCode === 200
        ? `200 ${response.json().total > 0 ? "seen" : "none"}`
        : outcomeOf(response),
  })),
];

const kit: MatrixKit = {
  db: () => t.db,
  call,
  send,
  asNational,
  twin,
  userIdOf: (p) => (p === ANONYMOUS ? null : sessions.get(p)!.userId),
  unique,
  places: PLACES,
};
ROWS.push(...MODULE_MATRICES.flatMap((matrix) => matrix.rows(kit)));

// ---- the routes the app registers ----------------------------------------------------------------

/** "METHOD /path" of every route under /api/v1, from Fastify's route tree (HEAD is implied by GET). */
function registeredRoutes(): string[] {
  const tree = t.app.printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (prefixes[depth - 1] ?? "") + match[2];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    if (!match[3] || !path.startsWith("/api/v1/")) continue;
    for (const method of match[3].split(",").map((m) => m.trim())) {
      if (method !== "HEAD") routes.push(`${method} ${path}`);
    }
  }
  return [...new Set(routes)].sort();
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ roles: ["admin"], national: true, username: "matrix-national-admin" });
  sessions.set(NATIONAL, await signIn("matrix-national-admin"));
  for (const role of ROLES) {
    await t.createUser({ roles: [role], area: ["15"], username: `matrix-${role}` });
    sessions.set(role, await signIn(`matrix-${role}`));
  }
  await t.createUser({ roles: ["viewer"], area: ["15"], username: "matrix-spare" });

  // The out-of-area commune is a real commune of Battambang (02).
  const commune = await asNational("GET", "/api/v1/places/020101");
  expect(commune.statusCode).toBe(200);
  expect(commune.json()).toMatchObject({ level: "commune", path: [{ code: "02" }, { code: "0201" }] });

  fixtures.facility.in = await createFacility("in");
  fixtures.facility.out = await createFacility("out");
  fixtures.user.in = await t.createUser({
    roles: ["viewer"],
    area: ["1501"],
    username: "matrix-fixture-user-in",
  });
  fixtures.user.out = await t.createUser({
    roles: ["viewer"],
    area: ["02"],
    username: "matrix-fixture-user-out",
  });
  for (const where of ["in", "out"] as const) {
    const created = await asNational("POST", "/api/v1/organisations", organisationBody(where));
    expect(created.statusCode, created.body).toBe(201);
    fixtures.organisation[where] = created.json().id;
  }
  await t.createUser({ roles: ["national_officer"], area: ["15"], username: "matrix-uploader" });
  const uploaded = await importFileAs(await signIn("matrix-uploader"), "in");
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  fixtures.otherImport = uploaded.json().id;
  for (const matrix of MODULE_MATRICES) await matrix.setup?.(kit);
});
afterAll(() => t.close());

describe("access matrix", () => {
  it("has a row for every route registered under /api/v1, and no row for a route that does not exist", () => {
    const registered = registeredRoutes();
    expect(registered.length).toBeGreaterThan(30);
    const inMatrix = [...new Set(ROWS.map((row) => row.route))].sort();
    expect(registered.filter((route) => !inMatrix.includes(route))).toEqual([]);
    expect(inMatrix.filter((route) => !registered.includes(route))).toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.route} (${row.record})`, row] as const))("%s", async (_, row) => {
    const expected: Record<string, Outcome> = {};
    const actual: Record<string, Outcome> = {};
    for (const principal of PRINCIPALS) {
      expected[principal] = row.expect(principal);
      const response = await row.send(principal);
      actual[principal] = response === null ? "n/a" : (row.observe ?? outcomeOf)(response);
    }
    expect(actual).toEqual(expected);
  });
});
