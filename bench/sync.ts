import type { FastifyInstance } from "fastify";
import { uuidv7 } from "uuidv7";
import type { SyncCommand } from "../src/contracts/sync";
import { type Clock, createClock, formatTimestamp, tick } from "../src/domain/sync/hlc";
import type { Database } from "../src/server/db/database";
import { cycleFacilitators } from "../src/server/db/schema";
import * as users from "../src/server/modules/users/users.repo";
import { hashPassword } from "../src/server/platform/passwords";
import { createCycle, sectorIndicators } from "../src/server/test/isaf-fixtures";

/**
 * The field app's push (issue 4): a whole score-card meeting queued offline — 60 participants each
 * scoring 8 indicators, 73 commands — applied in one push, timed per meeting; then 100 devices
 * pushing a meeting each at the same moment, counting every command that was not applied. Then the
 * pull (issue 12, part 6): the facilitator's first sync of both streams, every page, timed whole.
 */
const PASSWORD = "Bench-Sync-Password-2026";
const MEETINGS = Number(process.env.BENCH_SYNC_MEETINGS ?? 30);
const DEVICES = Number(process.env.BENCH_SYNC_DEVICES ?? 100);
const PULLS = Number(process.env.BENCH_SYNC_PULLS ?? 10);

interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

async function facilitatorSession(database: Database, app: FastifyInstance): Promise<Session> {
  const userId = uuidv7();
  const username = `bench-sync-${userId.slice(-8)}`;
  await users.insert(
    database.db,
    {
      id: userId,
      username,
      displayName: "Bench facilitator",
      email: null,
      passwordHash: await hashPassword(PASSWORD),
      organisationId: null,
      locale: "en",
      nationalArea: false,
    },
    ["facilitator"],
    ["15"],
  );
  const signIn = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { username, password: PASSWORD },
  });
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { cookie, csrf: (signIn.json() as { csrfToken: string }).csrfToken, userId };
}

/** A new cycle in Pursat that the facilitator facilitates. */
async function cycleOf(database: Database, session: Session): Promise<string> {
  const { cycleId } = await createCycle(database.db, { communeCode: "150101", kindCode: "PS" });
  await database.db.insert(cycleFacilitators).values({ cycleId, userId: session.userId });
  return cycleId;
}

/** The commands a phone queues for one meeting, with the versions it predicts. */
function meetingCommands(cycleId: string, indicatorIds: string[], participants: number, node: string) {
  let clock: Clock = createClock(node);
  let now = Date.now() - 3_600_000;
  const cardId = uuidv7();
  const command = (type: string, payload: unknown, baseVersion: number | null = null): SyncCommand => {
    now += 100;
    clock = tick(clock, now);
    return { id: uuidv7(), type, recordId: cardId, payload, baseVersion, stamp: formatTimestamp(clock) };
  };
  const people = Array.from({ length: participants }, (_, i) => ({
    sex: i % 2 ? "male" : "female",
    age: 12 + ((i * 7) % 60),
  }));
  const commands = [
    command("scorecard.create", { cycleId, kind: "community", mode: "individual" }),
    command("scorecard.updateDetails", { heldOn: "2026-11-20", mode: "individual" }, 1),
    command("scorecard.addParticipants", { firstNumber: 1, participants: people }),
    ...indicatorIds.map((indicatorId, i) =>
      command("scorecard.raiseIssue", { indicatorId, participantNumbers: [1 + i] }),
    ),
  ];
  commands.push(command("scorecard.setPriorities", { indicatorIds }, 3 + indicatorIds.length));
  for (let p = 1; p <= participants; p++) {
    const scores = indicatorIds.map((indicatorId, i) => ({ indicatorId, score: 1 + ((p + i) % 5) }));
    commands.push(command("scorecard.addScores", { participantNumber: p, scores }));
  }
  commands.push(command("scorecard.submit", {}, 4 + indicatorIds.length + participants));
  return commands;
}

