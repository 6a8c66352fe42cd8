import {
  type Distribution,
  emptyDistribution,
  type IndicatorResult,
  individualResult,
  type Participant,
  tallyResult,
} from "../../../domain/scorecard-result";
import type { Db } from "../../db/database";
import type { FieldError } from "../../platform/errors";
import * as repo from "./scorecards.repo";

/** Everything recorded on one card: participants or tallies, issues, priorities and scores. */
export interface Content {
  participants: repo.ParticipantRow[];
  tallies: repo.TallyRow[];
  issues: Awaited<ReturnType<typeof repo.issues>>;
  priorities: Awaited<ReturnType<typeof repo.priorities>>;
  scores: Awaited<ReturnType<typeof repo.scores>>;
  scoreTallies: Awaited<ReturnType<typeof repo.scoreTallies>>;
}

export async function loadContent(db: Db, id: string): Promise<Content> {
  const [participants, tallies, issues, priorities, scores, scoreTallies] = await Promise.all([
    repo.participants(db, id),
    repo.tallies(db, id),
    repo.issues(db, id),
    repo.priorities(db, id),
    repo.scores(db, id),
    repo.scoreTallies(db, id),
  ]);
  return { participants, tallies, issues, priorities, scores, scoreTallies };
}

/** Score value counts per indicator, from the tally rows. */
export function tallyDistributions(content: Pick<Content, "scoreTallies">): Map<string, Distribution> {
  const byIndicator = new Map<string, Distribution>();
  for (const row of content.scoreTallies) {
    const distribution = byIndicator.get(row.indicatorId) ?? emptyDistribution();
    distribution[row.score - 1] = row.count;
    byIndicator.set(row.indicatorId, distribution);
  }
  return byIndicator;
}

/** How many scores each prioritised indicator has (registered participants, or tallied counts). */
export function scoredBy(mode: "individual" | "tally", content: Content): Map<string, number> {
  const counts = new Map<string, number>();
  if (mode === "individual") {
    for (const score of content.scores)
      counts.set(score.indicatorId, (counts.get(score.indicatorId) ?? 0) + 1);
  } else {
    for (const [indicatorId, distribution] of tallyDistributions(content)) {
      counts.set(
        indicatorId,
        distribution.reduce((sum, n) => sum + n, 0),
      );
    }
  }
  return counts;
}

export function participantCount(content: Content): number {
  return content.participants.length + content.tallies.reduce((sum, row) => sum + row.count, 0);
}

/** The result of each prioritised indicator, in rank order (src/domain/scorecard-result.ts). */
export function resultsOf(
  mode: "individual" | "tally",
  content: Content,
): { indicator: Content["priorities"][number]["indicator"]; rank: number; result: IndicatorResult }[] {
  const people = new Map<number, Participant>(content.participants.map((p) => [p.number, p]));
  const tallied = tallyDistributions(content);
  return content.priorities.map((priority) => {
    const id = priority.indicator.id;
    const result =
      mode === "individual"
        ? individualResult(
            content.scores.filter((score) => score.indicatorId === id),
            people,
          )
        : tallyResult(tallied.get(id) ?? emptyDistribution());
    return { indicator: priority.indicator, rank: priority.rank, result };
  });
}

/**
 * What stops the card from being submitted: no priority, a prioritised indicator nobody scored (or, in
 * tally mode, given more scores than participants counted), no meeting date. Each as a field error.
 */
export function missingForSubmit(
  card: { mode: "individual" | "tally"; heldOn: string | null },
  content: Content,
): FieldError[] {
  const missing: FieldError[] = [];
  if (!card.heldOn) missing.push({ path: "heldOn", code: "held_on_missing" });
  if (content.priorities.length === 0) missing.push({ path: "priorities", code: "priorities_missing" });
  const scored = scoredBy(card.mode, content);
  const participants = participantCount(content);
  content.priorities.forEach((priority, index) => {
    const total = scored.get(priority.indicator.id) ?? 0;
    if (!total) {
      missing.push({
        path: `priorities.${index}`,
        code: "indicator_not_scored",
        params: { code: priority.indicator.code },
      });
    } else if (card.mode === "tally" && total > participants) {
      missing.push({
        path: `priorities.${index}`,
        code: "indicator_scores_exceed_participants",
        params: { code: priority.indicator.code, total, participants },
      });
    }
  });
  return missing;
}

/** Whether the card holds anything yet (its mode can change only while it does not). */
export function isEmpty(content: Content): boolean {
  return (
    content.participants.length === 0 &&
    content.tallies.length === 0 &&
    content.issues.length === 0 &&
    content.scores.length === 0 &&
    content.scoreTallies.length === 0
  );
}
