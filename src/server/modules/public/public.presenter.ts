import type {
  ActionCounts,
  PublicAction,
  PublicGroup,
  PublicHeadline,
  PublicIndicatorScores,
  PublicScoreYear,
  PublicSummary,
} from "../../../contracts/public";
import { GROUPS, type IndicatorResult, MIN_GROUP_SIZE, medianGap } from "../../../domain/scorecard-result";
import type { ApprovedCard } from "../scorecards/scorecards.service";

/** A JAAP action as the JAAP module publishes it (no names of people). */
export interface ActionSource {
  id: string;
  year: number;
  title: string;
  responsibleParty: PublicAction["responsibleParty"];
  deadline: string;
  status: PublicAction["status"];
  indicatorCodes: string[];
  lastUpdateOn: string | null;
}

function summary(result: IndicatorResult): PublicSummary {
  return {
    n: result.n,
    median: result.median,
    mean: result.mean,
    distribution: [...result.distribution],
  };
}

/**
 * The groups that may be shown: those with at least MIN_GROUP_SIZE people. The domain already
 * withholds the figures of smaller groups; here they are left out altogether.
 */
function visibleGroups(result: IndicatorResult): PublicGroup[] {
  const groups: PublicGroup[] = [];
  for (const group of GROUPS) {
    const figures = result.groups?.[group];
    if (!figures || figures.tooSmall || figures.n < MIN_GROUP_SIZE || !figures.distribution) continue;
    groups.push({
      group,
      n: figures.n,
      median: figures.median,
      mean: figures.mean,
      distribution: [...figures.distribution],
    });
  }
  return groups;
}

/** The approved cards paired per year: community beside self, with the gap per indicator. Oldest year first. */
export function scoreYears(cards: readonly ApprovedCard[]): PublicScoreYear[] {
  const years = [...new Set(cards.map((card) => card.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const community = cards.find((card) => card.year === year && card.kind === "community");
    const self = cards.find((card) => card.year === year && card.kind === "self");
    const rows = new Map<string, PublicIndicatorScores>();
    const communityResults = new Map(community?.indicators.map((item) => [item.indicatorId, item.result]));
    for (const item of [...(community?.indicators ?? [])].sort((a, b) => a.rank - b.rank)) {
      rows.set(item.indicatorId, {
        indicatorId: item.indicatorId,
        code: item.code,
        nameKm: item.nameKm,
        nameEn: item.nameEn,
        rank: item.rank,
        community: { ...summary(item.result), groups: visibleGroups(item.result) },
        self: null,
        gap: null,
      });
    }
    for (const item of [...(self?.indicators ?? [])].sort((a, b) => a.rank - b.rank)) {
      const row = rows.get(item.indicatorId) ?? {
        indicatorId: item.indicatorId,
        code: item.code,
        nameKm: item.nameKm,
        nameEn: item.nameEn,
        rank: null,
        community: null,
        self: null,
        gap: null,
      };
      row.self = summary(item.result);
      row.gap = medianGap(communityResults.get(item.indicatorId) ?? null, item.result);
      rows.set(item.indicatorId, row);
    }
    return { year, hasCommunity: Boolean(community), hasSelf: Boolean(self), indicators: [...rows.values()] };
  });
}

/** The exact median of a list of numbers (the mean of the middle two when the count is even). */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The headline of the latest year with an approved community card: the median of its indicator medians. */
export function headlineOf(years: readonly PublicScoreYear[]): PublicHeadline | null {
  const latest = [...years].reverse().find((year) => year.hasCommunity);
  if (!latest) return null;
  const medians = (pick: (row: PublicIndicatorScores) => number | null | undefined) =>
    latest.indicators.map(pick).filter((value): value is number => typeof value === "number");
  return {
    year: latest.year,
    community: medianOf(medians((row) => row.community?.median)),
    self: latest.hasSelf ? medianOf(medians((row) => row.self?.median)) : null,
    indicators: latest.indicators.filter((row) => row.community).length,
  };
}

/** The actions with their overdue flag (newest year first, then by deadline), and the counts. */
export function actionsOf(
  sources: readonly ActionSource[],
  today: string,
): { counts: ActionCounts; items: PublicAction[] } {
  const items: PublicAction[] = sources
    .map((action) => ({
      id: action.id,
      year: action.year,
      title: action.title,
      responsibleParty: action.responsibleParty,
      deadline: action.deadline,
      status: action.status,
      indicatorCodes: [...action.indicatorCodes].sort(),
      lastUpdateOn: action.lastUpdateOn,
      overdue: (action.status === "planned" || action.status === "in_progress") && action.deadline < today,
    }))
    .sort((a, b) => b.year - a.year || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  const count = (status: PublicAction["status"]) => items.filter((item) => item.status === status).length;
  return {
    counts: {
      total: items.length,
      planned: count("planned"),
      inProgress: count("in_progress"),
      done: count("done"),
      dropped: count("dropped"),
      overdue: items.filter((item) => item.overdue).length,
    },
    items,
  };
}
