import { and, asc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../domain/roles";
import { auditEvents, facilities } from "../../db/schema";
import { type Caller, createTestApp, TEST_PASSWORD, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";

let t: TestApp;
let nationalAdmin: Caller;
let provincialAdmin: Caller;

// Sign-in is rate limited per client address (20 a minute): each attempt here comes from its own.
let lastIp = 0;
const nextIp = () => {
  lastIp += 1;
  return `10.2.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
};

function attemptSignIn(username: string, password = TEST_PASSWORD) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    remoteAddress: nextIp(),
    headers: { "accept-language": "en" },
    payload: { username, password },
  });
}

async function signIn(username: string, password = TEST_PASSWORD): Promise<Caller> {
  const response = await attemptSignIn(username, password);
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const { csrfToken, user } = response.json() as { csrfToken: string; user: { id: string } };
  const request: Caller["request"] = (method, url, payload, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie,
        ...(method !== "GET" ? { "x-csrf-token": csrfToken } : {}),
        "accept-language": "en",
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    userId: user.id,
    request,
    get: (url) => request("GET", url),
    post: (url, payload) => request("POST", url, payload ?? {}),
    put: (url, payload) => request("PUT", url, payload ?? {}),
  };
}

let counter = 0;
const uniqueName = (prefix: string) => {
  counter += 1;
  return `${prefix}-${counter}`;
};

/** A valid body for POST /api/v1/users. */
function newUserBody(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueName("new-user"),
    displayName: "Sokha Chan",
    email: "sokha@example.org",
    roles: ["viewer"],
    area: { national: false, codes: ["1501"] },
    locale: "km",
    password: "Mekong-Lotus-Harbour-7",
    ...overrides,
  };
}

/** The PUT body that leaves a user as it is, with overrides. */
function updateBody(user: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    displayName: user.displayName,
    email: user.email,
    organisationId: user.organisationId,
    roles: user.roles,
    area: user.area,
    locale: user.locale,
    active: user.active,
    ...overrides,
  };
}

async function eventsOn(entityId: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(asc(auditEvents.id));
}

function expectFieldError(response: LightMyRequestResponse, status: number, path: string, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json()).toMatchObject({ code: "validation_failed" });
  expect(response.json().errors).toContainEqual(expect.objectContaining({ path, code }));
}

let userOf02: string;
let nationalUser: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ roles: ["admin"], national: true, username: "users-national-admin" });
  await t.createUser({ roles: ["admin"], area: ["15"], username: "users-pursat-admin" });
  nationalAdmin = await signIn("users-national-admin");
  provincialAdmin = await signIn("users-pursat-admin");
  userOf02 = await t.createUser({ roles: ["viewer"], area: ["02"], username: "users-battambang-viewer" });
  nationalUser = await t.createUser({ roles: ["viewer"], national: true, username: "users-national-viewer" });
});
afterAll(() => t.close());

describe("creating users", () => {
  it("creates a user (201) and audits user.created with the values", async () => {
    const body = newUserBody();
    const response = await nationalAdmin.post("/api/v1/users", body);
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: body.username,
      displayName: "Sokha Chan",
      email: "sokha@example.org",
      roles: ["viewer"],
      area: { national: false, codes: ["1501"] },
      locale: "km",
      active: true,
      totpEnabled: false,
      locked: false,
      lastSignInAt: null,
    });
    expect(user).not.toHaveProperty("passwordHash");
    expect((await nationalAdmin.get(`/api/v1/users/${user.id}`)).json()).toEqual(user);
    const [event] = await eventsOn(user.id);
    expect(event).toMatchObject({
      action: "user.created",
      entityType: "user",
      actorUsername: "users-national-admin",
      actorRoles: ["admin"],
      changes: {
        username: { from: null, to: body.username },
        displayName: { from: null, to: "Sokha Chan" },
        roles: { from: null, to: ["viewer"] },
        area: { from: null, to: { national: false, codes: ["1501"] } },
      },
    });
    expect(JSON.stringify(event.changes)).not.toContain(body.password);
    // The new user can sign in with the password given.
    expect((await attemptSignIn(body.username, body.password)).statusCode).toBe(200);
  });

  it("refuses a user name that is taken, whatever its case (409 on username)", async () => {
    const body = newUserBody();
    expect((await nationalAdmin.post("/api/v1/users", body)).statusCode).toBe(201);
    const again = await nationalAdmin.post("/api/v1/users", {
      ...body,
      username: body.username.toUpperCase(),
    });
    expectFieldError(again, 409, "username", "duplicate_username");
  });

  it.each([
    ["too short", "Short-1", "password_too_short"],
    ["common", "password123", "password_common"],
    ["containing the user name", "xx-policy-user-99-xx", "password_contains_username"],
  ])("refuses a password that is %s", async (_, password, code) => {
    const response = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ username: "policy-user-99", password }),
    );
    expectFieldError(response, 400, "password", code);
    expect((await nationalAdmin.get("/api/v1/users?q=policy-user-99")).json().total).toBe(0);
  });

  it("refuses an unknown role", async () => {
    const response = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ roles: ["viewer", "overlord"] }),
    );
    expectFieldError(response, 400, "roles.1", "field_unknown_value");
  });

  it("refuses an area with a place code that does not exist, or a malformed one", async () => {
    const unknown = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: ["99"] } }),
    );
    expectFieldError(unknown, 400, "area.codes.0", "unknown_place");
    const second = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: ["15", "150199"] } }),
    );
    expectFieldError(second, 400, "area.codes.1", "unknown_place");
    const malformed = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: ["abc"] } }),
    );
    expectFieldError(malformed, 400, "area.codes.0", "unknown_place");
    expect(malformed.json().errors[0].message).toBe("No place has the code abc.");
  });

  it("tells a missing field from a field of the wrong type", async () => {
    const { displayName: _, ...withoutName } = newUserBody();
    const missing = await nationalAdmin.post("/api/v1/users", withoutName);
    expect(missing.json().errors).toEqual([
      { path: "displayName", code: "field_required", message: "Required." },
    ]);
    const wrongType = await nationalAdmin.post("/api/v1/users", newUserBody({ displayName: 5 }));
    expect(wrongType.json().errors).toEqual([
      { path: "displayName", code: "field_wrong_type", message: "Expected string." },
    ]);
  });

  it("refuses an empty area without national access", async () => {
    const response = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: [] } }),
    );
    expectFieldError(response, 400, "area", "area_required");
  });

  it("refuses an unknown organisation", async () => {
    const response = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ organisationId: "0190a5a0-0000-7000-8000-000000000000" }),
    );
    expectFieldError(response, 400, "organisationId", "unknown_organisation");
  });
});

describe("a provincial administrator (admin of 15)", () => {
  it("creates users inside 15, but not of 02 nor national", async () => {
    const inside = await provincialAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: ["1501", "15"] } }),
    );
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json().area).toEqual({ national: false, codes: ["15", "1501"] });
    const of02 = await provincialAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: ["02"] } }),
    );
    expectFieldError(of02, 400, "area", "area_outside_yours");
    const mixed = await provincialAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: false, codes: ["15", "0201"] } }),
    );
    expectFieldError(mixed, 400, "area", "area_outside_yours");
    const national = await provincialAdmin.post(
      "/api/v1/users",
      newUserBody({ area: { national: true, codes: [] } }),
    );
    expectFieldError(national, 400, "area", "area_outside_yours");
  });

  it("sees the users whose whole area lies in 15, and nobody else (404)", async () => {
    const inside = (
      await nationalAdmin.post("/api/v1/users", newUserBody({ area: { national: false, codes: ["150101"] } }))
    ).json();
    const straddling = (
      await nationalAdmin.post(
        "/api/v1/users",
        newUserBody({ area: { national: false, codes: ["15", "02"] } }),
      )
    ).json();
    const listed = (await provincialAdmin.get("/api/v1/users?limit=200")).json();
    const ids = listed.items.map((user: { id: string }) => user.id);
    expect(ids).toContain(inside.id);
    expect(ids).toContain(provincialAdmin.userId);
    expect(ids).not.toContain(userOf02);
    expect(ids).not.toContain(nationalUser);
    expect(ids).not.toContain(straddling.id);
    expect(ids).not.toContain(nationalAdmin.userId);
    expect(listed.total).toBe(ids.length);
    for (const user of listed.items as { area: { national: boolean; codes: string[] } }[]) {
      expect(user.area.national).toBe(false);
      for (const code of user.area.codes) expect(code.startsWith("15")).toBe(true);
    }

    expect((await provincialAdmin.get(`/api/v1/users/${inside.id}`)).statusCode).toBe(200);
    for (const id of [userOf02, nationalUser, straddling.id, nationalAdmin.userId!]) {
      const response = await provincialAdmin.get(`/api/v1/users/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe("not_found");
    }
    // Nor can it change or reset them: out of its area reads as not found.
    const other = (await nationalAdmin.get(`/api/v1/users/${userOf02}`)).json();
    expect((await provincialAdmin.put(`/api/v1/users/${userOf02}`, updateBody(other))).statusCode).toBe(404);
    const reset = await provincialAdmin.post(`/api/v1/users/${userOf02}/password`, {
      password: "Mekong-Lotus-Harbour-8",
    });
    expect(reset.statusCode).toBe(404);
    expect(await eventsOn(userOf02)).toEqual([]);
  });

  it("cannot move a user of its area out of it", async () => {
    const user = (await provincialAdmin.post("/api/v1/users", newUserBody())).json();
    const moved = await provincialAdmin.put(
      `/api/v1/users/${user.id}`,
      updateBody(user, { area: { national: false, codes: ["02"] } }),
    );
    expectFieldError(moved, 400, "area", "area_outside_yours");
    expect((await provincialAdmin.get(`/api/v1/users/${user.id}`)).json().area.codes).toEqual(["1501"]);
  });

  it("cannot change the two-factor setting of a role (national administrators only)", async () => {
    const response = await provincialAdmin.put("/api/v1/roles/viewer", { requireTotp: true });
    expect(response.statusCode).toBe(403);
    expect((await provincialAdmin.get("/api/v1/roles")).json().items).toContainEqual({
      role: "viewer",
      requireTotp: false,
    });
  });
});

