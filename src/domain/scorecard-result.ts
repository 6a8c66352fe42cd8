import { isChild, isYouth, type Sex } from "./isaf-cycle";

/**
 * The result of a score card per indicator (issue 3, part 4): exact median, distribution, mean, and
 * the same per group of participants, each with its n. A group is flagged too small, and its figures
 * withheld, when it has fewer than MIN_GROUP_SIZE people — or when the people OUTSIDE it are fewer
 * than MIN_GROUP_SIZE (but not none), since their scores would be the card's distribution minus the
 * group's. Either way no one's score can be read off a result.
 */
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORE_VALUES)[number];

/** Counts of scores 1..5, index 0 = score 1. */
export type Distribution = [number, number, number, number, number];

export const MIN_GROUP_SIZE = 5;

export const GROUPS = ["women", "youth", "children", "ethnic_minority", "disability", "id_poor"] as const;
export type Group = (typeof GROUPS)[number];

export interface Participant {
  number: number;
  sex: Sex;
  age: number;
  disability: boolean;
  ethnicMinority: boolean;
  idPoor: boolean;
}

export interface Summary {
  n: number;
  /** The exact median: the middle score, or the mean of the two middle scores (3.5 stays 3.5). Null when n = 0. */
  median: number | null;
  mean: number | null;
  distribution: Distribution;
}

export interface GroupSummary {
  n: number;
  /** Too few people in the group, or too few outside it (see above): the figures below are null. */
  tooSmall: boolean;
  median: number | null;
  mean: number | null;
  distribution: Distribution | null;
}

export interface IndicatorResult extends Summary {
  /** Null in tally mode: scores were counted without knowing who gave them. */
  groups: Record<Group, GroupSummary> | null;
}

export function emptyDistribution(): Distribution {
  return [0, 0, 0, 0, 0];
}

export function isScore(value: unknown): value is Score {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The score at 1-based position `position` in the sorted list the distribution stands for. */
function scoreAt(distribution: Distribution, position: number): number {
  let seen = 0;
  for (let index = 0; index < 5; index++) {
    seen += distribution[index] ?? 0;
    if (seen >= position) return index + 1;
  }
  throw new Error(`position ${position} beyond ${seen} scores`);
}

export function summarise(distribution: Distribution): Summary {
  const n = distribution.reduce((sum, count) => sum + count, 0);
  if (n === 0) return { n, median: null, mean: null, distribution };
  const median =
    n % 2 === 1
      ? scoreAt(distribution, (n + 1) / 2)
      : (scoreAt(distribution, n / 2) + scoreAt(distribution, n / 2 + 1)) / 2;
  const total = distribution.reduce((sum, count, index) => sum + count * (index + 1), 0);
  return { n, median, mean: total / n, distribution };
}

export function distributionOf(scores: readonly number[]): Distribution {
  const distribution = emptyDistribution();
  for (const score of scores) {
    if (!isScore(score)) throw new RangeError(`score ${score} is not 1–5`);
    distribution[score - 1] += 1;
  }
  return distribution;
}

export function inGroup(participant: Participant, group: Group): boolean {
  switch (group) {
    case "women":
      return participant.sex === "female";
    case "youth":
      return isYouth(participant.age);
    case "children":
      return isChild(participant.age);
    case "ethnic_minority":
      return participant.ethnicMinority;
    case "disability":
      return participant.disability;
    case "id_poor":
      return participant.idPoor;
  }
}

/** True when a group of `n` out of `total` people may not be shown (see the comment at the top). */
export function isTooSmall(n: number, total: number): boolean {
  const outside = total - n;
  return n < MIN_GROUP_SIZE || (outside > 0 && outside < MIN_GROUP_SIZE);
}

function groupSummary(scores: readonly number[], total: number): GroupSummary {
  const n = scores.length;
  if (isTooSmall(n, total)) return { n, tooSmall: true, median: null, mean: null, distribution: null };
  const { median, mean, distribution } = summarise(distributionOf(scores));
  return { n, tooSmall: false, median, mean, distribution };
}

/** Individual mode: one indicator's scores, each with the participant who gave it. */
export function individualResult(
  scores: readonly { participantNumber: number; score: number }[],
  participants: ReadonlyMap<number, Participant>,
): IndicatorResult {
  const summary = summarise(distributionOf(scores.map((entry) => entry.score)));
  const groups = {} as Record<Group, GroupSummary>;
  for (const group of GROUPS) {
    const groupScores = scores
      .filter((entry) => {
        const participant = participants.get(entry.participantNumber);
        return participant !== undefined && inGroup(participant, group);
      })
      .map((entry) => entry.score);
    groups[group] = groupSummary(groupScores, scores.length);
  }
  return { ...summary, groups };
}

/** Tally mode: only the counts per score value are known. */
export function tallyResult(distribution: Distribution): IndicatorResult {
  return { ...summarise(distribution), groups: null };
}

/**
 * Self-assessment against the community: positive when the provider rates itself higher than
 * citizens do. Null unless both medians exist.
 */
export function medianGap(community: Summary | null, self: Summary | null): number | null {
  if (community?.median == null || self?.median == null) return null;
  return self.median - community.median;
}
