import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";

/**
 * Security headers on every response (issue 13, part 10): the content security policy, nosniff,
 * no framing by other sites and the referrer policy, on answers, errors and the router's own refusals.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("every response", () => {
  const requests: [string, string][] = [
    ["GET", "/api/health"],
    ["GET", "/api/openapi.json"],
    ["GET", "/api/docs/"],
    ["GET", "/api/public/v1/facilities/150101"],
    ["GET", "/api/v1/auth/session"],
    ["GET", "/api/v1/no-such-route"],
    ["POST", "/api/v1/auth/sign-in"],
    ["GET", `/api/v1/users/${"y".repeat(300)}`],
    ["GET", "/api/v1/users/%ED%A0%80"],
  ];
  for (const [method, url] of requests) {
    it(`carries the security headers: ${method} ${url.slice(0, 40)}`, async () => {
      const response = await t.app.inject({
        method: method as "GET",
        url,
        payload: method === "POST" ? {} : undefined,
      });
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("same-origin");
      expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    });
  }
});
