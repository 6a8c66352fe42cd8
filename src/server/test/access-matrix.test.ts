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
 * column too.
 *
 * Each module's rows live in access-matrix/<module>.rows.ts and run in access-matrix/<module>.test.ts,
 * one app per file, so that the files run in parallel (harness: access-matrix/matrix.ts). This file
 * holds them together against the app: a route registered without a row fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kit, openApp } from "./access-matrix/matrix";
import { MODULE_MATRICES } from "./access-matrix/modules";
import type { TestApp } from "./harness";

let t: TestApp;

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
  t = await openApp();
});
afterAll(() => t.close());

describe("access matrix", () => {
  it("has a row for every route registered under /api/v1, and no row for a route that does not exist", () => {
    const registered = registeredRoutes();
    expect(registered.length).toBeGreaterThan(30);
    const rows = MODULE_MATRICES.flatMap((matrix) => matrix.rows(kit));
    const inMatrix = [...new Set(rows.map((row) => row.route))].sort();
    expect(registered.filter((route) => !inMatrix.includes(route))).toEqual([]);
    expect(inMatrix.filter((route) => !registered.includes(route))).toEqual([]);
  });
});