describe("updating users", () => {
  it("changes roles and area, and audits the difference", async () => {
    const user = (await nationalAdmin.post("/api/v1/users", newUserBody())).json();
    const response = await nationalAdmin.put(
      `/api/v1/users/${user.id}`,
      updateBody(user, {
        roles: ["social_worker", "facilitator"],
        area: { national: false, codes: ["1502", "1501"] },
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      roles: ["facilitator", "social_worker"],
      area: { national: false, codes: ["1501", "1502"] },
    });
    const updated = (await eventsOn(user.id)).find((event) => event.action === "user.updated");
    expect(updated?.changes).toEqual({
      roles: { from: ["viewer"], to: ["facilitator", "social_worker"] },
      area: { from: { national: false, codes: ["1501"] }, to: { national: false, codes: ["1501", "1502"] } },
    });
  });

  it("refuses to let administrators change their own roles, area or switch themselves off", async () => {
    const self = (await provincialAdmin.get(`/api/v1/users/${provincialAdmin.userId}`)).json();
    for (const change of [
      { roles: ["admin", "viewer"] },
      { area: { national: false, codes: ["1501"] } },
      { active: false },
    ]) {
      const response = await provincialAdmin.put(`/api/v1/users/${self.id}`, updateBody(self, change));
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe("cannot_change_own_access");
    }
    // Their own name is theirs to change.
    const renamed = await provincialAdmin.put(
      `/api/v1/users/${self.id}`,
      updateBody(self, { displayName: "Dara" }),
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: "Dara", roles: ["admin"], area: self.area });
  });

  it("switching a user off ends their sessions and stops sign-in", async () => {
    const body = newUserBody();
    const user = (await nationalAdmin.post("/api/v1/users", body)).json();
    const session = await signIn(body.username, body.password);
    expect((await session.get("/api/v1/auth/session")).statusCode).toBe(200);
    const off = await nationalAdmin.put(`/api/v1/users/${user.id}`, updateBody(user, { active: false }));
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await session.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await attemptSignIn(body.username, body.password)).json().code).toBe("account_inactive");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.updated")));
    expect(event.changes).toEqual({ active: { from: true, to: false } });
    // Still listed among the inactive, not among the active.
    const inactive = (await nationalAdmin.get(`/api/v1/users?status=inactive&q=${body.username}`)).json();
    expect(inactive.items.map((u: { id: string }) => u.id)).toEqual([user.id]);
    expect((await nationalAdmin.get(`/api/v1/users?status=active&q=${body.username}`)).json().total).toBe(0);
  });

  it("resetting a password unlocks the account and ends the user's sessions", async () => {
    const body = newUserBody();
    const user = (await nationalAdmin.post("/api/v1/users", body)).json();
    const session = await signIn(body.username, body.password);
    for (let attempt = 0; attempt < 5; attempt++) await attemptSignIn(body.username, "Wrong-Password-1");
    expect((await attemptSignIn(body.username, body.password)).json().code).toBe("account_locked");
    expect((await nationalAdmin.get(`/api/v1/users/${user.id}`)).json().locked).toBe(true);

    const weak = await nationalAdmin.post(`/api/v1/users/${user.id}/password`, { password: "password123" });
    expectFieldError(weak, 400, "password", "password_common");

    const reset = await nationalAdmin.post(`/api/v1/users/${user.id}/password`, {
      password: "Angkor-Sunrise-Kettle-3",
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().locked).toBe(false);
    expect((await session.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await attemptSignIn(body.username, body.password)).statusCode).toBe(401);
    expect((await attemptSignIn(body.username, "Angkor-Sunrise-Kettle-3")).statusCode).toBe(200);
    expect((await eventsOn(user.id)).map((event) => event.action)).toContain("user.password_reset");
  });
});