async function pushAll(app: FastifyInstance, session: Session, commands: SyncCommand[], deviceId: string) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/sync/push",
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
    payload: { deviceId, commands },
  });
  if (response.statusCode !== 200) return commands.length;
  const { results } = response.json() as { results: { status: string }[] };
  return results.filter((result) => result.status !== "applied").length;
}

/** Every page of a stream from the start, as a phone's first sync reads it: how many items. */
async function pullAll(app: FastifyInstance, session: Session, stream: string): Promise<number> {
  let after: string | null = null;
  let items = 0;
  do {
    const query: string = `stream=${stream}&limit=100${after ? `&after=${after}` : ""}`;
    const response = await app.inject({
      url: `/api/v1/sync/pull?${query}`,
      headers: { cookie: session.cookie },
    });
    if (response.statusCode !== 200)
      throw new Error(`pull ${stream}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    const page = response.json() as { items: unknown[]; next: string | null };
    items += page.items.length;
    after = page.next;
  } while (after);
  return items;
}

async function timePulls(app: FastifyInstance, session: Session, stream: string) {
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < PULLS + 1; i++) {
    const start = performance.now();
    items = await pullAll(app, session, stream);
    if (i > 0) times.push(performance.now() - start); // the first is a warm-up
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), items };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const SYNC_HEADER = ["scenario", "p50 ms", "p95 ms", "commands", "not applied", "target", ""];

export async function measureSync(
  database: Database,
  app: FastifyInstance,
  label: string,
): Promise<string[][]> {
  const session = await facilitatorSession(database, app);
  const indicatorIds = (await sectorIndicators(database.db, "PS")).slice(0, 8).map((row) => row.id);
  const times: number[] = [];
  let failed = 0;
  let commandCount = 0;
  for (let i = 0; i < MEETINGS + 3; i++) {
    const commands = meetingCommands(await cycleOf(database, session), indicatorIds, 60, `bench${i}`);
    const start = performance.now();
    const notApplied = await pushAll(app, session, commands, `bench${i}`);
    const ms = performance.now() - start;
    if (i < 3) continue; // warm-up
    times.push(ms);
    failed += notApplied;
    commandCount += commands.length;
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const met = p95 <= 150 && failed === 0;

  // 100 devices, one meeting each (20 participants × 8 indicators), all pushed at once.
  const batches: { commands: SyncCommand[]; deviceId: string }[] = [];
  for (let d = 0; d < DEVICES; d++) {
    const deviceId = `dev${d}`;
    batches.push({
      commands: meetingCommands(await cycleOf(database, session), indicatorIds, 20, deviceId),
      deviceId,
    });
  }
  const started = performance.now();
  const notApplied = await Promise.all(batches.map((b) => pushAll(app, session, b.commands, b.deviceId)));
  const allMs = performance.now() - started;
  const devicesFailed = notApplied.reduce((sum, n) => sum + n, 0);
  const devicesCommands = batches.reduce((sum, b) => sum + b.commands.length, 0);
  const cards = await timePulls(app, session, "scorecards");
  const cycles = await timePulls(app, session, "cycles");
  return [
    [
      "push a 60 × 8 meeting (one request)",
      percentile(times, 50).toFixed(1),
      p95.toFixed(1),
      `${commandCount}`,
      `${failed}`,
      "p95 ≤ 150",
      met ? "met" : label === "PostgreSQL" ? "MISSED" : "(PG target)",
    ],
    [
      `${DEVICES} devices pushing at once (20 × 8 each)`,
      "",
      `${allMs.toFixed(0)} (all)`,
      `${devicesCommands}`,
      `${devicesFailed}`,
      "0 errors",
      devicesFailed === 0 ? "met" : "MISSED",
    ],
    [
      `first pull of every card (${cards.items} cards, pages of 100)`,
      cards.p50.toFixed(1),
      cards.p95.toFixed(1),
      "",
      "",
      "",
      "",
    ],
    [
      `first pull of every cycle (${cycles.items} cycles, pages of 100)`,
      cycles.p50.toFixed(1),
      cycles.p95.toFixed(1),
      "",
      "",
      "",
      "",
    ],
  ];
}
