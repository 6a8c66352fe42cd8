import type { FastifyInstance } from "fastify";
import { cambodiaToday } from "../src/domain/isaf-cycle";
import type { Database } from "../src/server/db/database";
import { queryRows } from "../src/server/db/sql";
import * as repo from "../src/server/modules/dashboards/dashboards.repo";
import { generateNationalIsaf } from "./generate";

/**
 * The dashboard scenarios (issue 3, part 12): every dashboard endpoint at national, province,
 * district and commune level, each timed beside the same-run baseline and beside the rollup
 * queries behind it run straight on the database (no HTTP, no session, no JSON).
 */
const PROVINCES = ["15", "02", "19", "10", "25", "14", "04", "21", "16", "11", "09", "12"];
const DISTRICTS = [
  "1501",
  "0203",
  "1902",
  "1003",
  "2502",
  "1404",
  "0402",
  "2103",
  "1601",
  "1101",
  "0902",
  "1201",
];
const COMMUNES = [
  "150101",
  "020301",
  "190201",
  "100301",
  "250201",
  "140401",
  "040201",
  "210301",
  "160101",
  "110101",
];

interface DashboardScenario {
  name: string;
  level: repo.ScopeLevel;
  scopes: string[];
  url: (scope: string) => string;
  /** Compared with the rollup queries of the same scope. */
  direct: boolean;
  target: number;
}

const dashboardUrl = (scope: string) => `/api/v1/dashboards/isaf${scope === "KH" ? "" : `?place=${scope}`}`;

const SCENARIOS: DashboardScenario[] = [
  {
    name: "dashboard, national",
    level: "national",
    scopes: ["KH"],
    url: dashboardUrl,
    direct: true,
    target: 50,
  },
  {
    name: "dashboard, province",
    level: "province",
    scopes: PROVINCES,
    url: dashboardUrl,
    direct: true,
    target: 50,
  },
  {
    name: "dashboard, district",
    level: "district",
    scopes: DISTRICTS,
    url: dashboardUrl,
    direct: true,
    target: 50,
  },
  {
    name: "dashboard, commune",
    level: "commune",
    scopes: COMMUNES,
    url: dashboardUrl,
    direct: true,
    target: 50,
  },
  {
    name: "dashboard, province, one sector and year",
    level: "province",
    scopes: PROVINCES,
    url: (scope) => `/api/v1/dashboards/isaf?place=${scope}&sector=HC&yearFrom=2025&yearTo=2025`,
    direct: false,
    target: 50,
  },
  {
    name: "export XLSX, province",
    level: "province",
    scopes: PROVINCES,
    url: (scope) => `/api/v1/dashboards/isaf/export?format=xlsx&place=${scope}`,
    direct: true,
    target: 50,
  },
  {
    name: "export CSV, province",
    level: "province",
    scopes: PROVINCES,
    url: (scope) => `/api/v1/dashboards/isaf/export?format=csv&place=${scope}`,
    direct: true,
    target: 50,
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(
  iterations: number,
  run: (i: number) => Promise<void>,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The rollup reads of a dashboard, straight on the database: the scope's counters and its children's. */
function directQuery(database: Database, scope: string): Promise<unknown> {
  const filters = { scope, sector: null, yearFrom: null, yearTo: null };
  return Promise.all([
    queryRows(database.db, repo.headlineQuery(filters)),
    queryRows(database.db, repo.areasQuery(filters, cambodiaToday(new Date()))),
  ]);
}

export async function measureDashboards(
  database: Database,
  app: FastifyInstance,
  cookie: string,
  label: string,
  options: { iterations: number; communeStep: number; baselineP50: number },
): Promise<string[][]> {
  const generated = performance.now();
  const made = await generateNationalIsaf(database.db, options.communeStep);
  const ms = performance.now() - generated;
  console.log(
    `\n${label}: generated ISAF data (every ${options.communeStep === 1 ? "" : `${options.communeStep}th `}commune, 2022–2026) in ${(ms / 1000).toFixed(0)} s: ` +
      `${made.facilities} facilities added, ${made.cycles} cycles, ${made.scorecards} score cards, ` +
      `${made.participants} participants, ${made.scores} scores, ${made.actions} JAAP actions`,
  );
  return timeDashboards(database, app, cookie, label, options);
}

/** Times every scenario on data that is already there. */
export async function timeDashboards(
  database: Database,
  app: FastifyInstance,
  cookie: string,
  label: string,
  options: { iterations: number; baselineP50: number },
): Promise<string[][]> {
  const rows: string[][] = [];
  for (const scenario of SCENARIOS) {
    const scopeOf = (i: number) => scenario.scopes[i % scenario.scopes.length] as string;
    const endpoint = await time(options.iterations, async (i) => {
      const response = await app.inject({ url: scenario.url(scopeOf(i)), headers: { cookie } });
      if (response.statusCode !== 200)
        throw new Error(`${scenario.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    });
    const direct = scenario.direct
      ? await time(options.iterations, (i) => directQuery(database, scopeOf(i)).then(() => undefined))
      : null;
    const ratio = direct ? endpoint.p95 / direct.p95 : null;
    const met = endpoint.p95 <= scenario.target && (ratio === null || ratio <= 1.5);
    rows.push([
      scenario.name,
      endpoint.p50.toFixed(2),
      endpoint.p95.toFixed(2),
      (endpoint.p50 / options.baselineP50).toFixed(1),
      direct ? direct.p95.toFixed(2) : "",
      ratio === null ? "" : ratio.toFixed(2),
      `${scenario.target}`,
      met ? "met" : label === "PostgreSQL" ? "MISSED" : "(PG target)",
    ]);
  }
  return rows;
}

export const DASHBOARD_HEADER = [
  "scenario",
  "p50 ms",
  "p95 ms",
  "p50 ÷ baseline",
  "rollup direct p95 ms",
  "p95 ÷ direct",
  "p95 target",
  "",
];
