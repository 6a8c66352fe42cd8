import * as shared from "../../../domain/scorecard-content";
import { type CardContent, distributionsFromRows, type Mode } from "../../../domain/scorecard-content";
import type { Distribution } from "../../../domain/scorecard-result";
import type { Db } from "../../db/database";
import type { FieldError } from "../../platform/errors";
import { type IndicatorRef, indicatorRefsOf } from "../isaf/catalogue.service";
import * as repo from "./scorecards.repo";

/** A record that names an indicator by id, with the indicator as the card shows it instead. */
type WithIndicator<Row extends { indicatorId: string }> = Omit<Row, "indicatorId"> & {
  indicator: IndicatorRef;
};
export type Issue = WithIndicator<Awaited<ReturnType<typeof repo.issues>>[number]>;
export type Priority = WithIndicator<Awaited<ReturnType<typeof repo.priorities>>[number]>;

/** Everything recorded on one card: participants or tallies, issues, priorities and scores. */
export interface Content {
  participants: repo.ParticipantRow[];
  tallies: repo.TallyRow[];
  issues: Issue[];
  priorities: Priority[];
  scores: Awaited<ReturnType<typeof repo.scores>>;
  scoreTallies: Awaited<ReturnType<typeof repo.scoreTallies>>;
}

/**
 * The rows with their indicators (code and names) from the catalogue (isaf's catalogue.service.ts),
 * in their order; a row whose indicator is unknown is left out.
 */
function withIndicators<Row extends { indicatorId: string }>(
  rows: readonly Row[],
  indicators: ReadonlyMap<string, IndicatorRef>,
): WithIndicator<Row>[] {
  return rows.flatMap(({ indicatorId, ...row }) => {
    const indicator = indicators.get(indicatorId);
    return indicator ? [{ ...row, indicator }] : [];
  });
}

/** The card's issues with their indicators (for a change that names them; ids alone: repo.issues). */
export async function issuesShown(db: Db, id: string): Promise<Issue[]> {
  const rows = await repo.issues(db, id);
  return withIndicators(
    rows,
    await indicatorRefsOf(
      db,
      rows.map((row) => row.indicatorId),
    ),
  );
}

/** The card's priorities with their indicators, in rank order (ids alone: repo.priorities). */
export async function prioritiesShown(db: Db, id: string): Promise<Priority[]> {
  const rows = await repo.priorities(db, id);
  return withIndicators(
    rows,
    await indicatorRefsOf(
      db,
      rows.map((row) => row.indicatorId),
    ),
  );
}

export async function loadContent(db: Db, id: string): Promise<Content> {
  return (await loadContents(db, [id])).get(id)!;
}

/**
 * The records of many cards: six queries whatever the number of cards, and one for the indicators
 * their issues and priorities name.
 */
export async function loadContents(db: Db, ids: readonly string[]): Promise<Map<string, Content>> {
  const [participants, tallies, issues, priorities, scores, scoreTallies] = await Promise.all([
    repo.participantsOf(db, ids),
    repo.talliesOf(db, ids),
    repo.issuesOf(db, ids),
    repo.prioritiesOf(db, ids),
    repo.scoresOf(db, ids),
    repo.scoreTalliesOf(db, ids),
  ]);
  const indicators = await indicatorRefsOf(
    db,
    [...issues.values(), ...priorities.values()].flat().map((row) => row.indicatorId),
  );
  return new Map(
    ids.map((id) => [
      id,
      {
        participants: participants.get(id)!,
        tallies: tallies.get(id)!,
        issues: withIndicators(issues.get(id)!, indicators),
        priorities: withIndicators(priorities.get(id)!, indicators),
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
