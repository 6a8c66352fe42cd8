import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildServer } from "../../../scripts/build-server";
import { type Database, openPostgres } from "../db/database";
import { addChannel, channelSettings } from "../modules/sms/sms.channels";
import * as users from "../modules/users/users.repo";
import { ROOT_DIR } from "../paths";
import { contactCipher } from "../platform/contact-cipher";
import { hashPassword } from "../platform/passwords";
import { withDatabase } from "./global-setup";

/**
 * Two real server processes (the compiled build, `node dist/server/main.js serve`) on one fresh
 * PostgreSQL database: a session made on one works on the other, a rate limit counts requests to
 * both, and the SMS job runs in one process at a time and sends each reply once. PGlite is an
 * embedded database that only one process can open, so there is nothing to show there.
 */
const url = process.env.TEST_DATABASE_URL;
const KEY = Buffer.alloc(32, 7);
const SECRET = "two-processes-secret";
const PASSWORD = "Correct-Horse-Battery-9";
/** How long the fake gateway takes to answer: an SMS run lasts long enough for the other process to try one. */
const GATEWAY_DELAY_MS = 1_500;

interface Server2 {
  base: string;
  child: ChildProcess;
  output: string[];
}

let admin: pg.Client;
let dbName: string;
let database: Database;
let outDir: string;
let gateway: Server;
const sent: { id: string; text: string }[] = [];
let servers: Server2[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startServer(port: number): Promise<Server2> {
  const child = spawn(process.execPath, [path.join(outDir, "main.js"), "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(url!, dbName),
      PORT: String(port),
      HOST: "127.0.0.1",
      SAMLENG_DEMO_DATA: "off",
      SAMLENG_CONTACT_KEY: KEY.toString("base64"),
      SAMLENG_DATA_DIR: path.join(outDir, `data-${port}`),
      SAMLENG_TRUST_PROXY: "loopback",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 40_000; ) {
    if (child.exitCode !== null) break;
    const health = await fetch(`${base}/api/health`).catch(() => null);
    if (health?.ok) return { base, child, output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the server on port ${port} did not start:\n${output.join("")}`);
}

async function stopServer(server: Server2) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

const signIn = (server: Server2, username: string, password: string, client: string) =>
  fetch(`${server.base}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ username, password }),
  });

const receiveSms = (server: Server2, from: string, text: string) =>
  fetch(`${server.base}/api/sms/v1/channels/gw/receive`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ from, text, id: uuidv7() }),
  });

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 20_000) {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!url)("two server processes on one PostgreSQL (skipped on PGlite: one process only)", () => {
  beforeAll(async () => {
    dbName = `samleng_test_${randomBytes(6).toString("hex")}`;
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName} template ${inject("pgTemplate")}`);
    database = openPostgres(withDatabase(url!, dbName), 2);
    // Built into a folder of its own inside the repository, where it finds migrations and seed files.
    outDir = path.join(ROOT_DIR, ".tmp", `two-processes-${dbName}`);
    mkdirSync(outDir, { recursive: true });
    await buildServer(outDir);

    gateway = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        sent.push(JSON.parse(body));
        setTimeout(() => response.end("{}"), GATEWAY_DELAY_MS);
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
    const cipher = contactCipher(KEY);
    await addChannel(
      database.db,
      cipher,
      channelSettings({ id: "gw", name: "Gateway", sender: "8383", sendUrl: gatewayUrl, isDefault: true }),
      SECRET,
    );
    await users.insert(
      database.db,
      {
        id: uuidv7(),
        username: "two-processes",
        displayName: "Two processes",
        email: null,
        passwordHash: await hashPassword(PASSWORD),
        organisationId: null,
        locale: "en",
        nationalArea: true,
      },
      ["viewer"],
      [],
    );
    const [portA, portB] = [await freePort(), await freePort()];
    // Started at once, as behind a load balancer: they prepare the database one after the other.
    const started = await Promise.allSettled([startServer(portA), startServer(portB)]);
    servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await new Promise((resolve) => gateway?.close(resolve));
    await database?.close();
    await admin?.query(`drop database if exists ${dbName}`);
    await admin?.end();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }, 30_000);

  it("keeps a session made on one process working on the other, and ended on both", async () => {
    const [a, b] = servers;
    const signedIn = await signIn(a, "two-processes", PASSWORD, "192.0.2.1");
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const onB = await fetch(`${b.base}/api/v1/auth/session`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe("two-processes");
    const signedOut = await fetch(`${b.base}/api/v1/auth/sign-out`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: "{}",
    });
    expect(signedOut.status).toBe(200);
    expect((await fetch(`${a.base}/api/v1/auth/session`, { headers: { cookie } })).status).toBe(401);
  });

  it("counts one rate limit over requests split across both processes", async () => {
    const client = "192.0.2.50";
    // A new name without an account each time: five failures of one name would lock it (429
    // account_locked), and this test is about the limit per address.
    for (let attempt = 1; attempt <= 20; attempt++) {
      const response = await signIn(servers[attempt % 2], `nobody-${attempt}`, "Not-The-Password-1", client);
      expect(response.status).toBe(401);
    }
    const limited = await signIn(servers[0], "nobody-21", "Not-The-Password-1", client);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
    expect((await signIn(servers[1], "nobody-22", "Not-The-Password-1", client)).status).toBe(429);
  });

  it("runs the SMS job in one process at a time, and sends each reply once", async () => {
    const [a, b] = servers;
    // A first message wakes the job; while that run waits on the gateway, messages to both processes
    // nudge it again from each.
    expect((await receiveSms(a, "+855 12 000 001", "150101 first")).status).toBe(200);
    await until(() => sent.length >= 1, "the first reply at the gateway");
    const more = await Promise.all([
      receiveSms(b, "+855 12 000 002", "150101 second"),
      receiveSms(a, "+855 12 000 003", "150101 third"),
      receiveSms(b, "+855 12 000 004", "150101 fourth"),
    ]);
    expect(more.map((response) => response.status)).toEqual([200, 200, 200]);
    const runs = async () =>
      (
        await database.sqlExecutor.executeSql(
          `select state, started_on as started, completed_on as completed from pgboss.job
            where name = 'sms.send' order by started_on`,
        )
      ).rows as { state: string; started: Date | null; completed: Date | null }[];
    const pending = async () => {
      const { rows } = await database.sqlExecutor.executeSql(
        "select count(*)::int as n from sms_outbound where status in ('queued', 'sending')",
      );
      return (rows[0] as { n: number }).n;
    };
    await until(async () => sent.length >= 4 && (await pending()) === 0, "four replies sent", 30_000);
    await until(async () => (await runs()).every((run) => run.state === "completed"), "the job runs to end");
    // Each reply reached the gateway once.
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((sms) => sms.id)).size).toBe(4);
    // No run started before the one before it had ended, though both processes were asked at once.
    const done = (await runs()).filter((run) => run.started);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < done.length; i++)
      expect(done[i].started!.getTime()).toBeGreaterThanOrEqual(done[i - 1].completed!.getTime());
  }, 45_000);
});
