import * as shared from "../../../domain/scorecard-content";
import { type CardContent, distributionsFromRows, type Mode } from "../../../domain/scorecard-content";
import type { Distribution } from "../../../domain/scorecard-result";
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
  return (await loadContents(db, [id])).get(id)!;
}

/** The records of many cards: six queries, whatever the number of cards. */
export async function loadContents(db: Db, ids: readonly string[]): Promise<Map<string, Content>> {
  const [participants, tallies, issues, priorities, scores, scoreTallies] = await Promise.all([
    repo.participantsOf(db, ids),
    repo.talliesOf(db, ids),
    repo.issuesOf(db, ids),
    repo.prioritiesOf(db, ids),
    repo.scoresOf(db, ids),
    repo.scoreTalliesOf(db, ids),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      {
        participants: participants.get(id)!,
        tallies: tallies.get(id)!,
        issues: issues.get(id)!,
        priorities: priorities.get(id)!,
        scores: scores.get(id)!,
        scoreTallies: scoreTallies.get(id)!,
      },
    ]),
  );
}

/** The card's records as the shared rules read them (src/domain/scorecard-content.ts, also used offline). */
function asCardContent(content: Content): CardContent {
  return {
    participants: content.participants,
    tallies: content.tallies,
    priorities: content.priorities,
    scores: content.scores,
    scoreDistributions: distributionsFromRows(content.scoreTallies),
  };
}

/** Score value counts per indicator, from the tally rows. */
export function tallyDistributions(content: Pick<Content, "scoreTallies">): Map<string, Distribution> {
  return distributionsFromRows(content.scoreTallies);
}

/** How many scores each prioritised indicator has (registered participants, or tallied counts). */
export function scoredBy(mode: Mode, content: Content): Map<string, number> {
  return shared.scoredBy(mode, asCardContent(content));
}

export function participantCount(content: Content): number {
  return shared.participantCount(asCardContent(content));
}

/** The result of each prioritised indicator, in rank order. */
export function resultsOf(mode: Mode, content: Content) {
  return shared.resultsOf(mode, { ...asCardContent(content), priorities: content.priorities });
}

/** What stops the card from being submitted, each as a field error. */
export function missingForSubmit(
  card: { mode: Mode; heldOn: string | null },
  content: Content,
): FieldError[] {
  return shared.missingForSubmit(card, asCardContent(content));
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
