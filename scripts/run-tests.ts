/**
 * `npm test`: the whole gate, in order: typecheck, lint, the domain/server suite (PGlite, or
 * PostgreSQL when TEST_DATABASE_URL is set), the web build and the browser tests in Chromium.
 * Ends with one plain line "N passed, N failed" (CI reads it). SAMLENG_SKIP_E2E=1 skips the browser.
 * SAMLENG_SKIP_STATIC=1 skips the typecheck and the linter, which do not depend on the database:
 * CI runs them with the first of its two runs only. The web app is built only when its sources
 * changed since the last build (as `npm start` does), so the second run reuses the first's build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const reportDir = mkdtempSync(path.join(os.tmpdir(), "samleng-report-"));
let passed = 0;
let failed = 0;

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

/** A check that is one pass or one fail (typecheck, lint, build). */
function check(label: string, command: string, args: string[]) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    console.log(`✗ ${label} failed`);
  }
}

/** A Vitest run whose tests are counted one by one from its JSON report. */
function suite(label: string, config: string) {
  const output = path.join(reportDir, `${label}.json`);
  const ok = run(label, "npx", [
    "vitest",
    "run",
    "--config",
    config,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  if (!existsSync(output)) {
    failed++;
    console.log(`✗ ${label} produced no report`);
    return;
  }
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    success: boolean;
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that crashed outside any test (a failed import, a failed setup) still fails the run.
  if (!ok && report.numFailedTests === 0) failed++;
}

if (process.env.SAMLENG_SKIP_STATIC !== "1") {
  check("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
  check("lint", "npx", ["biome", "check", "."]);
}
suite("server", "vitest.config.ts");
if (process.env.SAMLENG_SKIP_E2E !== "1") {
  check("web build", "npx", ["tsx", "scripts/build-web-if-stale.ts"]);
  suite("e2e", "vitest.e2e.config.ts");
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
