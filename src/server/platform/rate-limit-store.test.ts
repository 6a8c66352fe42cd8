import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { rateLimitHits } from "../db/schema";
import { createTestApp, TEST_CIPHER, type TestApp } from "../test/harness";
import { databaseRateLimitStore } from "./rate-limit-store";

/**
 * Rate limits count in the database: two apps on one database (as two server processes would be)
 * share every limit. The two-process test (test/two-processes.test.ts) shows it with real processes
 * on PostgreSQL; this one runs on PGlite too.
 */
let t: TestApp;
let other: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  t = await createTestApp();
  other = await buildApp({ database: t.database, logLevel: "silent", contactCipher: TEST_CIPHER });
  await other.ready();
});

afterAll(async () => {
  await other.close();
  await t.close();
});

// A name without an account, a new one each time: five failures of one name would lock it (429
// account_locked), and this test is about the limit per address.
let attempts = 0;
const signIn = (app: typeof other, remoteAddress: string) =>
  app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    remoteAddress,
    headers: { "accept-language": "en" },
    payload: { username: `nobody-here-${++attempts}`, password: "Not-The-Password-1" },
  });

describe("the database rate-limit store", () => {
  it("holds one limit for requests split across two apps on one database", async () => {
    const client = "198.51.100.20";
    for (let attempt = 1; attempt <= 20; attempt++) {
      const response = await signIn(attempt % 2 ? t.app : other, client);
      expect(response.statusCode).toBe(401);
      expect(response.headers["x-ratelimit-remaining"]).toBe(String(20 - attempt));
    }
    const limited = await signIn(other, client);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
    expect((await signIn(t.app, client)).statusCode).toBe(429);
    // Another address and another route have counts of their own.
    expect((await signIn(t.app, "198.51.100.21")).statusCode).toBe(401);
    const lookup = await t.app.inject({
      method: "GET",
      url: "/api/public/v1/feedback/1234567890",
      remoteAddress: client,
    });
    expect(lookup.statusCode).not.toBe(429);
  });

  it("starts a new window when the last has ended, and then drops the windows that ended", async () => {
    const client = "198.51.100.30";
    for (let attempt = 1; attempt <= 21; attempt++) await signIn(t.app, client);
    expect((await signIn(t.app, client)).statusCode).toBe(429);
    // The window ends (on the database's clock), for this client and for one that never came back.
    await t.db.update(rateLimitHits).set({ resetsAt: sql`now() - interval '1 second'` });
    const gone = await t.db.select().from(rateLimitHits).where(like(rateLimitHits.key, "%198.51.100.21"));
    expect(gone).toHaveLength(1);
    const again = await signIn(other, client);
    expect(again.statusCode).toBe(401);
    expect(again.headers["x-ratelimit-remaining"]).toBe("19");
    expect(Number(again.headers["x-ratelimit-reset"])).toBe(60);
    const [row] = await t.db
      .select()
      .from(rateLimitHits)
      .where(like(rateLimitHits.key, `%${client}`));
    expect(row.hits).toBe(1);
    expect(await t.db.select().from(rateLimitHits).where(like(rateLimitHits.key, "%198.51.100.21"))).toEqual(
      [],
    );
    expect(await t.db.select().from(rateLimitHits).where(eq(rateLimitHits.hits, 0))).toEqual([]);
  });

  it("refuses options that would extend a window, which it does not implement", () => {
    const Store = databaseRateLimitStore(t.db);
    expect(() => new Store({ continueExceeding: true })).toThrow(/continueExceeding/);
  });
});
