import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, smsChannels } from "../../db/schema";
import { checkContactKey, contactCipher } from "../../platform/contact-cipher";
import { type Caller, createTestApp, TEST_CIPHER, type TestApp } from "../../test/harness";

/** Administrators set up channels through the API (docs/sms.md): the secret shows once and works. */
let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ roles: ["admin"], national: true });
});
afterAll(() => t.close());

describe("the contact key", () => {
  it("is recorded by the first process, and a process with another key refuses to start", async () => {
    await checkContactKey(t.db, TEST_CIPHER);
    await checkContactKey(t.db, TEST_CIPHER);
    await expect(checkContactKey(t.db, contactCipher(Buffer.alloc(32, 1)))).rejects.toThrow(/not the key/);
  });
});

describe("SMS channels", () => {
  it("are created with a secret shown once, which signs the webhook; credentials are sealed", async () => {
    const made = await admin.post("/api/v1/sms/channels", {
      id: "smart",
      name: "Smart",
      sender: "8383",
      sendUrl: "https://gateway.example/send?key=quokka&to={{to}}",
      sendAuthorization: "Token very-secret",
      isDefault: true,
    });
    expect(made.statusCode, made.body).toBe(201);
    const { secret } = made.json();
    expect(secret).toMatch(/^[\w-]{20,}$/);
    const [row] = await t.db.select().from(smsChannels).where(eq(smsChannels.id, "smart"));
    expect(row!.secretHash).not.toContain(secret);
    expect(row!.sendAuthorizationSealed).not.toContain("very-secret");
    expect(TEST_CIPHER.open(row!.sendAuthorizationSealed!)).toBe("Token very-secret");
    const received = await t.app.inject({
      method: "POST",
      url: "/api/sms/v1/channels/smart/receive",
      headers: { authorization: `Bearer ${secret}` },
      payload: { from: "012345678", text: "hello" },
    });
    expect(received.statusCode).toBe(200);
    const [audited] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sms_channel.created"), eq(auditEvents.entityId, "smart")));
    expect(audited!.actorId).toBe(admin.userId);
    // The key is no hex word: an id or a hash in the event cannot match it by chance (as "abc" did).
    expect(JSON.stringify(audited)).not.toMatch(/quokka|very-secret/);
  });

  it("list without the URL's path or query, which may hold a key", async () => {
    const list = (await admin.get("/api/v1/sms/channels")).json();
    expect(list.items.find((c: { id: string }) => c.id === "smart")).toMatchObject({
      sends: "POST gateway.example",
      isDefault: true,
      outbound: { queued: 1 },
    });
    expect(JSON.stringify(list)).not.toContain("key=quokka");
  });

  it("refuse a duplicate id, a bad URL or id, and turn a channel off so that its webhook refuses calls", async () => {
    expect(
      (await admin.post("/api/v1/sms/channels", { id: "smart", name: "Again", sender: "1" })).statusCode,
    ).toBe(409);
    expect(
      (await admin.post("/api/v1/sms/channels", { id: "ftp", name: "F", sender: "1", sendUrl: "ftp://x/y" }))
        .statusCode,
    ).toBe(400);
    expect(
      (await admin.post("/api/v1/sms/channels", { id: "Bad Id", name: "B", sender: "1" })).statusCode,
    ).toBe(400);
    expect((await admin.post("/api/v1/sms/channels/nope/active", { active: false })).statusCode).toBe(404);
    const rotated = (await admin.post("/api/v1/sms/channels/smart/secret", {})).json();
    const off = await admin.post("/api/v1/sms/channels/smart/active", { active: false });
    expect(off.statusCode).toBe(200);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/sms/v1/channels/smart/receive",
      headers: { authorization: `Bearer ${rotated.secret}` },
      payload: { from: "012345678", text: "hello" },
    });
    expect(refused.statusCode).toBe(401);
  });
});
