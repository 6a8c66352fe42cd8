import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms`);
}

/**
 * Starts `samleng serve` as a user would (`npm start` without the build step: npm test builds first),
 * on a free port and a fresh, empty database with demo data, so every run starts from the same state.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "samleng-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SAMLENG_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // Browser contexts send their own X-Forwarded-For (e2e/browser.ts clientAddress), as if behind a proxy.
    SAMLENG_TRUST_PROXY: "127.0.0.1",
  };
  let dropDatabase = async () => {};
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `samleng_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    env.DATABASE_URL = target.toString();
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts", "serve"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout?.on("data", () => {});
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, 90_000);
  project.provide("baseUrl", baseUrl);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
