import type { LightMyRequestResponse } from "fastify";
import { uuidv7 } from "uuidv7";
import type { Role } from "../../../domain/roles";
import { createClock, formatTimestamp, tick } from "../../../domain/sync/hlc";
import { cycleFacilitators } from "../../db/schema";
import { createCycle } from "../isaf-fixtures";
import { both, everyone, type ModuleMatrix, type Outcome, only, outcomeOf } from "./kit";

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

export const syncMatrix: ModuleMatrix = {
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
  ],
};
