import { and, asc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles";
import { auditEvents, sessions } from "../../db/schema";
import { type Caller, createTestApp, TEST_PASSWORD, type TestApp } from "../../test/harness";
import { currentTotpCode, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, SESSION_COOKIE } from "./auth.service";

let t: TestApp;
let nationalAdmin: Session;

/** A signed-in session, with the raw cookie and CSRF token for requests that must leave one out. */
type Session = Caller & { cookie: string; csrf: string };

// Sign-in is rate limited per client address (20 a minute): each attempt here comes from its own.
let lastIp = 0;
const nextIp = () => {
  lastIp += 1;
  return `10.1.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
};

function attemptSignIn(
  username: string,
  password: string,
  options: { totpCode?: string; headers?: Record<string, string>; remoteAddress?: string } = {},
) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    remoteAddress: options.remoteAddress ?? nextIp(),
    headers: { "accept-language": "en", ...options.headers },
    payload: { username, password, ...(options.totpCode ? { totpCode: options.totpCode } : {}) },
  });
}

function sessionFrom(response: LightMyRequestResponse): Session {
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const body = response.json() as { csrfToken: string; user: { id: string } };
  const request: Caller["request"] = (method, url, payload, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie,
        ...(method !== "GET" ? { "x-csrf-token": body.csrfToken } : {}),
        "accept-language": "en",
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    userId: body.user.id,
    cookie,
    csrf: body.csrfToken,
    request,
    get: (url) => request("GET", url),
    post: (url, payload) => request("POST", url, payload ?? {}),
    put: (url, payload) => request("PUT", url, payload ?? {}),
  };
}

async function signIn(username: string, password = TEST_PASSWORD, totpCode?: string): Promise<Session> {
  return sessionFrom(await attemptSignIn(username, password, { totpCode }));
}

let userCount = 0;
/** A new user (area 15) and its user name. */
async function newUser(roles: Role[] = ["viewer"]) {
  userCount += 1;
  const username = `auth-user-${userCount}`;
  const id = await t.createUser({ roles, area: ["15"], username });
  return { id, username };
}

async function actionsOn(entityId: string): Promise<string[]> {
  const rows = await t.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(asc(auditEvents.id));
  return rows.map((row) => row.action);
}

/** A well-formed code that none of the time steps around now accepts. */
function wrongTotpCode(secret: string): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  const now = Date.now();
  const valid = new Set(
    [-3, -2, -1, 0, 1, 2, 3].map((step) => totp.generate({ timestamp: now + step * 30_000 })),
  );
  let candidate = 0;
  while (valid.has(String(candidate).padStart(6, "0"))) candidate += 1;
  return String(candidate).padStart(6, "0");
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ roles: ["admin"], national: true, username: "auth-national-admin" });
  nationalAdmin = await signIn("auth-national-admin");
});
afterAll(() => t.close());

describe("sign-in", () => {
  it("sets an httpOnly session cookie and returns the CSRF token and the user with abilities", async () => {
    const response = await attemptSignIn("auth-national-admin", TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.value).toMatch(/^[\w-]{40,}$/);
    const body = response.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(Object.keys(body.user).sort()).toEqual(
      [
        "abilities",
        "area",
        "displayName",
        "id",
        "locale",
        "mustEnrolTotp",
        "organisationId",
        "roles",
        "totpEnabled",
        "username",
      ].sort(),
    );
    expect(body.user).toMatchObject({
      username: "auth-national-admin",
      roles: ["admin"],
      area: { national: true, codes: [] },
      totpEnabled: false,
      mustEnrolTotp: false,
      abilities: [
        "audit:read",
        "catalogue:manage",
        "cycle:facilitate",
        "cycle:plan",
        "dashboard:read",
        "facility:create",
        "facility:import",
        "feedback:answer",
        "feedback:read",
        "organisation:manage",
        "programme:manage",
        "role:manage",
        "scorecard:review",
        "user:manage",
      ],
    });
    expect(await actionsOn(body.user.id)).toContain("user.signed_in");
  });

  it("gives a viewer only the dashboards, and the session endpoint returns the same CSRF token", async () => {
    const { username } = await newUser(["viewer"]);
    const viewer = await signIn(username);
    const response = await viewer.get("/api/v1/auth/session");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      csrfToken: viewer.csrf,
      user: { username, abilities: ["dashboard:read"] },
    });
  });

  it("refuses a wrong password and an unknown user alike, with 401 invalid_credentials", async () => {
    const { id, username } = await newUser();
    const wrong = await attemptSignIn(username, "Not-The-Password-1");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: "invalid_credentials",
      detail: "Wrong user name or password.",
    });
    expect(wrong.cookies).toHaveLength(0);
    const unknown = await attemptSignIn("nobody-by-this-name", "Not-The-Password-1");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(await actionsOn(id)).toEqual(["user.sign_in_failed"]);
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} wrong passwords, and refuses the right one while locked`, async () => {
    const { id, username } = await newUser();
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      const response = await attemptSignIn(username, `Wrong-Password-${attempt}`);
      expect(response.statusCode).toBe(401);
    }
    const last = await attemptSignIn(username, "Wrong-Password-last");
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({
      code: "account_locked",
      detail: `Too many failed sign-ins. Try again after ${LOCKOUT_MINUTES} minutes.`,
    });
    const right = await attemptSignIn(username, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe("account_locked");
    expect(right.cookies).toHaveLength(0);
    expect(await actionsOn(id)).toEqual([
      ...Array(MAX_FAILED_SIGN_INS - 1).fill("user.sign_in_failed"),
      "user.locked",
    ]);
  });

  it("answers a name without an account exactly as a real one, up to and past the lockout threshold", async () => {
    const { username } = await newUser();
    const unknown = `nobody-${username}`;
    const answers = async (name: string) => {
      const seen: unknown[] = [];
      for (let attempt = 1; attempt <= MAX_FAILED_SIGN_INS + 2; attempt++) {
        const response = await attemptSignIn(name, `Wrong-Password-${attempt}`);
        seen.push({ status: response.statusCode, body: response.json(), cookies: response.cookies.length });
      }
      return seen;
    };
    const real = await answers(username);
    expect(real.at(-1)).toMatchObject({ status: 429, body: { code: "account_locked" } });
    expect(await answers(unknown)).toEqual(real);
    // The name as typed in other letters is the same name, as for a real account.
    expect((await attemptSignIn(unknown.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(429);
  });

  it("locks the account when wrong passwords arrive all at once", async () => {
    const { id, username } = await newUser();
    const attempts = await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS + 3 }, (_, i) =>
        attemptSignIn(username, `Wrong-Password-${i}`),
      ),
    );
    expect(attempts.every((response) => [401, 429].includes(response.statusCode))).toBe(true);
    const right = await attemptSignIn(username, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(await actionsOn(id)).toContain("user.locked");
  });

  it("limits sign-in attempts to 20 a minute from one client address", async () => {
    const client = "198.51.100.7";
    for (let attempt = 1; attempt <= 20; attempt++) {
      const response = await attemptSignIn(`nobody-${attempt}`, "Not-The-Password-1", {
        remoteAddress: client,
      });
      expect(response.statusCode).toBe(401);
    }
    const limited = await attemptSignIn("auth-national-admin", TEST_PASSWORD, { remoteAddress: client });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
    expect((await attemptSignIn("auth-national-admin", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("does not believe X-Forwarded-For from a client that is not a proxy", async () => {
    // Otherwise anyone escapes the sign-in limit, and puts any address they like in the audit log.
    const { id, username } = await newUser();
    const client = "203.0.113.9";
    const signedIn = await attemptSignIn(username, TEST_PASSWORD, {
      remoteAddress: client,
      headers: { "x-forwarded-for": "192.0.2.99" },
    });
    expect(signedIn.statusCode).toBe(200);
    const [event] = await t.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "user.signed_in")));
    expect(event.ip).toBe(client);
    for (let attempt = 1; attempt <= 20; attempt++) {
      await attemptSignIn(`nobody-${attempt}`, "Not-The-Password-1", { remoteAddress: client });
    }
    const spoofed = await attemptSignIn(username, TEST_PASSWORD, {
      remoteAddress: client,
      headers: { "x-forwarded-for": "192.0.2.100" },
    });
    expect(spoofed.statusCode).toBe(429);
  });

  it("refuses a user who has been switched off", async () => {
    const { id, username } = await newUser();
    const user = (await nationalAdmin.get(`/api/v1/users/${id}`)).json();
    const off = await nationalAdmin.put(`/api/v1/users/${id}`, {
      displayName: user.displayName,
      roles: user.roles,
      area: user.area,
      locale: user.locale,
      active: false,
    });
    expect(off.statusCode).toBe(200);
    const response = await attemptSignIn(username, TEST_PASSWORD);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("account_inactive");
    expect(response.cookies).toHaveLength(0);
    expect(await actionsOn(id)).not.toContain("user.signed_in");
  });

  it("refuses a cross-site sign-in (login CSRF) even with the right password", async () => {
    const { id, username } = await newUser();
    const response = await attemptSignIn(username, TEST_PASSWORD, {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("csrf_failed");
    expect(response.cookies).toHaveLength(0);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    const sameOrigin = await attemptSignIn(username, TEST_PASSWORD, {
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("answers 401 to GET /auth/session without a cookie, or with a made-up one", async () => {
    const none = await t.anonymous.get("/api/v1/auth/session");
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe("unauthenticated");
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/session",
      headers: { cookie: `${SESSION_COOKIE}=forged-token` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("answers 401 to an anonymous caller before looking at what was sent", async () => {
    for (const [method, url, payload] of [
      ["POST", "/api/v1/facilities", {}],
      ["POST", "/api/v1/users", { username: 5 }],
      ["GET", "/api/v1/places/abc", undefined],
      ["GET", "/api/v1/audit?from=yesterday", undefined],
    ] as const) {
      const response = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).not.toHaveProperty("errors");
    }
  });

  it("refuses a state-changing request with the cookie but no or a wrong X-CSRF-Token, changing nothing", async () => {
    const { id, username } = await newUser();
    const session = await signIn(username);
    const noToken = await t.app.inject({
      method: "PUT",
      url: "/api/v1/auth/preferences",
      headers: { cookie: session.cookie, "accept-language": "en" },
      payload: { locale: "km" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("csrf_failed");
    const wrongToken = await session.request(
      "PUT",
      "/api/v1/auth/preferences",
      { locale: "km" },
      {
        "x-csrf-token": `${session.csrf}x`,
      },
    );
    expect(wrongToken.statusCode).toBe(403);
    expect(wrongToken.json().code).toBe("csrf_failed");
    // A token of another session is wrong too.
    const other = await signIn(username);
    const othersToken = await session.request(
      "POST",
      "/api/v1/auth/sign-out",
      {},
      { "x-csrf-token": other.csrf },
    );
    expect(othersToken.statusCode).toBe(403);

    expect((await session.get("/api/v1/auth/session")).json().user.locale).toBe("en");
    expect(await actionsOn(id)).not.toContain("user.preferences_changed");
    expect(await actionsOn(id)).not.toContain("user.signed_out");

    const organisationsBefore = (await nationalAdmin.get("/api/v1/organisations")).json().items.length;
    const create = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { cookie: nationalAdmin.cookie },
      payload: { nameKm: "អង្គការ", nameEn: "Forged", kind: "ngo" },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe("csrf_failed");
    expect((await nationalAdmin.get("/api/v1/organisations")).json().items).toHaveLength(organisationsBefore);
  });

  it("signing out ends the session: the old cookie gets 401", async () => {
    const { id, username } = await newUser();
    const session = await signIn(username);
    const other = await signIn(username);
    const response = await session.post("/api/v1/auth/sign-out");
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe("");
    expect((await session.get("/api/v1/auth/session")).statusCode).toBe(401);
    // Only that session: another device stays signed in.
    expect((await other.get("/api/v1/auth/session")).statusCode).toBe(200);
    expect(await actionsOn(id)).toContain("user.signed_out");
  });

  it("signing out everywhere ends every session of the user, and no one else's", async () => {
    const { id, username } = await newUser();
    const first = await signIn(username);
    const second = await signIn(username);
    const bystander = await signIn((await newUser()).username);
    const response = await first.post("/api/v1/auth/sign-out-everywhere");
    expect(response.statusCode).toBe(200);
    expect((await first.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await second.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await bystander.get("/api/v1/auth/session")).statusCode).toBe(200);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "user.signed_out_everywhere"));
    expect(event).toMatchObject({ entityId: id, changes: { sessions: 2 } });
  });
});

describe("changing one's password", () => {
  it("checks the current password and the policy, then ends the sessions; the new password works", async () => {
    const { id, username } = await newUser();
    const session = await signIn(username);
    const other = await signIn(username);

    const wrongCurrent = await session.post("/api/v1/auth/password", {
      currentPassword: "Not-The-Password-1",
      newPassword: "Plum-Orchard-Lantern-42",
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json()).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "currentPassword", code: "wrong_password" }],
    });

    const common = await session.post("/api/v1/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "password123",
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors).toEqual([
      expect.objectContaining({ path: "newPassword", code: "password_common" }),
    ]);

    const short = await session.post("/api/v1/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "Sh0rt-pw",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { path: "newPassword", code: "password_too_short", message: "Use at least 10 characters." },
    ]);
    // Nothing has changed so far.
    expect((await session.get("/api/v1/auth/session")).statusCode).toBe(200);
    expect(await actionsOn(id)).not.toContain("user.password_changed");

    const changed = await session.post("/api/v1/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "Plum-Orchard-Lantern-42",
    });
    expect(changed.statusCode).toBe(200);
    expect((await session.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await other.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await attemptSignIn(username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await attemptSignIn(username, "Plum-Orchard-Lantern-42")).statusCode).toBe(200);
    expect(await actionsOn(id)).toContain("user.password_changed");
  });
});

describe("preferences", () => {
  it("switches the language of the session and of problem messages", async () => {
    const { id, username } = await newUser();
    const session = await signIn(username);
    // The harness asks for English in Accept-Language; the user's own choice wins over it.
    const toKhmer = await session.put("/api/v1/auth/preferences", { locale: "km" });
    expect(toKhmer.statusCode).toBe(200);
    expect((await session.get("/api/v1/auth/session")).json().user.locale).toBe("km");
    const inKhmer = (await session.get("/api/v1/places/99")).json();
    expect(inKhmer).toMatchObject({ code: "not_found", title: "Not found.", detail: "រកមិនឃើញ។" });

    const toEnglish = await session.put("/api/v1/auth/preferences", { locale: "en" });
    expect(toEnglish.statusCode).toBe(200);
    expect((await session.get("/api/v1/auth/session")).json().user.locale).toBe("en");
    expect((await session.get("/api/v1/places/99")).json().detail).toBe("Not found.");
    const fieldError = (await session.put("/api/v1/auth/preferences", { locale: "fr" })).json();
    expect(fieldError.errors).toEqual([
      { path: "locale", code: "field_unknown_value", message: "Not one of the allowed values." },
    ]);

    expect((await session.put("/api/v1/auth/preferences", { locale: "km" })).statusCode).toBe(200);
    const khmerAgain = await session.request("GET", "/api/v1/places/99", undefined, {
      "accept-language": "en-GB",
    });
    expect(khmerAgain.json().detail).toBe("រកមិនឃើញ។");
    const fieldErrorKm = (await session.put("/api/v1/auth/preferences", { locale: "fr" })).json();
    expect(fieldErrorKm.errors[0].message).toBe("មិនមែនជាតម្លៃដែលអនុញ្ញាតទេ។");

    const changes = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.action, "user.preferences_changed"))
      .orderBy(asc(auditEvents.id));
    expect(changes.map((row) => row.changes)).toEqual([
      { locale: { from: "en", to: "km" } },
      { locale: { from: "km", to: "en" } },
      { locale: { from: "en", to: "km" } },
    ]);
    expect(await actionsOn(id)).toContain("user.preferences_changed");
  });
});

/** Signs the user in and turns two-factor on with a right code; answers the session and the secret. */
async function withTotp(username: string) {
  const session = await signIn(username);
  const { secret } = (await session.post("/api/v1/auth/totp/setup")).json();
  expect((await session.post("/api/v1/auth/totp/enable", { code: currentTotpCode(secret) })).statusCode).toBe(
    200,
  );
  return { session, secret: secret as string };
}

describe("two-factor sign-in", () => {
  it("sets up, refuses a wrong code, enables with the right one, then asks for the code at sign-in", async () => {
    const { id, username } = await newUser();
    const session = await signIn(username);
    const setup = await session.post("/api/v1/auth/totp/setup");
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Samleng:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain(username);
    // Not in force until a code proves the authenticator has the secret.
    expect((await attemptSignIn(username, TEST_PASSWORD)).statusCode).toBe(200);

    const wrong = await session.post("/api/v1/auth/totp/enable", { code: wrongTotpCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "code", code: "totp_invalid" }],
    });
    expect((await session.get("/api/v1/auth/session")).json().user.totpEnabled).toBe(false);

    const right = await session.post("/api/v1/auth/totp/enable", { code: currentTotpCode(secret) });
    expect(right.statusCode).toBe(200);
    expect((await session.get("/api/v1/auth/session")).json().user.totpEnabled).toBe(true);

    const withoutCode = await attemptSignIn(username, TEST_PASSWORD);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().code).toBe("totp_required");
    expect(withoutCode.cookies).toHaveLength(0);
    const wrongCode = await attemptSignIn(username, TEST_PASSWORD, { totpCode: wrongTotpCode(secret) });
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.json().code).toBe("totp_invalid");
    // A right code does not make up for a wrong password.
    const wrongPassword = await attemptSignIn(username, "Not-The-Password-1", {
      totpCode: currentTotpCode(secret),
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBe("invalid_credentials");
    const withCode = await attemptSignIn(username, TEST_PASSWORD, { totpCode: currentTotpCode(secret) });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().user.totpEnabled).toBe(true);

    const actions = await actionsOn(id);
    expect(actions).toContain("user.totp_setup_started");
    expect(actions).toContain("user.totp_enabled");
  });

  it("counts wrong codes towards the lockout, so that the code cannot be guessed", async () => {
    const { id, username } = await newUser();
    const { secret } = await withTotp(username);
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      const response = await attemptSignIn(username, TEST_PASSWORD, { totpCode: wrongTotpCode(secret) });
      expect(response.json().code).toBe("totp_invalid");
    }
    const last = await attemptSignIn(username, TEST_PASSWORD, { totpCode: wrongTotpCode(secret) });
    expect(last.statusCode).toBe(429);
    expect(last.json().code).toBe("account_locked");
    const right = await attemptSignIn(username, TEST_PASSWORD, { totpCode: currentTotpCode(secret) });
    expect(right.statusCode).toBe(429);
    expect(await actionsOn(id)).toContain("user.locked");
  });

  it("takes a code once: the same code again within its window is refused and counted", async () => {
    const { id, username } = await newUser();
    const { secret } = await withTotp(username);
    const code = currentTotpCode(secret);
    expect((await attemptSignIn(username, TEST_PASSWORD, { totpCode: code })).statusCode).toBe(200);
    const replayed = await attemptSignIn(username, TEST_PASSWORD, { totpCode: code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({
      code: "totp_used",
      detail: "That code has been used already. Wait for the next code in your app.",
    });
    expect(replayed.cookies).toHaveLength(0);
    const failed = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "user.sign_in_failed")));
    expect(failed.map((event) => event.changes)).toEqual([{ failures: 1, reason: "totp_used" }]);
  });

  it("cannot be switched off without the password, not even by starting setup again", async () => {
    const { username } = await newUser();
    const { session, secret } = await withTotp(username);

    // Whoever holds the session but not the password must not be able to drop the second factor.
    const again = await session.post("/api/v1/auth/totp/setup");
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("totp_already_enabled");
    expect((await attemptSignIn(username, TEST_PASSWORD)).json().code).toBe("totp_required");
    // The enrolled secret still holds.
    expect(
      (await attemptSignIn(username, TEST_PASSWORD, { totpCode: currentTotpCode(secret) })).statusCode,
    ).toBe(200);

    const wrongPassword = await session.post("/api/v1/auth/totp/disable", { password: "Not-The-Password-1" });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().errors).toEqual([
      expect.objectContaining({ path: "password", code: "wrong_password" }),
    ]);
    expect((await session.post("/api/v1/auth/totp/disable", { password: TEST_PASSWORD })).statusCode).toBe(
      200,
    );
    expect((await attemptSignIn(username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("when a role requires it, a user who has not enrolled can only enrol, and cannot switch it off", async () => {
    const { id, username } = await newUser(["supervisor"]);
    const required = await nationalAdmin.put("/api/v1/roles/supervisor", { requireTotp: true });
    expect(required.statusCode).toBe(200);
    expect(required.json().items).toContainEqual({ role: "supervisor", requireTotp: true });
    const [setting] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "role.settings_changed"));
    expect(setting).toMatchObject({
      entityId: "supervisor",
      changes: { requireTotp: { from: false, to: true } },
    });

    const signedIn = await attemptSignIn(username, TEST_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustEnrolTotp).toBe(true);
    const session = sessionFrom(signedIn);
    expect((await session.get("/api/v1/auth/session")).json().user.mustEnrolTotp).toBe(true);

    for (const response of [
      await session.get("/api/v1/facilities"),
      await session.get("/api/v1/places"),
      await session.post("/api/v1/organisations", { nameKm: "អង្គការ", nameEn: "Blocked", kind: "ngo" }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("totp_enrollment_required");
    }

    const setup = await session.post("/api/v1/auth/totp/setup");
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json();
    expect(
      (await session.post("/api/v1/auth/totp/enable", { code: currentTotpCode(secret) })).statusCode,
    ).toBe(200);
    expect((await session.get("/api/v1/auth/session")).json().user.mustEnrolTotp).toBe(false);
    expect((await session.get("/api/v1/facilities")).statusCode).toBe(200);

    const disable = await session.post("/api/v1/auth/totp/disable", { password: TEST_PASSWORD });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().code).toBe("totp_still_required");
    expect((await attemptSignIn(username, TEST_PASSWORD)).json().code).toBe("totp_required");
    expect(await actionsOn(id)).not.toContain("user.totp_disabled");

    // Other roles are not affected.
    const viewer = await signIn((await newUser(["viewer"])).username);
    expect((await viewer.get("/api/v1/facilities")).statusCode).toBe(200);
    expect((await nationalAdmin.put("/api/v1/roles/supervisor", { requireTotp: false })).statusCode).toBe(
      200,
    );
  });
});

describe("the language chosen on the sign-in page", () => {
  it("is the one the user gets, and is saved as hers; without one, hers stays", async () => {
    const { id, username } = await newUser();
    const english = await attemptSignIn(username, TEST_PASSWORD);
    expect(english.json().user.locale).toBe("en");
    const khmer = t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      remoteAddress: nextIp(),
      payload: { username, password: TEST_PASSWORD, locale: "km" },
    });
    const signedIn = await khmer;
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.locale).toBe("km");
    // Saved: the next sign-in without a language, and the session, are in Khmer.
    const again = await attemptSignIn(username, TEST_PASSWORD);
    expect(again.json().user.locale).toBe("km");
    const session = sessionFrom(again);
    expect((await session.get("/api/v1/places/99")).json().detail).toBe("រកមិនឃើញ។");
    const changes = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "user.preferences_changed")));
    expect(changes.map((row) => row.changes)).toEqual([{ locale: { from: "en", to: "km" } }]);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      remoteAddress: nextIp(),
      payload: { username, password: TEST_PASSWORD, locale: "fr" },
    });
    expect(refused.statusCode).toBe(400);
  });
});
