import type { LightMyRequestResponse } from "fastify";
import { uuidv7 } from "uuidv7";
import type { Role } from "../../domain/roles";
import { buildApp } from "../app";
import type { Database } from "../db/database";
import * as users from "../modules/users/users.repo";
import { type Clock, systemClock } from "../platform/clock";
import { contactCipher } from "../platform/contact-cipher";
import { depsOf } from "../platform/http";
import { hashPassword } from "../platform/passwords";
import { openTestDatabase } from "./test-database";

export const TEST_PASSWORD = "Correct-Horse-Battery-9";
/** Seals phone numbers in tests (a fixed key, so that a test can open what the app sealed). */
export const TEST_CIPHER = contactCipher(Buffer.alloc(32, 42));
let passwordHash: string | undefined;
let signIns = 0;

type Method = "GET" | "POST" | "PUT" | "DELETE";

/** A signed-in (or anonymous) caller of the API through Fastify's inject, with its cookie and CSRF token. */
export interface Caller {
  userId: string | null;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The app on a fresh clone of the test database, with helpers to make users and sign them in. A test
 * that depends on the date gives a clock (`testClock("2026-12-08T03:00:00Z")`): every service reads
 * its time from it (docs/mechanisms/write-path.md).
 */
export async function createTestApp(options: { clock?: Clock } = {}) {
  const database: Database = await openTestDatabase();
  const clock = options.clock ?? systemClock;
  const app = await buildApp({ database, logLevel: "silent", contactCipher: TEST_CIPHER, clock });
  await app.ready();

  function caller(cookie: string | null, csrf: string | null, userId: string | null): Caller {
    const request: Caller["request"] = (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf && method !== "GET" ? { "x-csrf-token": csrf } : {}),
          "accept-language": "en",
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      userId,
      request,
      get: (url) => request("GET", url),
      post: (url, body) => request("POST", url, body ?? {}),
      put: (url, body) => request("PUT", url, body ?? {}),
    };
  }

  /** Creates a user with these roles and area; returns its id. */
  async function createUser(options: {
    roles: Role[];
    area?: string[];
    national?: boolean;
    username?: string;
    /** The facilities a service provider runs. */
    facilities?: string[];
  }) {
    passwordHash ??= await hashPassword(TEST_PASSWORD);
    const id = uuidv7();
    await users.insert(
      database.db,
      {
        id,
        username: options.username ?? `user-${id.slice(-12)}`,
        displayName: `Test ${options.roles.join("+")}`,
        email: null,
        passwordHash,
        organisationId: null,
        locale: "en",
        nationalArea: options.national ?? false,
      },
      options.roles,
      options.national ? [] : (options.area ?? []),
    );
    await users.replaceFacilities(database.db, id, options.facilities ?? []);
    return id;
  }

  /** Signs a user in through the API and returns a caller carrying the session. */
  async function signIn(username: string, password = TEST_PASSWORD): Promise<Caller> {
    // Each sign-in from its own address, so that a test file never meets the per-IP sign-in rate limit.
    signIns++;
    const remoteAddress = `10.0.${Math.floor(signIns / 250)}.${(signIns % 250) + 1}`;
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { username, password },
      remoteAddress,
    });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const body = response.json() as { csrfToken: string; user: { id: string } };
    return caller(cookie, body.csrfToken, body.user.id);
  }

  /** Creates a user and signs them in. */
  async function as(options: Parameters<typeof createUser>[0]): Promise<Caller> {
    const username = options.username ?? `user-${uuidv7().slice(-12)}`;
    await createUser({ ...options, username });
    return signIn(username);
  }

  return {
    app,
    database,
    db: database.db,
    clock,
    /** What services take besides the actor (a job function's context). */
    deps: depsOf(app),
    anonymous: caller(null, null, null),
    createUser,
    signIn,
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
