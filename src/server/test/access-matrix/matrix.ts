import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../domain/roles";
import { sessions as sessionsTable } from "../../db/schema";
import { hashToken, SESSION_COOKIE } from "../../modules/auth/auth.service";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../harness";
import {
  ANONYMOUS,
  type MatrixKit,
  type Method,
  type ModuleMatrix,
  NATIONAL,
  type Outcome,
  outcomeOf,
  PRINCIPALS,
  type Principal,
  type Session,
  type SignedIn,
  type Where,
} from "./kit";

/**
 * The access matrix's harness (see kit.ts for the vocabulary): one app on its own database per test
 * file, a signed-in user for every role (area "15", Pursat) and a national administrator, and the
 * kit that a module's rows use. Each module's matrix runs in its own file (access-matrix/<module>.test.ts)
 * so that Vitest runs them in parallel; access-matrix.test.ts checks that together they cover every route.
 */
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

export const kit: MatrixKit = {
  db: () => t.db,
  call,
  send,
  asNational: (method, url, body) => call(NATIONAL, method, url, body),
  twin,
  createUser: (options) => t.createUser(options),
  signIn: (username) => signIn(username),
  sessionOf,
  userIdOf: (p) => (p === ANONYMOUS ? null : sessions.get(p)!.userId),
  unique,
  places: PLACES,
};

/** Opens the app and signs in every principal; `matrix` then makes its fixtures. */
async function open(matrix: ModuleMatrix) {
  t = await createTestApp();
  await t.createUser({ roles: ["admin"], national: true, username: "matrix-national-admin" });
  sessions.set(NATIONAL, await signIn("matrix-national-admin"));
  for (const role of ROLES) {
    await t.createUser({ roles: [role], area: ["15"], username: `matrix-${role}` });
    sessions.set(role, await signIn(`matrix-${role}`));
  }

  // The out-of-area commune is a real commune of Battambang (02).
  const commune = await kit.asNational("GET", "/api/v1/places/020101");
  expect(commune.statusCode).toBe(200);
  expect(commune.json()).toMatchObject({ level: "commune", path: [{ code: "02" }, { code: "0201" }] });

  await matrix.setup?.(kit);
}

/**
 * The matrix of one module: each row is a test that asks every principal in turn and compares all
 * their outcomes at once with what the row expects.
 */
export function runMatrix(matrix: ModuleMatrix) {
  const rows = matrix.rows(kit);
  beforeAll(() => open(matrix));
  afterAll(() => t.close());

  describe("access matrix", () => {
    it.each(rows.map((row) => [`${row.route} (${row.record})`, row] as const))("%s", async (_, row) => {
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
}

/** The app alone, for the test that compares the registered routes with the matrix's rows. */
export async function openApp() {
  t = await createTestApp();
  return t;
}