describe("a work phone for reminders", () => {
  it("is kept as a number in any script, shown grouped, refused when it is no number, and kept when left out", async () => {
    const created = await nationalAdmin.post("/api/v1/users", newUserBody({ phone: "០១២ ៣៤៥ ៦៧៨" }));
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(user.phone).toBe("012 345 678");
    const unchanged = await nationalAdmin.put(`/api/v1/users/${user.id}`, {
      ...updateBody(user, { displayName: "Sokha Chan Renamed" }),
      phone: undefined,
    });
    expect(unchanged.json().phone).toBe("012 345 678");
    expectFieldError(
      await nationalAdmin.put(`/api/v1/users/${user.id}`, updateBody(user, { phone: "call me" })),
      400,
      "phone",
      "phone_invalid",
    );
    const cleared = await nationalAdmin.put(`/api/v1/users/${user.id}`, updateBody(user, { phone: null }));
    expect(cleared.json().phone).toBeNull();
  });
});

describe("the facilities a service provider runs", () => {
  it("links a provider to facilities of her area, shows them on the user, and audits the change", async () => {
    const school = await createFacility(t.db, {
      communeCode: "150101",
      kindCode: "PS",
      name: "Bakan School",
    });
    const clinic = await createFacility(t.db, { communeCode: "150101", kindCode: "HC" });
    const body = newUserBody({
      roles: ["service_provider"],
      area: { national: false, codes: ["150101"] },
      facilityIds: [school],
    });
    const response = await provincialAdmin.post("/api/v1/users", body);
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json();
    expect(user.facilities).toEqual([
      expect.objectContaining({ id: school, kindCode: "PS", nameEn: "Bakan School" }),
    ]);
    const updated = await provincialAdmin.put(
      `/api/v1/users/${user.id}`,
      updateBody(user, { facilityIds: [school, clinic] }),
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(
      updated
        .json()
        .facilities.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual([school, clinic].sort());
    const events = await eventsOn(user.id);
    expect(events.find((event) => event.action === "user.created")?.changes).toMatchObject({
      facilityIds: { from: null, to: [school] },
    });
    expect(events.find((event) => event.action === "user.updated")?.changes).toEqual({
      facilityIds: { from: [school], to: [school, clinic].sort() },
    });
  });

  it("never lets a link made before block an update: one left outside a narrowed area goes", async () => {
    const here = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
    const there = await createFacility(t.db, { communeCode: "150102", kindCode: "PS" });
    const user = (
      await nationalAdmin.post(
        "/api/v1/users",
        newUserBody({
          roles: ["service_provider"],
          area: { national: false, codes: ["1501"] },
          facilityIds: [here, there],
        }),
      )
    ).json();
    // The area narrows to one commune: the other commune's school goes, the update goes through.
    const narrowed = await nationalAdmin.put(
      `/api/v1/users/${user.id}`,
      updateBody(user, { area: { national: false, codes: ["150101"] } }),
    );
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json().facilities.map((f: { id: string }) => f.id)).toEqual([here]);
    // A closed facility she already runs does not stop switching her off.
    await t.db.update(facilities).set({ active: false }).where(eq(facilities.id, here));
    const off = await nationalAdmin.put(
      `/api/v1/users/${user.id}`,
      updateBody(narrowed.json(), { active: false }),
    );
    expect(off.statusCode, off.body).toBe(200);
    // …but a closed facility cannot be newly given.
    const other = (
      await nationalAdmin.post(
        "/api/v1/users",
        newUserBody({ roles: ["service_provider"], area: { national: false, codes: ["150101"] } }),
      )
    ).json();
    expectFieldError(
      await nationalAdmin.put(`/api/v1/users/${other.id}`, updateBody(other, { facilityIds: [here] })),
      400,
      "facilityIds.0",
      "facility_inactive",
    );
  });

  it("refuses facilities for other roles, outside the user's area, or unknown, and stores nothing", async () => {
    const school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
    const elsewhere = await createFacility(t.db, { communeCode: "150201", kindCode: "PS" });
    const provider = { roles: ["service_provider"], area: { national: false, codes: ["150101"] } };
    const before = (await nationalAdmin.get("/api/v1/users?limit=1")).json().total;
    expectFieldError(
      await nationalAdmin.post("/api/v1/users", newUserBody({ roles: ["viewer"], facilityIds: [school] })),
      400,
      "facilityIds",
      "facilities_need_provider",
    );
    expectFieldError(
      await nationalAdmin.post(
        "/api/v1/users",
        newUserBody({ ...provider, facilityIds: [school, elsewhere] }),
      ),
      400,
      "facilityIds.1",
      "facility_outside_user_area",
    );
    const unknown = await nationalAdmin.post(
      "/api/v1/users",
      newUserBody({ ...provider, facilityIds: ["01890000-0000-7000-8000-000000000000"] }),
    );
    expectFieldError(unknown, 400, "facilityIds.0", "unknown_facility");
    expect(unknown.json().errors[0].message).toBe("Unknown facility.");
    expect((await nationalAdmin.get("/api/v1/users?limit=1")).json().total).toBe(before);
  });
});

describe("roles other than admin", () => {
  const others = ROLES.filter((role) => role !== "admin");

  it.each(others)("%s gets 403 on GET and POST /api/v1/users", async (role: Role) => {
    const username = uniqueName(`users-${role}`);
    await t.createUser({ roles: [role], area: ["15"], username });
    const caller = await signIn(username);
    const list = await caller.get("/api/v1/users");
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe("forbidden");
    const body = newUserBody();
    const create = await caller.post("/api/v1/users", body);
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe("forbidden");
    expect((await nationalAdmin.get(`/api/v1/users?q=${body.username}`)).json().total).toBe(0);
  });
});

describe("organisations", () => {
  const organisation = {
    nameKm: "មន្ទីរកិច្ចការនារី",
    nameEn: "Provincial Department of Women's Affairs",
    kind: "provincial_office",
    placeCode: "15",
  };

  it("an administrator creates and updates one, both audited", async () => {
    const response = await provincialAdmin.post("/api/v1/organisations", organisation);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ ...organisation, placeNameEn: "Pursat", active: true, userCount: 0 });

    const updated = await provincialAdmin.put(`/api/v1/organisations/${created.id}`, {
      ...organisation,
      nameEn: "Department of Women's Affairs, Pursat",
      placeCode: "1501",
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      nameEn: "Department of Women's Affairs, Pursat",
      placeCode: "1501",
    });

    const events = await eventsOn(created.id);
    expect(events.map((event) => event.action)).toEqual(["organisation.created", "organisation.updated"]);
    expect(events[0]).toMatchObject({ entityType: "organisation", placeCode: "15" });
    expect(events[0].changes).toMatchObject({ nameEn: { from: null, to: organisation.nameEn } });
    expect(events[1]).toMatchObject({ placeCode: "1501" });
    expect(events[1].changes).toEqual({
      nameEn: { from: organisation.nameEn, to: "Department of Women's Affairs, Pursat" },
      placeCode: { from: "15", to: "1501" },
    });
  });

  it("any signed-in user lists and reads them; only administrators create or update (403)", async () => {
    const created = (
      await nationalAdmin.post("/api/v1/organisations", { ...organisation, nameEn: "Listed" })
    ).json();
    const username = uniqueName("org-viewer");
    await t.createUser({ roles: ["viewer"], area: ["02"], username });
    const viewer = await signIn(username);
    const list = await viewer.get("/api/v1/organisations");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(created.id);
    expect((await viewer.get(`/api/v1/organisations/${created.id}`)).statusCode).toBe(200);

    const create = await viewer.post("/api/v1/organisations", { ...organisation, nameEn: "Not allowed" });
    expect(create.statusCode).toBe(403);
    const update = await viewer.put(`/api/v1/organisations/${created.id}`, {
      ...organisation,
      nameEn: "Not allowed",
    });
    expect(update.statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/organisations/${created.id}`)).json().nameEn).toBe("Listed");
    expect((await eventsOn(created.id)).map((event) => event.action)).toEqual(["organisation.created"]);
    expect((await t.anonymous.get("/api/v1/organisations")).statusCode).toBe(401);
  });

  it("refuses an unknown place code (400) and an unknown id (404)", async () => {
    const unknown = await nationalAdmin.post("/api/v1/organisations", { ...organisation, placeCode: "99" });
    expectFieldError(unknown, 400, "placeCode", "unknown_place");
    const created = (
      await nationalAdmin.post("/api/v1/organisations", { ...organisation, nameEn: "To move" })
    ).json();
    const move = await nationalAdmin.put(`/api/v1/organisations/${created.id}`, {
      ...organisation,
      placeCode: "159999",
    });
    expectFieldError(move, 400, "placeCode", "unknown_place");
    expect((await nationalAdmin.get(`/api/v1/organisations/${created.id}`)).json().placeCode).toBe("15");
    const missing = "0190a5a0-0000-7000-8000-000000000000";
    expect((await nationalAdmin.get(`/api/v1/organisations/${missing}`)).statusCode).toBe(404);
    expect((await nationalAdmin.put(`/api/v1/organisations/${missing}`, organisation)).statusCode).toBe(404);
  });

  it("counts the users of an organisation, and a user can be attached to it", async () => {
    const created = (
      await nationalAdmin.post("/api/v1/organisations", { ...organisation, nameEn: "With staff" })
    ).json();
    const user = await nationalAdmin.post("/api/v1/users", newUserBody({ organisationId: created.id }));
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json()).toMatchObject({ organisationId: created.id, organisationName: "With staff" });
    expect((await nationalAdmin.get(`/api/v1/organisations/${created.id}`)).json().userCount).toBe(1);
  });
});
