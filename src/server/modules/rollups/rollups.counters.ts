import { type SQL, sql } from "drizzle-orm";

/**
 * What each fact contributes to the dashboard counters, as SQL over the fact tables. A counter is a
 * pure function of the fact's current state, so the same query serves both the incremental path
 * (one fact, before and after a change) and a full rebuild (every fact).
 *
 * Each query returns rows of (facility_id, commune_code, sector_code, year, metric, dims, value).
 */
export type FactKind = "cycle" | "scorecard" | "jaap_action";

/** Must agree with ageBandOf in src/domain/isaf-cycle.ts (rollups.test.ts checks the edges). */
export const AGE_BAND_SQL = (
  age: SQL,
) => sql`case when ${age} < 15 then 'under_15' when ${age} < 18 then '15_17'
  when ${age} <= 30 then '18_30' when ${age} < 60 then '31_59' else '60_plus' end`;

const CYCLE_PLACE = sql`c.facility_id, c.commune_code, c.sector_code, c.year`;

function cycleCounters(filter: SQL): SQL {
  return sql`
    select ${CYCLE_PLACE}, 'cycles' as metric,
      c.step || '|' || coalesce(to_char(c.planned_meeting_on, 'YYYY-MM'), '') as dims, 1::bigint as value
    from cycles c where ${filter}
    union all
    -- Cycles that are late once their planned meeting day has passed (isLate, src/domain/isaf-cycle.ts):
    -- by day, so that a dashboard counts late cycles to the day without reading the cycles.
    select ${CYCLE_PLACE}, 'late_candidates', to_char(c.planned_meeting_on, 'YYYY-MM-DD'), 1
    from cycles c where ${filter} and c.planned_meeting_on is not null and c.step in ('planned', 'i4c', 'scorecard')
    union all
    select ${CYCLE_PLACE}, 'committees',
      case when c.committee_formed_at is null then 'not_formed'
           when c.committee_quota_met then 'compliant' else 'override' end, 1
    from cycles c where ${filter}`;
}

/** Only submitted and approved score cards count: a draft or a returned card is not a result yet. */
function scorecardCounters(filter: SQL): SQL {
  const counted = sql`s.status in ('submitted', 'approved') and ${filter}`;
  const community = sql`s.kind = 'community' and ${counted}`;
  const profileCounters = (metric: string, column: string) => sql`
    select ${CYCLE_PLACE}, ${metric}, p.sex, count(*)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_participants p on p.scorecard_id = s.id
    where ${community} and p.${sql.raw(column)}
    group by ${CYCLE_PLACE}, p.sex
    union all
    select ${CYCLE_PLACE}, ${metric}, t.sex, sum(t.${sql.raw(column)})::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_participant_tallies t on t.scorecard_id = s.id
    where ${community} and t.${sql.raw(column)} > 0
    group by ${CYCLE_PLACE}, t.sex`;
  return sql`
    select ${CYCLE_PLACE}, 'scorecards' as metric, s.kind as dims, 1::bigint as value
    from scorecards s join cycles c on c.id = s.cycle_id where ${counted}
    union all
    select ${CYCLE_PLACE}, 'participants', p.sex || '|' || ${AGE_BAND_SQL(sql`p.age`)}, count(*)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_participants p on p.scorecard_id = s.id
    where ${community}
    group by ${CYCLE_PLACE}, 6
    union all
    select ${CYCLE_PLACE}, 'participants', t.sex || '|' || t.age_band, sum(t.count)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_participant_tallies t on t.scorecard_id = s.id
    where ${community} and t.count > 0
    group by ${CYCLE_PLACE}, 6
    union all ${profileCounters("participants_disability", "disability")}
    union all ${profileCounters("participants_ethnic_minority", "ethnic_minority")}
    union all ${profileCounters("participants_id_poor", "id_poor")}
    union all
    select ${CYCLE_PLACE}, 'raised', i.indicator_id::text, sum(i.count)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_issues i on i.scorecard_id = s.id
    where ${community}
    group by ${CYCLE_PLACE}, i.indicator_id
    union all
    select ${CYCLE_PLACE}, 'prioritised', pr.indicator_id::text, 1::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_priorities pr on pr.scorecard_id = s.id
    where ${community}
    union all
    select ${CYCLE_PLACE}, 'scores', s.kind || '|' || sc.indicator_id || '|' || sc.score, count(*)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_scores sc on sc.scorecard_id = s.id
    where ${counted}
    group by ${CYCLE_PLACE}, s.kind, sc.indicator_id, sc.score
    union all
    select ${CYCLE_PLACE}, 'scores', s.kind || '|' || st.indicator_id || '|' || st.score, sum(st.count)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_score_tallies st on st.scorecard_id = s.id
    where ${counted} and st.count > 0
    group by ${CYCLE_PLACE}, s.kind, st.indicator_id, st.score
    union all
    -- How many scores and their sum per kind, so that an area's mean score is one row (dashboards' map).
    select ${CYCLE_PLACE}, m.metric, s.kind, sum(case when m.metric = 'score_n' then 1 else sc.score end)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_scores sc on sc.scorecard_id = s.id
    cross join (values ('score_n'), ('score_sum')) as m(metric)
    where ${counted}
    group by ${CYCLE_PLACE}, m.metric, s.kind
    union all
    select ${CYCLE_PLACE}, m.metric, s.kind, sum(case when m.metric = 'score_n' then st.count else st.count * st.score end)::bigint
    from scorecards s join cycles c on c.id = s.cycle_id join scorecard_score_tallies st on st.scorecard_id = s.id
    cross join (values ('score_n'), ('score_sum')) as m(metric)
    where ${counted} and st.count > 0
    group by ${CYCLE_PLACE}, m.metric, s.kind`;
}

function jaapCounters(filter: SQL): SQL {
  return sql`
    select ${CYCLE_PLACE}, 'jaap' as metric, a.status || '|' || to_char(a.deadline, 'YYYY-MM') as dims, 1::bigint as value
    from jaap_actions a join cycles c on c.id = a.cycle_id where ${filter}`;
}

/** The counters of one fact (by id), or of every fact of the kind. */
export function countersQuery(kind: FactKind, id: string | null): SQL {
  switch (kind) {
    case "cycle":
      return cycleCounters(id === null ? sql`true` : sql`c.id = ${id}`);
    case "scorecard":
      return scorecardCounters(id === null ? sql`true` : sql`s.id = ${id}`);
    case "jaap_action":
      return jaapCounters(id === null ? sql`true` : sql`a.id = ${id}`);
  }
}

/**
 * The five scopes a fact counts in: the nation ("KH"), its province, district and commune, and the
 * facility itself. Used as a lateral join over rows that have facility_id and commune_code.
 */
export const SCOPES_OF = (row: string) =>
  sql.raw(`(values
  ('KH', 0, null),
  (substr(${row}.commune_code, 1, 2), 1, 'KH'),
  (substr(${row}.commune_code, 1, 4), 2, substr(${row}.commune_code, 1, 2)),
  (${row}.commune_code, 3, substr(${row}.commune_code, 1, 4)),
  (${row}.facility_id::text, 4, ${row}.commune_code)
) as scope(scope, scope_level, parent_scope)`);
