import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { eq, inArray, sql } from "drizzle-orm";
import pg from "pg";
import { uuidv7 } from "uuidv7";
import { buildApp } from "../src/server/app";
import type { Database } from "../src/server/db/database";
import { feedbackMessages, smsInbound } from "../src/server/db/schema";
import { addChannel, channelSettings } from "../src/server/modules/sms/sms.channels";
import { contactCipher } from "../src/server/platform/contact-cipher";

/**
 * Inbound SMS webhook throughput (issue 5): a gateway posting messages over HTTP, as fast as the
 * server takes them, for BENCH_SMS_SECONDS (60) after BENCH_SMS_WARMUP (10), from a separate thread with BENCH_SMS_CONNECTIONS
 * (64) keep-alive connections. Every second of the window must take 1,000 messages, and every
 * message accepted (warm-up included) must be in the database afterwards (zero lost). Beside it, the raw rate of single-row INSERTs into feedback_messages with the same
 * concurrency, straight through node-postgres, measured in the same run.
 */
const SECONDS = Number(process.env.BENCH_SMS_SECONDS ?? 60);
/** Seconds of load before the measured window: the server's code is compiled and warmed by then. */
const WARMUP = Number(process.env.BENCH_SMS_WARMUP ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SMS_CONNECTIONS ?? 64);
const TARGET_PER_SECOND = 1000;

export const SMS_HEADER = ["measure", "messages", "per second", "slowest second", "errors", "target", ""];

/** The load generator, run in a worker thread so that it does not share the server's event loop. */
const LOAD = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { port, path, secret, seconds, connections } = workerData;
// node:http with keep-alive: a light client, so that the server, not the load, is measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const perSecond = new Array(seconds).fill(0);
const accepted = [];
let errors = 0;
let next = 0;
const start = Date.now();
function post(body) {
  return new Promise((resolve) => {
    const request = http.request(
      { host: "127.0.0.1", port, path, method: "POST", agent, headers: {
        "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: "Bearer " + secret } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => { text += chunk; });
        response.on("end", () => resolve({ status: response.statusCode, text }));
      },
    );
    request.on("error", () => resolve({ status: 0, text: "" }));
    request.end(body);
  });
}
async function client() {
  while (Date.now() - start < seconds * 1000) {
    const i = next++;
    const { status, text } = await post(JSON.stringify({
      from: "+8551" + String(2000000 + (i % 900000)).padStart(7, "0"),
      text: (i % 3 === 0 ? "150101 បង្គន់សាលាចាក់សោ " : "150101 the school toilets are locked ") + i,
      id: "bench-" + i,
    }));
    const json = status === 200 ? JSON.parse(text) : null;
    if (json && !json.duplicate) {
      accepted.push(json.id);
      const second = Math.floor((Date.now() - start) / 1000);
      if (second < seconds) perSecond[second] += 1;
    } else errors += 1;
  }
}
Promise.all(Array.from({ length: connections }, () => client())).then(() =>
  parentPort.postMessage({ accepted, errors, perSecond, ms: Date.now() - start }),
);
`;

interface LoadResult {
  accepted: string[];
  errors: number;
  perSecond: number[];
  ms: number;
}

function runLoad(port: number, path: string, secret: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD, {
      eval: true,
      workerData: { port, path, secret, seconds: WARMUP + SECONDS, connections: CONNECTIONS },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

/** Single-row INSERTs into feedback_messages, each its own transaction, at the same concurrency. */
async function rawInsertRate(connectionString: string): Promise<{ rows: number; perSecond: number }> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const seconds = Math.min(SECONDS, 20);
  const end = Date.now() + seconds * 1000;
  let rows = 0;
  let n = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const i = n++;
        await pool.query(
          `insert into feedback_messages (id, tracking_code, channel, commune_code, topic, text, answer_due_on)
           values ($1, $2, 'sms', '150101', 'other', $3, '2026-12-31')`,
          [uuidv7(), `r${String(i).padStart(9, "0")}`, `raw insert ${i}`],
        );
        rows += 1;
      }
    }),
  );
  const ms = Date.now() - started;
  await pool.query("delete from feedback_messages where tracking_code like 'r%'");
  await pool.end();
  return { rows, perSecond: rows / (ms / 1000) };
}

export async function measureSmsInbound(database: Database, connectionString: string): Promise<string[][]> {
  const cipher = contactCipher(randomBytes(32));
  const secret = "bench-sms-secret";
  await addChannel(
    database.db,
    cipher,
    channelSettings({ id: "bench", name: "Bench gateway", sender: "8383" }),
    secret,
  );
  const raw = process.env.BENCH_SMS_SKIP_RAW
    ? { rows: 0, perSecond: 1 }
    : await rawInsertRate(connectionString);

  const app = await buildApp({ database, logLevel: "silent", contactCipher: cipher });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  const load = await runLoad(port, "/api/sms/v1/channels/bench/receive", secret);
  console.log(`messages accepted in each second (warm-up first): ${load.perSecond.join(" ")}`);
  await app.close();

  // Zero lost: every message the server accepted is stored, with its feedback message.
  let found = 0;
  for (let from = 0; from < load.accepted.length; from += 10_000) {
    const [batch] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(smsInbound)
      .innerJoin(feedbackMessages, eq(feedbackMessages.id, smsInbound.feedbackMessageId))
      .where(inArray(smsInbound.id, load.accepted.slice(from, from + 10_000)));
    found += batch!.n;
  }
  const lost = load.accepted.length - found;
  // The measured window: after the warm-up, whole seconds only.
  const window = load.perSecond.slice(WARMUP, WARMUP + SECONDS);
  const rate = window.reduce((sum, n) => sum + n, 0) / window.length;
  const slowest = Math.min(...window);
  const met = rate >= TARGET_PER_SECOND && slowest >= TARGET_PER_SECOND && lost === 0 && load.errors === 0;
  return [
    ["raw INSERT, one row per transaction", `${raw.rows}`, raw.perSecond.toFixed(0), "", "", "", "baseline"],
    [
      `webhook over HTTP, ${SECONDS} s after ${WARMUP} s warm-up, ${CONNECTIONS} connections`,
      `${load.accepted.length} accepted, ${found} stored, ${lost} lost`,
      rate.toFixed(0),
      `${slowest}`,
      `${load.errors}`,
      `≥ ${TARGET_PER_SECOND}/s, 0 lost`,
      met ? "met" : "MISSED",
    ],
    ["webhook ÷ raw INSERT", "", (rate / raw.perSecond).toFixed(2), "", "", "", ""],
  ];
}
