import { uuidv7 } from "uuidv7";
import type { Role } from "../../../domain/roles";
import {
  cycleFacilitators,
  scorecardChangeRequests,
  scorecardIssues,
  scorecardParticipants,
  scorecardParticipantTallies,
  scorecardPriorities,
  scorecardScores,
  scorecardScoreTallies,
  scorecards,
} from "../../db/schema";
import { SCORECARD_FACT } from "../../modules/scorecards/scorecards.facts";
import * as rollups from "../../platform/rollups/rollups.engine";
import { createCycle, sectorIndicators } from "../isaf-fixtures";
import {
  ANONYMOUS,
  both,
  everyone,
  type MatrixKit,
  type ModuleMatrix,
  only,
  type Principal,
  type Row,
  shows,
  type Where,
} from "./kit";

/**
 * The score-card module's rows (isaf.policy.ts): everyone in the area reads a card; those who
 * facilitate the cycle (administrators, NGO staff, the assigned facilitator) record the community's;
 * the provider's staff also record the self-assessment; administrators and NGO staff review.
 */
const FACILITATE: readonly Role[] = ["admin", "ngo_staff", "facilitator"];
const SELF_ASSESS: readonly Role[] = [...FACILITATE, "service_provider"];
const REVIEW: readonly Role[] = ["admin", "ngo_staff"];

type Stage = "draft" | "submitted" | "approved" | "requested";
interface Card {
  cycleId: string;
  id: string;
  requestId: string;
}

let kit: MatrixKit;
const indicatorIds: string[] = [];
const fixtures = {} as Record<Where, { community: Card; tally: Card }>;

/**
 * A cycle (the matrix's facilitator assigned, in or out of area) with a community card at a stage:
 * three participants, issues raised, two priorities, every one scored. Written straight to the tables
 * (the counters kept right): the rows test access, the module's own tests its API.
 */
async function card(where: Where, stage: Stage, mode: "individual" | "tally" = "individual"): Promise<Card> {
  const db = kit.db();
  const { cycleId } = await createCycle(db, {
    communeCode: kit.places[where].commune,
    kindCode: "PS",
    year: 2026,
  });
  await db.insert(cycleFacilitators).values({ cycleId, userId: kit.userIdOf("facilitator")! });
  const id = uuidv7();
  const [a, b, c] = indicatorIds as [string, string, string];
  const status = stage === "requested" ? "approved" : stage;
  const requestId = uuidv7();
  await db.transaction((tx) =>
    rollups.tracked(tx, SCORECARD_FACT, id, async () => {
      await tx
        .insert(scorecards)
        .values({ id, cycleId, kind: "community", mode, status, heldOn: "2026-02-01" });
      await tx.insert(scorecardPriorities).values([
        { scorecardId: id, indicatorId: a, rank: 1 },
        { scorecardId: id, indicatorId: b, rank: 2 },
      ]);
      if (mode === "tally") {
        await tx
          .insert(scorecardParticipantTallies)
          .values({ scorecardId: id, sex: "female", ageBand: "18_30", count: 4 });
        await tx
          .insert(scorecardIssues)
          .values([a, b].map((indicatorId) => ({ id: uuidv7(), scorecardId: id, indicatorId, count: 4 })));
        await tx
          .insert(scorecardScoreTallies)
          .values([a, b].map((indicatorId) => ({ scorecardId: id, indicatorId, score: 3, count: 4 })));
      } else {
        await tx.insert(scorecardParticipants).values(
          [1, 2, 3].map((number) => ({
            scorecardId: id,
            number,
            sex: "female" as const,
            age: 20 + number,
          })),
        );
        await tx.insert(scorecardIssues).values(
          [a, b, c].map((indicatorId) => ({
            id: uuidv7(),
            scorecardId: id,
            indicatorId,
            participantNumber: 1,
          })),
        );
        await tx
          .insert(scorecardScores)
          .values(
            [a, b].map((indicatorId) => ({ scorecardId: id, indicatorId, participantNumber: 1, score: 4 })),
          );
      }
      if (stage === "requested") {
        await tx
          .insert(scorecardChangeRequests)
          .values({ id: requestId, scorecardId: id, reason: "Matrix correction" });
      }
    }),
  );
  return { cycleId, id, requestId };
}

/** A fresh card per principal for rows that change it for good (anonymous is refused before any record matters). */
const fresh = (where: Where, stage: Stage) => (p: Principal) =>
  p === ANONYMOUS ? Promise.resolve(fixtures[where].community) : card(where, stage);

