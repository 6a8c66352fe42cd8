import type { LightMyRequestResponse } from "fastify";
import { uuidv7 } from "uuidv7";
import type { Role } from "../../../domain/roles";
import { createClock, formatTimestamp, tick } from "../../../domain/sync/hlc";
import { cycleFacilitators, scorecards } from "../../db/schema";
import { SCORECARD_FACT } from "../../modules/scorecards/scorecards.facts";
import * as rollups from "../../platform/rollups/rollups.engine";
import { createCycle } from "../isaf-fixtures";
import {
  both,
  everyone,
  type MatrixKit,
  type ModuleMatrix,
  type Outcome,
  only,
  outcomeOf,
  type Principal,
  shows,
  type Where,
} from "./kit";

/**
 * The sync push's rows: any signed-in user may push, and each command is then held to the same
 * rules as the API call it stands for — here, starting a community score card on a cycle of its
 * own: those who facilitate the cycle may, other roles are refused, a cycle outside the area is not
 * found. The answer is per command, so the observed outcome is the command's.
 */
const FACILITATE: readonly Role[] = ["admin", "ngo_staff", "facilitator"];

function commandOutcome(response: LightMyRequestResponse): Outcome {
  if (response.statusCode !== 200) return outcomeOf(response);
  const [result] = (response.json() as { results: { status: string; code?: string }[] }).results;
  return `200 ${result?.status === "applied" ? "applied" : result?.code}`;
}

/**
 * The pull's rows: each user downloads the open cycles of their area they may record a score card
 * for — those who facilitate the cycle, and the provider's staff for the self-assessment — and those
 * cycles' cards; everyone else gets empty streams. Observed: which of the fixtures (a cycle with a
 * card, in and out of the area, the matrix's facilitator assigned) the last page's inScope lists.
 */
const RECORD: readonly Role[] = [...FACILITATE, "service_provider"];
const pulled: Record<"cycles" | "scorecards", Record<Where, string>> = {
  cycles: { in: "", out: "" },
  scorecards: { in: "", out: "" },
};

/** Every page of a stream; the last one (or the first refusal). */
async function lastPage(call: MatrixKit["call"], p: Principal, stream: "cycles" | "scorecards") {
  let after = "";
  for (;;) {
    const response = await call(p, "GET", `/api/v1/sync/pull?stream=${stream}&limit=200${after}`);
    const next = response.statusCode === 200 ? (response.json() as { next: string | null }).next : null;
    if (next === null) return response;
    after = `&after=${next}`;
  }
}

export const syncMatrix: ModuleMatrix = {
  setup: async ({ db, places, userIdOf }) => {
    for (const where of ["in", "out"] as const) {
      const { cycleId } = await createCycle(db(), { communeCode: places[where].commune, kindCode: "PS" });
      await db()
        .insert(cycleFacilitators)
        .values({ cycleId, userId: userIdOf("facilitator")! });
      const cardId = uuidv7();
      await db().transaction((tx) =>
        rollups.tracked(tx, SCORECARD_FACT, cardId, () =>
          tx.insert(scorecards).values({ id: cardId, cycleId, kind: "community" }),
        ),
      );
      pulled.cycles[where] = cycleId;
      pulled.scorecards[where] = cardId;
    }
  },
  rows: ({ call, db, places, userIdOf }) => [
    ...both((where) => ({
      route: "POST /api/v1/sync/push",
      expect:
        where === "in"
          ? only(FACILITATE, "200 applied", { denied: "200 forbidden" })
          : everyone("200 not_found", "200 applied"),
      observe: commandOutcome,
      send: async (p) => {
        const { cycleId } = await createCycle(db(), { communeCode: places[where].commune, kindCode: "PS" });
        await db()
          .insert(cycleFacilitators)
          .values({ cycleId, userId: userIdOf("facilitator")! });
        const stamp = formatTimestamp(tick(createClock("matrix"), Date.now()));
        const command = {
          id: uuidv7(),
          type: "scorecard.create",
          recordId: uuidv7(),
          payload: { cycleId, kind: "community", mode: "individual" },
          baseVersion: null,
          stamp,
        };
        return call(p, "POST", "/api/v1/sync/push", { deviceId: "matrix", commands: [command] });
      },
    })),
    ...(["cycles", "scorecards"] as const).map((stream) => ({
      route: "GET /api/v1/sync/pull",
      record: "-" as const,
      expect: only(RECORD, "200 in", { denied: "200 none", national: "200 in+out" }),
      send: (p: Principal) => lastPage(call, p, stream),
      observe: shows(
        (body: { inScope: string[] }) => body.inScope,
        () => pulled[stream],
      ),
    })),
  ],
};
