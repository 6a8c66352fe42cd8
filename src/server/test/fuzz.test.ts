import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../domain/roles";
import { createTestApp, TEST_PASSWORD, type TestApp } from "./harness";
import { createCycle } from "./isaf-fixtures";

/**
 * A fuzzer over every operation of the API (issue 13, part 10): for each one in the OpenAPI
 * document, a bounded, seeded run of requests with odd path parameters, queries and bodies (NUL
 * characters, very long text, wrong types, unknown fields, malformed JSON and multipart bodies), sent
 * by a signed-in user who holds every role in the whole country and by an anonymous caller. No answer
 * may be a 5xx, and every error must be problem+json with a code. A failure names the seed: run again
 * with FUZZ_SEED=<seed> to see the same requests.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

/** A small seeded generator (mulberry32): the same seed, the same requests. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof random>;

const ODD_TEXT = [
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "x".repeat(5000),
  "ស្រុកបាត់ដំបង",
  "'; drop table users; --",
  "../../etc/passwd",
  "%00",
  "<script>alert(1)</script>",
  "\uD800",
  "1e999",
  "-1",
  "2026-02-30",
  "null",
];
const ODD_NUMBERS = [0, -1, 1, 2.5, 1e12, -1e12, Number.MAX_SAFE_INTEGER, 2026, 99];

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
}

/** A value for `schema`: mostly of its shape with odd contents, sometimes of another type entirely. */
function valueFor(schema: Schema | undefined, rng: Random, ids: string[], depth = 0): unknown {
  if (!schema || depth > 4 || rng.chance(0.12)) return oddValue(rng, ids);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return valueFor(rng.pick(options), rng, ids, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return rng.chance(0.85) ? rng.pick(schema.enum) : rng.pick(ODD_TEXT);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(key);
        if (rng.chance(required ? 0.95 : 0.6)) value[key] = valueFor(property, rng, ids, depth + 1);
      }
      if (rng.chance(0.1)) value[rng.pick(["extra", "__proto__", "a\u0000key"])] = rng.pick(ODD_TEXT);
      return value;
    }
    case "array":
      return Array.from({ length: rng.int(0, 3) }, () => valueFor(schema.items, rng, ids, depth + 1));
    case "integer":
    case "number":
      return rng.pick(ODD_NUMBERS);
    case "boolean":
      return rng.chance(0.5);
    case "null":
      return null;
    case "string":
      if (schema.format === "uuid" && ids.length && rng.chance(0.6)) return rng.pick(ids);
      if (schema.format === "date" && rng.chance(0.5))
        return rng.pick(["2026-12-07", "2026-02-30", "07/12/2026"]);
      return rng.chance(0.3) ? `text-${rng.int(0, 999)}` : rng.pick(ODD_TEXT);
    default:
      return oddValue(rng, ids);
  }
}

/**
 * A value that passes `schema` where it can (the first of several options, an allowed value, a
 * number of 1, a record that exists), with `text` in every free string: with a NUL in it, the
 * request gets past validation to where the text would be stored.
 */
function plausible(schema: Schema | undefined, ids: string[], text: string, depth = 0): unknown {
  if (!schema || depth > 5) return text;
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length)
    return plausible(options.find((o) => o.type !== "null") ?? options[0], ids, text, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [
          key,
          plausible(property, ids, text, depth + 1),
        ]),
      );
    case "array":
      return [plausible(schema.items, ids, text, depth + 1)];
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "string":
      if (schema.format === "uuid") return ids[0] ?? uuidv7();
      if (schema.format === "date") return "2026-12-07";
      if (schema.format === "date-time") return "2026-12-07T03:00:00Z";
      return text;
    default:
      return text;
  }
}

function oddValue(rng: Random, ids: string[]): unknown {
  return rng.pick<() => unknown>([
    () => rng.pick(ODD_TEXT),
    () => rng.pick(ODD_NUMBERS),
    () => null,
    () => true,
    () => [rng.pick(ODD_TEXT)],
    () => ({ nested: { deeper: rng.pick(ODD_TEXT) } }),
    () => (ids.length ? rng.pick(ids) : uuidv7()),
  ])();
}

/** Percent-encoded; text that cannot be (a lone surrogate) is sent as bytes that are not UTF-8. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80%C3";
  }
}

/** A path parameter: a record that exists, a well-formed one that does not, or odd text. */
function pathValue(rng: Random, ids: string[]): string {
  const value = rng.pick<() => string>([
    () => (ids.length ? rng.pick(ids) : uuidv7()),
    () => (ids.length ? rng.pick(ids) : uuidv7()),
    () => uuidv7(),
    () => rng.pick(ODD_TEXT),
    () => "y".repeat(rng.int(90, 400)),
    () => String(rng.pick(ODD_NUMBERS)),
    () => "150103",
  ])();
  return encode(value);
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; schema?: Schema }[];
  body?: Schema;
}

function operationsOf(document: {
  paths: Record<string, Record<string, { parameters?: Operation["parameters"]; requestBody?: unknown }>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content;
      return {
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: content ? Object.values(content)[0]?.schema : undefined,
      };
    }),
  );
}

/**
 * The request of `operation` that validation lets through, with `text` in every free string of its
 * path, query and body.
 */
