import type { Dashboard } from "../../../contracts/dashboards";
import { AGE_BANDS, CYCLE_STEPS, type CycleStep } from "../../../domain/isaf-cycle";
import { type Distribution, emptyDistribution, medianGap, summarise } from "../../../domain/scorecard-result";
import type { AreaRow, CounterRow, IndicatorRow } from "./dashboards.repo";

/**
 * Turns the rollup counters of one scope into the dashboard's figures (pure: no database). The
 * counters are those of the ISAF facts (isaf.facts.ts and the score card and JAAP facts): cycles (step|planned month), committees, scorecards
 * (kind), participants (sex|age band) and per profile (sex), raised and prioritised (indicator id),
 * late_candidates (planned meeting day of cycles before the score card is done),
 * scores (kind|indicator id|score), score_n and score_sum (kind), jaap (status|deadline month).
 */
export const DONE_STEPS: readonly CycleStep[] = ["follow_up", "closed"];
export const TOP = 10;

type Figures = Omit<Dashboard, "scope" | "areas">;

function rate(done: number, total: number, dropped: number): number | null {
  const counted = total - dropped;
  return counted > 0 ? done / counted : null;
}

function meanOf(sum: number, n: number): number | null {
  return n > 0 ? sum / n : null;
}

/**
 * The counters, today (YYYY-MM-DD), this month's overdue actions (read from this month's rows: the
 * counters know deadlines by month), and the indicators' names.
 */
