import {
  type Distribution,
  emptyDistribution,
  type IndicatorResult,
  individualResult,
  type Participant,
  tallyResult,
} from "./scorecard-result";

/**
 * The rules over everything recorded on one card, shared by the server (which decides) and the field
 * app (which shows a card recorded offline before the server has seen it): how many scored each
 * priority, how many took part, what still stops submission, and the results.
 */
export interface CardContent {
  participants: readonly Participant[];
  tallies: readonly { count: number }[];
  priorities: readonly { indicator: { id: string; code: string }; rank: number }[];
  scores: readonly { participantNumber: number; indicatorId: string; score: number }[];
  /** Tally mode: how many gave each score (index 0 is score 1), per indicator. */
  scoreDistributions: ReadonlyMap<string, Distribution>;
}

export type Mode = "individual" | "tally";

/** A missing piece, as a field error of the server's problem+json (`code` has a message in both languages). */
export interface MissingItem {
  path: string;
  code:
    | "held_on_missing"
    | "priorities_missing"
    | "indicator_not_scored"
    | "indicator_scores_exceed_participants";
  params?: Record<string, string | number>;
}

/** Score value counts per indicator from rows of (indicator, score, count). */
export function distributionsFromRows(
  rows: readonly { indicatorId: string; score: number; count: number }[],
): Map<string, Distribution> {
  const byIndicator = new Map<string, Distribution>();
  for (const row of rows) {
    const distribution = byIndicator.get(row.indicatorId) ?? emptyDistribution();
    distribution[row.score - 1] = row.count;
    byIndicator.set(row.indicatorId, distribution);
  }
  return byIndicator;
}

/** How many scores each indicator has (registered participants, or tallied counts). */
export function scoredBy(mode: Mode, content: CardContent): Map<string, number> {
  const counts = new Map<string, number>();
  if (mode === "individual") {
    for (const score of content.scores)
      counts.set(score.indicatorId, (counts.get(score.indicatorId) ?? 0) + 1);
  } else {
    for (const [indicatorId, distribution] of content.scoreDistributions) {
      counts.set(
        indicatorId,
        distribution.reduce((sum, n) => sum + n, 0),
      );
    }
  }
  return counts;
}

export function participantCount(content: CardContent): number {
  return content.participants.length + content.tallies.reduce((sum, row) => sum + row.count, 0);
}

/**
 * What stops the card from being submitted: no priority, a prioritised indicator nobody scored (or, in
 * tally mode, given more scores than participants counted), no meeting date.
 */
export function missingForSubmit(
  card: { mode: Mode; heldOn: string | null },
  content: CardContent,
): MissingItem[] {
  const missing: MissingItem[] = [];
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

/** The result of each prioritised indicator, in rank order (scorecard-result.ts). */
export function resultsOf<Priority extends CardContent["priorities"][number]>(
  mode: Mode,
  content: CardContent & { priorities: readonly Priority[] },
): { indicator: Priority["indicator"]; rank: number; result: IndicatorResult }[] {
  const people = new Map<number, Participant>(content.participants.map((p) => [p.number, p]));
  return content.priorities.map((priority) => {
    const id = priority.indicator.id;
    const result =
      mode === "individual"
        ? individualResult(
            content.scores.filter((score) => score.indicatorId === id),
            people,
          )
        : tallyResult(content.scoreDistributions.get(id) ?? emptyDistribution());
    return { indicator: priority.indicator, rank: priority.rank, result };
  });
}
