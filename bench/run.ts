/**
 * `npm run bench`: national-scale timings of the registry's hot paths, on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres when reachable).
 * Every figure is printed beside a baseline measured in the same run (GET /api/health, one
 * `select 1` through the whole HTTP stack), so that a slow machine reads as a slow baseline.
 * The ISAF dashboards (bench/dashboards.ts) are timed beside the rollup queries behind them.
 * Also times the first start on an empty data directory and a restart.
 */

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { uuidv7 } from "uuidv7";
import { buildApp } from "../src/server/app";
import { type Database, openPglite, openPostgres } from "../src/server/db/database";
import { importGazetteer } from "../src/server/modules/places/places.import";
import * as users from "../src/server/modules/users/users.repo";
import { contactCipher } from "../src/server/platform/contact-cipher";
import { hashPassword } from "../src/server/platform/passwords";
import { seedReferenceData } from "../src/server/seeding/reference-data";
import { BUNDLE_HEADER, bundleRows } from "./bundle";
import { DASHBOARD_HEADER, measureDashboards } from "./dashboards";
import { generateNationalRegistry } from "./generate";
import { measureSmsInbound, SMS_HEADER } from "./sms";
import { measureSync, SYNC_HEADER } from "./sync";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** PGlite generates the ISAF data of every 10th commune (national scale takes it too long); PostgreSQL every commune. */
const PGLITE_COMMUNE_STEP = Number(process.env.BENCH_PGLITE_COMMUNE_STEP ?? 10);
const PASSWORD = "Bench-Password-2026";
/**
 * A quick before/after of one part, without the national data: BENCH_ONLY=sync (the baseline and
 * the field app's push and pull, on both databases) or BENCH_ONLY=sms (the inbound SMS webhook, on
 * PostgreSQL).
 */
const ONLY = process.env.BENCH_ONLY;
const ONLY_SYNC = ONLY === "sync";

interface Scenario {
  name: string;
  url: (i: number) => string;
  /** p95 target on PostgreSQL, ms (issue 2). */
  target?: number;
}

const SEARCH_TERMS = ["batt", "kampong", "pursat", "svay", "bakan", "ភ្នំ", "ព្រែក", "kandal", "thmei", "chrey"];
const PROVINCES = ["15", "02", "19", "10", "25", "14", "04", "21", "16", "11", "09", "12"];