export function figuresOf(
  rows: readonly CounterRow[],
  today: string,
  overdueThisMonth: number,
  indicatorRows: readonly IndicatorRow[],
): Figures {
  const month = today.slice(0, 7);
  const byStep = new Map<CycleStep, number>();
  let cycles = 0;
  let late = 0;
  const committees = { compliant: 0, override: 0, notFormed: 0 };
  const scorecards = { community: 0, self: 0 };
  const sexAge = new Map<string, number>();
  const profiles = {
    disability: { female: 0, male: 0 },
    ethnicMinority: { female: 0, male: 0 },
    idPoor: { female: 0, male: 0 },
  };
  const raised = new Map<string, number>();
  const prioritised = new Map<string, number>();
  // indicator → kind → year → distribution
  const scores = new Map<string, { community: Map<number, Distribution>; self: Map<number, Distribution> }>();
  const actionStatus = new Map<string, number>();
  let overdue = overdueThisMonth;
  const years = new Map<
    number,
    {
      cycles: number;
      done: number;
      participants: number;
      actions: number;
      actionsDone: number;
      n: number;
      sum: number;
    }
  >();
  const yearOf = (year: number) => {
    let entry = years.get(year);
    if (!entry) {
      entry = { cycles: 0, done: 0, participants: 0, actions: 0, actionsDone: 0, n: 0, sum: 0 };
      years.set(year, entry);
    }
    return entry;
  };

  for (const row of rows) {
    const value = Number(row.value);
    if (value === 0) continue;
    const [first = "", second = "", third = ""] = row.dims.split("|");
    switch (row.metric) {
      case "cycles": {
        const step = first as CycleStep;
        cycles += value;
        byStep.set(step, (byStep.get(step) ?? 0) + value);
        yearOf(row.year).cycles += value;
        if (DONE_STEPS.includes(step)) yearOf(row.year).done += value;
        break;
      }
      case "late_candidates":
        if (row.dims < today) late += value;
        break;
      case "committees":
        if (first === "compliant") committees.compliant += value;
        else if (first === "override") committees.override += value;
        else committees.notFormed += value;
        break;
      case "scorecards":
        if (first === "community" || first === "self") scorecards[first] += value;
        break;
      case "participants":
        sexAge.set(row.dims, (sexAge.get(row.dims) ?? 0) + value);
        yearOf(row.year).participants += value;
        break;
      case "participants_disability":
      case "participants_ethnic_minority":
      case "participants_id_poor": {
        const profile =
          row.metric === "participants_disability"
            ? profiles.disability
            : row.metric === "participants_id_poor"
              ? profiles.idPoor
              : profiles.ethnicMinority;
        if (first === "female" || first === "male") profile[first] += value;
        break;
      }
      case "raised":
        raised.set(first, (raised.get(first) ?? 0) + value);
        break;
      case "prioritised":
        prioritised.set(first, (prioritised.get(first) ?? 0) + value);
        break;
      case "scores": {
        if (first !== "community" && first !== "self") break;
        const score = Number(third);
        if (!(score >= 1 && score <= 5)) break;
        let entry = scores.get(second);
        if (!entry) {
          entry = { community: new Map(), self: new Map() };
          scores.set(second, entry);
        }
        let distribution = entry[first].get(row.year);
        if (!distribution) {
          distribution = emptyDistribution();
          entry[first].set(row.year, distribution);
        }
        distribution[score - 1] += value;
        break;
      }
      case "score_n":
        if (first === "community") yearOf(row.year).n += value;
        break;
      case "score_sum":
        if (first === "community") yearOf(row.year).sum += value;
        break;
      case "jaap":
        actionStatus.set(first, (actionStatus.get(first) ?? 0) + value);
        yearOf(row.year).actions += value;
        if (first === "done") yearOf(row.year).actionsDone += value;
        if ((first === "planned" || first === "in_progress") && second < month) overdue += value;
        break;
    }
  }

  const names = new Map(indicatorRows.map((row) => [row.id, row]));
  const indicatorOf = (id: string) => {
    const row = names.get(id);
    return row ?? { id, code: "?", sectorCode: "", nameKm: id, nameEn: id };
  };
  const ranked = (counts: Map<string, number>) =>
    [...counts.entries()]
      .filter(([id]) => names.has(id))
      .sort((a, b) => b[1] - a[1] || indicatorOf(a[0]).code.localeCompare(indicatorOf(b[0]).code))
      .slice(0, TOP)
      .map(([id, count]) => ({ indicator: indicatorOf(id), count }));

  const total = (byYear: Map<number, Distribution>): Distribution => {
    const sum = emptyDistribution();
    for (const distribution of byYear.values()) for (let i = 0; i < 5; i++) sum[i] += distribution[i] ?? 0;
    return sum;
  };
  const indicators = [...scores.entries()]
    .filter(([id]) => names.has(id))
    .map(([id, kinds]) => {
      const community = summarise(total(kinds.community));
      const self = summarise(total(kinds.self));
      const trendYears = [...new Set([...kinds.community.keys(), ...kinds.self.keys()])].sort();
      return {
        indicator: indicatorOf(id),
        community,
        self,
        gap: medianGap(community, self),
        trend: trendYears.map((year) => ({
          year,
          community: summarise(kinds.community.get(year) ?? emptyDistribution()),
          self: summarise(kinds.self.get(year) ?? emptyDistribution()),
        })),
      };
    })
    .sort((a, b) => b.community.n - a.community.n || a.indicator.code.localeCompare(b.indicator.code));

  const actions = [...actionStatus.values()].reduce((sum, count) => sum + count, 0);
  const done = actionStatus.get("done") ?? 0;
  const participants = [...sexAge.values()].reduce((sum, count) => sum + count, 0);
  return {
    hasData: rows.some((row) => Number(row.value) !== 0),
    cycles: {
      total: cycles,
      done: DONE_STEPS.reduce((sum, step) => sum + (byStep.get(step) ?? 0), 0),
      late,
      byStep: CYCLE_STEPS.map((step) => ({ step, count: byStep.get(step) ?? 0 })),
    },
    scorecards,
    participants: {
      total: participants,
      bySexAndAge: (["female", "male"] as const).flatMap((sex) =>
        AGE_BANDS.map((ageBand) => ({ sex, ageBand, count: sexAge.get(`${sex}|${ageBand}`) ?? 0 })),
      ),
      profiles: (["disability", "ethnicMinority", "idPoor"] as const).map((profile) => ({
        profile,
        ...profiles[profile],
      })),
    },
    raised: ranked(raised),
    prioritised: ranked(prioritised),
    indicators,
    jaap: {
      total: actions,
      byStatus: (["planned", "in_progress", "done", "dropped"] as const).map((status) => ({
        status,
        count: actionStatus.get(status) ?? 0,
      })),
      completionRate: rate(done, actions, actionStatus.get("dropped") ?? 0),
      overdue,
    },
    committees,
    years: [...years.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, entry]) => ({
        year,
        cycles: entry.cycles,
        done: entry.done,
        participants: entry.participants,
        actions: entry.actions,
        actionsDone: entry.actionsDone,
        communityMean: meanOf(entry.sum, entry.n),
      })),
  };
}

/** One child area's row, with this month's overdue actions added. */
export function areaFiguresOf(row: AreaRow | undefined, overdueThisMonth: number) {
  const value = (key: keyof Omit<AreaRow, "scope">) => Number(row?.[key] ?? 0);
  return {
    cycles: value("cycles"),
    done: value("done"),
    late: value("late"),
    participants: value("participants"),
    women: value("women"),
    communityMean: meanOf(value("score_sum"), value("score_n")),
    actions: value("actions"),
    actionsDone: value("actions_done"),
    overdue: value("overdue") + overdueThisMonth,
    completionRate: rate(value("actions_done"), value("actions"), value("actions_dropped")),
    committeesFormed: value("formed"),
    committeesCompliant: value("compliant"),
  };
}
