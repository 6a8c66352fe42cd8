import { eq } from "drizzle-orm";
import fc from "fast-check";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGE_BANDS, CYCLE_STEPS } from "../../../domain/isaf-cycle";
import {
  cycles,
  feedbackMessages,
  jaapActions,
  scorecardIssues,
  scorecardParticipants,
  scorecardParticipantTallies,
  scorecardPriorities,
  scorecardScores,
  scorecardScoreTallies,
  scorecards,
} from "../../db/schema";
import { FEEDBACK_MESSAGE_FACT, FEEDBACK_ROLLUP, trackFeedback } from "../../modules/feedback/feedback.facts";
import { CYCLE_FACT, ISAF_ROLLUP } from "../../modules/isaf/isaf.facts";
import { JAAP_ACTION_FACT } from "../../modules/jaap/jaap.facts";
import { SCORECARD_FACT } from "../../modules/scorecards/scorecards.facts";
import { FACTS, rebuildRollup } from "../../rollups";
import { createTestApp, type TestApp } from "../../test/harness";
import { createCycle, sectorIndicators } from "../../test/isaf-fixtures";
import type { RollupTable } from "./rollup";
import * as rollups from "./rollups.engine";

/**
 * Rebuild equals incremental, for every registered fact: random sequences of changes, each counted
 * by the engine in its transaction as the modules count them, leave the rollup table equal to a full
 * rebuild from the facts' own tables. The rebuild is the definition; the incremental path must agree.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const RUNS = { numRuns: 12 };

async function expectRebuildEqualsIncremental(rollup: RollupTable) {
  const incremental = await rollups.snapshot(t.db, rollup);
  await t.db.transaction((tx) => rebuildRollup(tx, rollup));
  expect(await rollups.snapshot(t.db, rollup)).toEqual(incremental);
}

const TESTED = ["isaf.cycle", "isaf.scorecard", "isaf.jaap_action", "feedback.message"];

it("covers every registered fact", () => {
  expect(FACTS.map((fact) => fact.name).sort()).toEqual([...TESTED].sort());
});

// Dates around the turn of a month and of a year, so that periods and lateness are exercised at edges.
const day = fc.constantFrom("2025-12-31", "2026-01-01", "2026-03-15", "2026-03-31", "2026-04-01", null);
const status = fc.constantFrom("draft", "submitted", "returned", "approved") as fc.Arbitrary<
  "draft" | "submitted" | "returned" | "approved"
>;

const isafOp = fc.oneof(
  fc.record({
    op: fc.constant("cycle" as const),
    cycle: fc.nat(2),
    step: fc.constantFrom(...CYCLE_STEPS),
    planned: day,
    committee: fc.constantFrom("none", "met", "override"),
  }),
  fc.record({
    op: fc.constant("card" as const),
    cycle: fc.nat(2),
    kind: fc.constantFrom("community", "self") as fc.Arbitrary<"community" | "self">,
    status,
    participants: fc.array(
      fc.record({
        sex: fc.constantFrom("female", "male") as fc.Arbitrary<"female" | "male">,
        age: fc.integer({ min: 5, max: 120 }),
        disability: fc.boolean(),
        ethnicMinority: fc.boolean(),
        idPoor: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    scores: fc.array(fc.record({ indicator: fc.nat(1), score: fc.integer({ min: 1, max: 5 }) }), {
      maxLength: 4,
    }),
    tallies: fc.array(
      fc.record({
        sex: fc.constantFrom("female", "male") as fc.Arbitrary<"female" | "male">,
        ageBand: fc.constantFrom(...AGE_BANDS),
        count: fc.nat(4),
        score: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 2 },
    ),
    issues: fc.nat(3),
    prioritised: fc.boolean(),
  }),
  fc.record({ op: fc.constant("cardStatus" as const), cycle: fc.nat(2), status }),
  fc.record({
    op: fc.constant("action" as const),
    slot: fc.nat(3),
    cycle: fc.nat(2),
    status: fc.constantFrom("planned", "in_progress", "done", "dropped") as fc.Arbitrary<
      "planned" | "in_progress" | "done" | "dropped"
    >,
    deadline: fc.constantFrom("2026-01-31", "2026-02-01", "2026-12-31"),
  }),
  fc.record({ op: fc.constant("actionDelete" as const), slot: fc.nat(3) }),
);
type IsafOp = typeof isafOp extends fc.Arbitrary<infer T> ? T : never;

describe("the ISAF facts (isaf_rollup)", () => {
  it("count the same incrementally as a full rebuild, through any sequence of changes", async () => {
    const cycleIds = [
      (await createCycle(t.db, { communeCode: "150101", kindCode: "HC", year: 2026 })).cycleId,
      (await createCycle(t.db, { communeCode: "150102", kindCode: "HC", year: 2025 })).cycleId,
      (await createCycle(t.db, { communeCode: "020101", kindCode: "HC", year: 2026 })).cycleId,
    ];
    const indicators = (await sectorIndicators(t.db, "HC")).slice(0, 2);
    const cards = new Map<string, string>();
    const actions = new Map<number, string>();

    const apply = (op: IsafOp) =>
      t.db.transaction(async (tx) => {
        switch (op.op) {
          case "cycle": {
            const id = cycleIds[op.cycle]!;
            await rollups.tracked(tx, CYCLE_FACT, id, () =>
              tx
                .update(cycles)
                .set({
                  step: op.step,
                  plannedMeetingOn: op.planned,
                  committeeFormedAt: op.committee === "none" ? null : new Date("2026-02-01T03:00:00Z"),
                  committeeQuotaMet: op.committee === "none" ? null : op.committee === "met",
                })
                .where(eq(cycles.id, id)),
            );
            return;
          }
          case "card": {
            const key = `${op.cycle}|${op.kind}`;
            const id = cards.get(key) ?? uuidv7();
            await rollups.tracked(tx, SCORECARD_FACT, id, async () => {
              if (cards.has(key)) {
                for (const table of [
                  scorecardScores,
                  scorecardScoreTallies,
                  scorecardIssues,
                  scorecardPriorities,
                ])
                  await tx.delete(table).where(eq(table.scorecardId, id));
                await tx.delete(scorecardParticipants).where(eq(scorecardParticipants.scorecardId, id));
                await tx
                  .delete(scorecardParticipantTallies)
                  .where(eq(scorecardParticipantTallies.scorecardId, id));
                await tx.update(scorecards).set({ status: op.status }).where(eq(scorecards.id, id));
              } else {
                await tx
                  .insert(scorecards)
                  .values({ id, cycleId: cycleIds[op.cycle]!, kind: op.kind, status: op.status });
              }
              // Scores are given to prioritised indicators only (a foreign key): prioritise the ones scored.
              const ranked = new Set<number>([
                ...(op.prioritised ? [0] : []),
                ...(op.participants.length ? op.scores.map((s) => s.indicator) : []),
                ...(op.tallies.length ? [1] : []),
              ]);
              for (const index of ranked)
                await tx
                  .insert(scorecardPriorities)
                  .values({ scorecardId: id, indicatorId: indicators[index]!.id, rank: index + 1 });
              const participants = op.participants.map((p, index) => ({
                scorecardId: id,
                number: index + 1,
                ...p,
              }));
              if (participants.length) await tx.insert(scorecardParticipants).values(participants);
              const scores = new Map<string, typeof scorecardScores.$inferInsert>();
              op.scores.forEach((s, index) => {
                if (participants.length === 0) return;
                const number = (index % participants.length) + 1;
                const indicatorId = indicators[s.indicator]!.id;
                scores.set(`${indicatorId}|${number}`, {
                  scorecardId: id,
                  indicatorId,
                  participantNumber: number,
                  score: s.score,
                });
              });
              if (scores.size) await tx.insert(scorecardScores).values([...scores.values()]);
              const tallies = new Map(op.tallies.map((tally) => [`${tally.sex}|${tally.ageBand}`, tally]));
              for (const tally of tallies.values()) {
                await tx.insert(scorecardParticipantTallies).values({
                  scorecardId: id,
                  sex: tally.sex,
                  ageBand: tally.ageBand,
                  count: tally.count,
                  disability: Math.min(1, tally.count),
                  idPoor: tally.count,
                });
                await tx
                  .insert(scorecardScoreTallies)
                  .values({
                    scorecardId: id,
                    indicatorId: indicators[1]!.id,
                    score: tally.score,
                    count: tally.count,
                  })
                  .onConflictDoNothing();
              }
              if (op.issues > 0)
                await tx.insert(scorecardIssues).values({
                  id: uuidv7(),
                  scorecardId: id,
                  indicatorId: indicators[0]!.id,
                  count: op.issues,
                });
            });
            cards.set(key, id);
            return;
          }
          case "cardStatus": {
            const id = cards.get(`${op.cycle}|community`);
            if (!id) return;
            await rollups.tracked(tx, SCORECARD_FACT, id, () =>
              tx.update(scorecards).set({ status: op.status }).where(eq(scorecards.id, id)),
            );
            return;
          }
          case "action": {
            const existing = actions.get(op.slot);
            const id = existing ?? uuidv7();
            await rollups.tracked(tx, JAAP_ACTION_FACT, id, () =>
              existing
                ? tx
                    .update(jaapActions)
                    .set({ status: op.status, deadline: op.deadline })
                    .where(eq(jaapActions.id, id))
                : tx.insert(jaapActions).values({
                    id,
                    cycleId: cycleIds[op.cycle]!,
                    communeCode: "150101",
                    title: "Fix the roof",
                    responsibleParty: "provider",
                    responsibleName: "Director",
                    deadline: op.deadline,
                    status: op.status,
                  }),
            );
            actions.set(op.slot, id);
            return;
          }
          case "actionDelete": {
            const id = actions.get(op.slot);
            if (!id) return;
            await rollups.tracked(tx, JAAP_ACTION_FACT, id, () =>
              tx.delete(jaapActions).where(eq(jaapActions.id, id)),
            );
            actions.delete(op.slot);
            return;
          }
        }
      });

    await fc.assert(
      fc.asyncProperty(fc.array(isafOp, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const op of ops) await apply(op);
        await expectRebuildEqualsIncremental(ISAF_ROLLUP);
      }),
      RUNS,
    );
  });
});

// Moments around midnight in Phnom Penh (17:00 UTC) at the turn of a year and of a month.
const moment = fc.constantFrom(
  "2025-12-31T16:59:00Z",
  "2025-12-31T17:01:00Z",
  "2026-03-31T16:30:00Z",
  "2026-03-31T17:30:00Z",
  "2026-04-02T03:00:00Z",
  "2026-04-20T03:00:00Z",
);
const feedbackOp = fc.oneof(
  fc.record({
    op: fc.constant("receive" as const),
    slot: fc.nat(4),
    at: moment,
    commune: fc.constantFrom("150101", "150102", "020101"),
    sector: fc.constantFrom(null, "PS", "HC") as fc.Arbitrary<null | "PS" | "HC">,
    topic: fc.constantFrom("fees", "teaching"),
    restricted: fc.boolean(),
  }),
  fc.record({ op: fc.constant("answer" as const), slot: fc.nat(4), at: moment }),
  fc.record({ op: fc.constant("escalate" as const), slot: fc.nat(4), at: moment }),
  fc.record({
    op: fc.constant("move" as const),
    slot: fc.nat(4),
    topic: fc.constantFrom("fees", "teaching", "staff"),
    commune: fc.constantFrom("150101", "020101"),
  }),
  fc.record({ op: fc.constant("delete" as const), slot: fc.nat(4) }),
);
type FeedbackOp = typeof feedbackOp extends fc.Arbitrary<infer T> ? T : never;

describe("the feedback facts (feedback_rollup)", () => {
  it("count the same incrementally (countsOf) as a full rebuild (SQL), through any sequence of changes", async () => {
    const slots = new Map<number, string>();
    let code = 0;
    const apply = (op: FeedbackOp) =>
      t.db.transaction(async (tx) => {
        const id = slots.get(op.slot);
        const [before] = id
          ? await tx.select().from(feedbackMessages).where(eq(feedbackMessages.id, id))
          : [];
        if (op.op === "receive") {
          if (before) return;
          const [row] = await tx
            .insert(feedbackMessages)
            .values({
              id: uuidv7(),
              trackingCode: `P${Date.now()}${code++}`,
              channel: "web",
              communeCode: op.commune,
              sectorCode: op.sector,
              topic: op.topic,
              text: "The road floods.",
              restricted: op.restricted,
              restrictedOnArrival: op.restricted,
              answerDueOn: "2026-04-01",
              createdAt: new Date(op.at),
            })
            .returning();
          await trackFeedback(tx, null, row!);
          slots.set(op.slot, row!.id);
          return;
        }
        if (!before) return;
        if (op.op === "delete") {
          await tx.delete(feedbackMessages).where(eq(feedbackMessages.id, before.id));
          await rollups.trackRows(tx, FEEDBACK_MESSAGE_FACT, before, null);
          slots.delete(op.slot);
          return;
        }
        const values =
          op.op === "answer"
            ? { answeredAt: new Date(Math.max(Date.parse(op.at), before.createdAt.getTime())) }
            : op.op === "escalate"
              ? { escalatedAt: new Date(op.at) }
              : { topic: op.topic, communeCode: op.commune };
        const [after] = await tx
          .update(feedbackMessages)
          .set(values)
          .where(eq(feedbackMessages.id, before.id))
          .returning();
        await trackFeedback(tx, before, after!);
      });

    await fc.assert(
      fc.asyncProperty(fc.array(feedbackOp, { minLength: 1, maxLength: 10 }), async (ops) => {
        for (const op of ops) await apply(op);
        await expectRebuildEqualsIncremental(FEEDBACK_ROLLUP);
      }),
      RUNS,
    );
  });
});