const version = async (id: string): Promise<number> =>
  (await kit.asNational("GET", `/api/v1/scorecards/${id}`)).json().version;

/** A new participant on the shared card (added as the national administrator), for rows that use one up. */
async function newParticipant(where: Where): Promise<number> {
  const response = await kit.asNational(
    "POST",
    `/api/v1/scorecards/${fixtures[where].community.id}/participants`,
    {
      participants: [{ sex: "male", age: 33 }],
    },
  );
  const participants = response.json().participants as { number: number }[];
  return participants[participants.length - 1]!.number;
}

/** Reads: everyone in the area, 404 outside it. */
const read = (where: Where) => (where === "in" ? everyone(200) : everyone(404, 200));
/** Changes for the `roles`: `ok` in the area; 404 outside it (403 never says a record exists). */
const change = (roles: readonly Role[], ok: number) => (where: Where) =>
  where === "in" ? only(roles, ok) : only(roles, 404, { denied: 404, national: ok });

function rows(k: MatrixKit): Row[] {
  kit = k;
  const shared = (where: Where) => fixtures[where].community.id;
  const url = (where: Where, path = "") => `/api/v1/scorecards/${shared(where)}${path}`;
  return [
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/scorecards",
      expect: read(where),
      send: (p) => k.call(p, "GET", `/api/v1/cycles/${fixtures[where].community.cycleId}/scorecards`),
    })),
    ...both((where) => ({
      route: "POST /api/v1/cycles/:cycleId/scorecards",
      expect: change(FACILITATE, 201)(where),
      send: async (p) => {
        const { cycleId } =
          p === ANONYMOUS
            ? fixtures[where].community
            : await createCycle(k.db(), { communeCode: k.places[where].commune });
        if (p !== ANONYMOUS)
          await k
            .db()
            .insert(cycleFacilitators)
            .values({ cycleId, userId: k.userIdOf("facilitator")! });
        return k.call(p, "POST", `/api/v1/cycles/${cycleId}/scorecards`, {
          kind: "community",
          mode: "individual",
        });
      },
    })),
    // The self-assessment: the provider's staff too. It takes the community card's priorities.
    ...both((where) => ({
      route: "POST /api/v1/cycles/:cycleId/scorecards",
      expect: change(SELF_ASSESS, 201)(where),
      send: async (p) =>
        k.call(p, "POST", `/api/v1/cycles/${(await fresh(where, "submitted")(p)).cycleId}/scorecards`, {
          kind: "self",
        }),
    })),
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/scorecards/comparison",
      expect: read(where),
      send: (p) =>
        k.call(p, "GET", `/api/v1/cycles/${fixtures[where].community.cycleId}/scorecards/comparison`),
    })),
    {
      route: "GET /api/v1/scorecards/reviews",
      record: "-",
      expect: only(REVIEW, "200 in", { national: "200 in+out" }),
      send: (p) => k.call(p, "GET", "/api/v1/scorecards/reviews"),
      observe: shows(
        (body: { submitted: { id: string }[] }) => body.submitted.map((item) => item.id),
        () => ({ in: reviewFixtures.in, out: reviewFixtures.out }),
      ),
    },
    ...both((where) => ({
      route: "GET /api/v1/scorecards/:id",
      expect: read(where),
      send: (p) => k.call(p, "GET", url(where)),
    })),
    ...both((where) => ({
      route: "GET /api/v1/scorecards/:id/results",
      expect: read(where),
      send: (p) => k.call(p, "GET", url(where, "/results")),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", url(where), {
          heldOn: "2026-02-02",
          mode: "individual",
          version: await version(shared(where)),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/participants",
      expect: change(FACILITATE, 201)(where),
      send: (p) =>
        k.call(p, "POST", url(where, "/participants"), { participants: [{ sex: "female", age: 19 }] }),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id/participants/:number",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", url(where, "/participants/2"), {
          sex: "female",
          age: 44,
          idPoor: true,
          version: await version(shared(where)),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/participants/:number/remove",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "POST", url(where, `/participants/${await newParticipant(where)}/remove`), {}),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id/participants/:number/scores",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", url(where, "/participants/1/scores"), {
          scores: [{ indicatorId: indicatorIds[0], score: 2 }],
          version: await version(shared(where)),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/scores",
      expect: change(FACILITATE, 201)(where),
      send: async (p) =>
        k.call(p, "POST", url(where, "/scores"), {
          participantNumber: await newParticipant(where),
          scores: [{ indicatorId: indicatorIds[0], score: 5 }],
        }),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id/tallies",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", `/api/v1/scorecards/${fixtures[where].tally.id}/tallies`, {
          rows: [{ sex: "female", ageBand: "18_30", count: 4, ethnicMinority: 1 }],
          version: await version(fixtures[where].tally.id),
        }),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id/score-tallies/:indicatorId",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", `/api/v1/scorecards/${fixtures[where].tally.id}/score-tallies/${indicatorIds[0]}`, {
          counts: [0, 1, 2, 1, 0],
          version: await version(fixtures[where].tally.id),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/issues",
      expect: change(FACILITATE, 201)(where),
      send: async (p) =>
        k.call(p, "POST", url(where, "/issues"), {
          indicatorId: indicatorIds[3],
          participantNumbers: [await newParticipant(where)],
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/issues/:issueId/remove",
      expect: change(FACILITATE, 200)(where),
      send: async (p) => {
        const raised = await k.asNational("POST", url(where, "/issues"), {
          indicatorId: indicatorIds[2],
          participantNumbers: [await newParticipant(where)],
        });
        const issues = raised.json().issues as { id: string }[];
        return k.call(p, "POST", url(where, `/issues/${issues[issues.length - 1]!.id}/remove`), {});
      },
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id/priorities",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", url(where, "/priorities"), {
          indicatorIds: indicatorIds.slice(0, 2),
          version: await version(shared(where)),
        }),
    })),
    ...both((where) => ({
      route: "PUT /api/v1/scorecards/:id/priorities/:indicatorId/notes",
      expect: change(FACILITATE, 200)(where),
      send: async (p) =>
        k.call(p, "PUT", url(where, `/priorities/${indicatorIds[0]}/notes`), {
          strengths: "Clean water",
          weaknesses: "No fence",
          version: await version(shared(where)),
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/submit",
      expect: change(FACILITATE, 200)(where),
      send: async (p) => {
        const { id } = await fresh(where, "draft")(p);
        return k.call(p, "POST", `/api/v1/scorecards/${id}/submit`, { version: await version(id) });
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/approve",
      expect: change(REVIEW, 200)(where),
      send: async (p) => {
        const { id } = await fresh(where, "submitted")(p);
        return k.call(p, "POST", `/api/v1/scorecards/${id}/approve`, { version: await version(id) });
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/return",
      expect: change(REVIEW, 200)(where),
      send: async (p) => {
        const { id } = await fresh(where, "submitted")(p);
        return k.call(p, "POST", `/api/v1/scorecards/${id}/return`, {
          version: await version(id),
          comment: "Check the ages.",
        });
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/change-requests",
      expect: change(FACILITATE, 201)(where),
      send: async (p) =>
        k.call(p, "POST", `/api/v1/scorecards/${(await fresh(where, "approved")(p)).id}/change-requests`, {
          reason: "A participant's age was mistyped.",
        }),
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/change-requests/:requestId/grant",
      expect: change(REVIEW, 200)(where),
      send: async (p) => {
        const { id, requestId } = await fresh(where, "requested")(p);
        return k.call(p, "POST", `/api/v1/scorecards/${id}/change-requests/${requestId}/grant`, {
          note: "Granted",
        });
      },
    })),
    ...both((where) => ({
      route: "POST /api/v1/scorecards/:id/change-requests/:requestId/refuse",
      expect: change(REVIEW, 200)(where),
      send: async (p) => {
        const { id, requestId } = await fresh(where, "requested")(p);
        return k.call(p, "POST", `/api/v1/scorecards/${id}/change-requests/${requestId}/refuse`, {
          note: "Not needed",
        });
      },
    })),
  ];
}

const reviewFixtures = { in: "", out: "" };

export const scorecardsMatrix: ModuleMatrix = {
  setup: async (k) => {
    kit = k;
    indicatorIds.push(...(await sectorIndicators(k.db(), "PS")).slice(0, 4).map((indicator) => indicator.id));
    for (const where of ["in", "out"] as const) {
      fixtures[where] = { community: await card(where, "draft"), tally: await card(where, "draft", "tally") };
      reviewFixtures[where] = (await card(where, "submitted")).id;
    }
  },
  rows,
};