function plausibleRequest(operation: Operation, ids: string[], text: string) {
  const url = operation.path.replace(/\{([^}]+)\}/g, () => ids[0] ?? uuidv7());
  const query = operation.parameters
    .filter((parameter) => parameter.in === "query")
    .map(
      (parameter) => `${encode(parameter.name)}=${encode(String(plausible(parameter.schema, ids, text)))}`,
    );
  return {
    url: query.length ? `${url}?${query.join("&")}` : url,
    headers: operation.body ? { "content-type": "application/json" } : {},
    payload: operation.body ? JSON.stringify(plausible(operation.body, ids, text)) : undefined,
  };
}

/** One request of the run for `operation`: its URL, headers and raw body. */
function requestFor(operation: Operation, rng: Random, ids: string[]) {
  const url = operation.path.replace(/\{([^}]+)\}/g, () => pathValue(rng, ids));
  const query = operation.parameters
    .filter((parameter) => parameter.in === "query" && rng.chance(0.6))
    .map((parameter) => {
      const value = valueFor(parameter.schema, rng, ids);
      return `${encode(parameter.name)}=${encode(typeof value === "string" ? value : JSON.stringify(value))}`;
    });
  if (rng.chance(0.1)) query.push(`${rng.pick(["unknown", "a%00b", "page"])}=${encode(rng.pick(ODD_TEXT))}`);
  const fullUrl = query.length ? `${url}?${query.join("&")}` : url;
  if (operation.method === "GET" || operation.method === "DELETE")
    return { url: fullUrl, headers: {}, payload: undefined };
  const shape = rng.int(0, 9);
  if (shape === 0)
    return { url: fullUrl, headers: { "content-type": "application/json" }, payload: '{"broken": ' };
  if (shape === 1)
    return {
      url: fullUrl,
      headers: { "content-type": "multipart/form-data; boundary=fuzz" },
      payload: rng.pick([
        '--fuzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        "not multipart",
        "--fuzz--",
      ]),
    };
  if (shape === 2)
    return {
      url: fullUrl,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "a=%00&b=",
    };
  return {
    url: fullUrl,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(valueFor(operation.body ?? { type: "object" }, rng, ids)),
  };
}

let t: TestApp;
let everything: { cookie: string; csrf: string };
let operations: Operation[];
const ids: string[] = [];
let username: string;

/**
 * A session of a new user with every role in the whole country: again whenever a request ends the
 * session (signing out) or locks the account (wrong passwords where a change asks for it).
 */
async function signInAsEverything() {
  username = `fuzz-${uuidv7().slice(-12)}`;
  await t.createUser({ roles: [...ROLES], national: true, username });
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    remoteAddress: `10.8.${Math.floor(signIns / 250)}.${(signIns++ % 250) + 1}`,
    payload: { username, password: TEST_PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  everything = {
    cookie: response.cookies.map((c) => `${c.name}=${c.value}`).join("; "),
    csrf: (response.json() as { csrfToken: string }).csrfToken,
  };
}
let signIns = 0;

beforeAll(async () => {
  t = await createTestApp();
  await signInAsEverything();
  const { cycleId, facilityId } = await createCycle(t.db, { communeCode: "150103" });
  ids.push(cycleId, facilityId);
  operations = operationsOf((await t.anonymous.get("/api/openapi.json")).json());
  // Records that exist, for path parameters: whatever ids the lists show.
  for (const operation of operations.filter((o) => o.method === "GET" && !o.path.includes("{"))) {
    const response = await t.app.inject({
      method: "GET",
      url: operation.path,
      headers: { cookie: everything.cookie },
    });
    if (response.statusCode !== 200 || !String(response.headers["content-type"]).includes("json")) continue;
    for (const match of response.body.matchAll(/"id":"([0-9a-f-]{36})"/g))
      if (ids.length < 200) ids.push(match[1]!);
  }
}, 300_000);
afterAll(() => t?.close());

describe("the API under a fuzzer", () => {
  it("answers every operation's odd requests without a 5xx, each error as problem+json", async () => {
    expect(operations.length).toBeGreaterThan(50);
    const rng = random(SEED);
    const faults: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      for (let run = 0; run < RUNS + 2; run++) {
        // Two requests that validation lets through, one with a NUL in every free string; then odd ones.
        const { url, headers, payload } =
          run < 2
            ? plausibleRequest(operation, ids, run === 0 ? "fuzz\u0000text" : "fuzz text")
            : requestFor(operation, rng, ids);
        const anonymous =
          run < 2
            ? operation.path.includes("/public/") || operation.path.includes("sign-in")
            : rng.chance(0.25);
        const response = await t.app.inject({
          method: operation.method as "GET",
          url,
          remoteAddress: `10.9.${rng.int(0, 250)}.${rng.int(1, 250)}`,
          headers: {
            "accept-language": rng.pick(["en", "km"]),
            ...(anonymous ? {} : { cookie: everything.cookie, "x-csrf-token": everything.csrf }),
            ...headers,
          },
          ...(payload === undefined ? {} : { payload }),
        });
        sent++;
        const type = String(response.headers["content-type"] ?? "");
        const isProblem =
          type.startsWith("application/problem+json") && typeof safeJson(response.body)?.code === "string";
        if (response.statusCode >= 500 || (response.statusCode >= 400 && !isProblem))
          faults.push(
            `${operation.method} ${url.slice(0, 160)} → ${response.statusCode} ${type} ${response.body.slice(0, 200)}`,
          );
        // Signing out, or out everywhere, ends the session: sign in again for the next requests.
        if (!anonymous && response.statusCode === 401) await signInAsEverything();
      }
    }
    expect(sent).toBe(operations.length * (RUNS + 2));
    expect(faults, `seed ${SEED}`).toEqual([]);
  }, 600_000);
});

function safeJson(text: string): { code?: unknown } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