const SCENARIOS: Scenario[] = [
  { name: "baseline: GET /api/health", url: () => "/api/health" },
  {
    name: "place search",
    url: (i) => `/api/v1/places/search?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length])}`,
    target: 20,
  },
  {
    name: "facility list (50, province, sorted)",
    url: (i) => `/api/v1/facilities?place=${PROVINCES[i % PROVINCES.length]}&limit=50&sort=name`,
    target: 30,
  },
  {
    name: "facility map data (province)",
    url: (i) => `/api/v1/facilities/map?place=${PROVINCES[i % PROVINCES.length]}`,
    target: 50,
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(database: Database, label: string) {
  const prepared = performance.now();
  await database.migrate();
  await importGazetteer(database.db);
  await seedReferenceData(database.db);
  const setupMs = performance.now() - prepared;
  const generated = performance.now();
  const count = ONLY_SYNC ? 0 : await generateNationalRegistry(database.db);
  const generateMs = performance.now() - generated;
  await users.insert(
    database.db,
    {
      id: uuidv7(),
      username: "bench",
      displayName: "Bench",
      email: null,
      passwordHash: await hashPassword(PASSWORD),
      organisationId: null,
      locale: "en",
      nationalArea: true,
    },
    ["national_officer"],
    [],
  );
  const app = await buildApp({ database, logLevel: "silent", contactCipher: contactCipher(randomBytes(32)) });
  const signIn = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { username: "bench", password: PASSWORD },
  });
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  console.log(
    `\n${label}: migrations + gazetteer ${setupMs.toFixed(0)} ms; generated ${count} facilities in ${generateMs.toFixed(0)} ms`,
  );
  const rows: string[][] = [];
  let baselineP50 = 1;
  for (const scenario of ONLY_SYNC ? SCENARIOS.slice(0, 1) : SCENARIOS) {
    for (let i = 0; i < 20; i++) await app.inject({ url: scenario.url(i), headers: { cookie } });
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now();
      const response = await app.inject({ url: scenario.url(i), headers: { cookie } });
      times.push(performance.now() - start);
      if (response.statusCode !== 200)
        throw new Error(`${scenario.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    if (scenario.name.startsWith("baseline")) baselineP50 = p50;
    rows.push([
      scenario.name,
      p50.toFixed(2),
      p95.toFixed(2),
      (p50 / baselineP50).toFixed(1),
      scenario.target ? `${scenario.target}` : "",
      scenario.target
        ? p95 <= scenario.target
          ? "met"
          : label === "PostgreSQL"
            ? "MISSED"
            : "(PG target)"
        : "",
    ]);
  }
  printTable(["scenario", "p50 ms", "p95 ms", "p50 ÷ baseline", "p95 target", ""], rows);
  if (ONLY_SYNC) {
    console.log(`\n${label}: the field app's push and pull (/api/v1/sync)`);
    printTable(SYNC_HEADER, await measureSync(database, app, label));
    await app.close();
    return;
  }
  const dashboardRows = await measureDashboards(database, app, cookie, label, {
    iterations: ITERATIONS,
    communeStep: label === "PGlite" ? PGLITE_COMMUNE_STEP : 1,
    baselineP50,
  });
  printTable(DASHBOARD_HEADER, dashboardRows);
  console.log(`\n${label}: the field app's push (POST /api/v1/sync/push)`);
  printTable(SYNC_HEADER, await measureSync(database, app, label));
  await app.close();
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/** Time from starting `serve` to a healthy answer, on an empty and then on the same data directory. */
async function startupTimes() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "samleng-bench-start-"));
  const startOnce = async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts", "serve"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        SAMLENG_DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        DATABASE_URL: "",
      },
      stdio: "ignore",
    });
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ms = performance.now() - started;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    return ms;
  };
  const first = await startOnce();
  const restart = await startOnce();
  rmSync(dataDir, { recursive: true, force: true });
  console.log("\nStart-up (PGlite, process start to healthy, includes tsx compiling TypeScript):");
  printTable(
    ["", "ms", "target ms"],
    [
      [
        "first start on an empty data directory (migrations, gazetteer, demo data)",
        first.toFixed(0),
        "20000",
      ],
      ["restart", restart.toFixed(0), "3000"],
    ],
  );
}

async function main() {
  if (!ONLY) {
    console.log("The field app's first load (dist/web, gzipped):");
    printTable(BUNDLE_HEADER, await bundleRows());
  }
  console.log(
    `Samleng bench: ${ITERATIONS} requests per scenario through Fastify inject (no network), Node ${process.version}, ${os.cpus().length} cores`,
  );
  if (ONLY !== "sms") {
    const pglite = await openPglite(undefined);
    try {
      await measure(pglite, "PGlite");
    } finally {
      await pglite.close();
    }
  }
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    console.log(`\nPostgreSQL not reachable at ${url}: skipped.`);
    return ONLY ? undefined : startupTimes();
  }
  const name = `samleng_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const postgres = openPostgres(target.toString());
  try {
    if (ONLY === "sms") {
      // The webhook needs the gazetteer (communes to file messages under) and the reference data.
      await postgres.migrate();
      await importGazetteer(postgres.db);
      await seedReferenceData(postgres.db);
    } else await measure(postgres, "PostgreSQL");
    if (ONLY_SYNC) return;
    console.log("\nPostgreSQL: inbound SMS webhook (POST /api/sms/v1/channels/:channel/receive)");
    printTable(SMS_HEADER, await measureSmsInbound(postgres, target.toString()));
  } finally {
    await postgres.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
  if (!ONLY) await startupTimes();
}

await main();
