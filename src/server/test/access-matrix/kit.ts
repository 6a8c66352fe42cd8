import type { LightMyRequestResponse } from "fastify";
import { ROLES, type Role } from "../../../domain/roles";
import type { Db } from "../../db/database";
import type { TestApp } from "../harness";

/**
 * The access matrix's vocabulary (see matrix.ts for the harness): principals, expected outcomes, rows,
 * and the kit a module's rows file gets to make requests and fixtures. Each module keeps its rows in
 * access-matrix/<module>.rows.ts and runs them in access-matrix/<module>.test.ts.
 */
export const NATIONAL = "national admin";
export const ANONYMOUS = "anonymous";
export type SignedIn = Role | typeof NATIONAL;
export type Principal = SignedIn | typeof ANONYMOUS;
export const PRINCIPALS: readonly Principal[] = [ANONYMOUS, ...ROLES, NATIONAL];

export type Outcome = number | string;
export type Expected = (principal: Principal) => Outcome;
export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Where = "in" | "out";

/** Who keeps the facility registry (facilities.policy.ts). */
export const EDITORS: readonly Role[] = [
  "admin",
  "national_officer",
  "provincial_officer",
  "district_officer",
];
export const ADMINS: readonly Role[] = ["admin"];

/** Every signed-in principal gets `ok` (the national administrator `national`); anonymous 401. */
export const everyone =
  (ok: Outcome, national: Outcome = ok): Expected =>
  (p) =>
    p === ANONYMOUS ? 401 : p === NATIONAL ? national : ok;

/** The `allowed` roles get `ok`, other roles `denied`, the national administrator `national`; anonymous 401. */
export const only =
  (
    allowed: readonly Role[],
    ok: Outcome,
    { denied = 403, national = ok }: { denied?: Outcome; national?: Outcome } = {},
  ): Expected =>
  (p) =>
    p === ANONYMOUS ? 401 : p === NATIONAL ? national : allowed.includes(p) ? ok : denied;

// ---- observing a response --------------------------------------------------------------------

const PLAIN_CODES: Record<number, string> = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" };

/** The status, with the problem's code when it is not the plain one for that status. */
export function outcomeOf(response: LightMyRequestResponse): Outcome {
  const status = response.statusCode;
  if (status < 400) return status;
  const problem = response.json() as { code: string; errors?: { code: string }[] };
  if (PLAIN_CODES[status] === problem.code) return status;
  return `${status} ${problem.errors?.[0]?.code ?? problem.code}`;
}

/** For a list: which of the in-area and out-of-area fixtures it shows. */
export const shows =
  (ids: (body: never) => string[], fixture: () => { in: string; out: string }) =>
  (response: LightMyRequestResponse): Outcome => {
    if (response.statusCode !== 200) return outcomeOf(response);
    const listed = new Set(ids(response.json() as never));
    const { in: inside, out } = fixture();
    const seen = [listed.has(inside) && "in", listed.has(out) && "out"].filter(Boolean).join("+");
    return `200 ${seen || "none"}`;
  };
export const itemIds = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
export interface Row {
  /** As registered: "METHOD /api/v1/path/:param". */
  route: string;
  record:
    | "-"
    | "in area"
    | "out of area"
    | "own"
    | "someone else's"
    /** A record that only some roles see even in their area (a child-protection report). */
    | "restricted, in area"
    | "restricted, out of area"
    /** In the area, but about a facility another person runs (feedback routing). */
    | "in area, another service";
  expect: Expected;
  /** Makes the principal's request; null when the case does not exist for the principal. */
  send: (p: Principal) => Promise<LightMyRequestResponse | null>;
  observe?: (response: LightMyRequestResponse) => Outcome;
}

export const both = (make: (where: Where) => Omit<Row, "record">): Row[] => [
  { ...make("in"), record: "in area" },
  { ...make("out"), record: "out of area" },
];

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  username: string;
}

/** What a module's rows get from the matrix: requests as each principal, the national admin, the places. */
export interface MatrixKit {
  db: () => Db;
  call: (
    p: Principal,
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  send: (
    session: Session | null,
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  asNational: (method: Method, url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  /** A second user with the principal's access and its own session (for rows that change state per principal). */
  twin: (p: Principal) => Promise<Session | null>;
  /** A user made straight in the database (no session); returns its id. */
  createUser: TestApp["createUser"];
  /** Signs a user in through the API, with the test password. */
  signIn: (username: string) => Promise<Session>;
  /** The principal's own session (null for anonymous). */
  sessionOf: (p: Principal) => Session | null;
  /** The principal's user id (null for anonymous). */
  userIdOf: (p: Principal) => string | null;
  unique: (prefix: string) => string;
  /** An in-area (Pursat, 15) and an out-of-area (Battambang, 02) commune with a village. */
  places: Record<Where, { commune: string; village: string; province: string; lat: number; lng: number }>;
}

/** A module's part of the matrix: fixtures made once before the rows run, then its rows. */
export interface ModuleMatrix {
  setup?: (kit: MatrixKit) => Promise<void>;
  rows: (kit: MatrixKit) => Row[];
}
