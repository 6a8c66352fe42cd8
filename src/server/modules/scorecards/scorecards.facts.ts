import { type SQL, sql } from "drizzle-orm";
import { defineFact } from "../../platform/rollups/rollup";
import { CYCLE_PLACE, ISAF_ROLLUP, joinCycle } from "../isaf/isaf.facts";

/** Must agree with ageBandOf in src/domain/isaf-cycle.ts (rollups.test.ts checks the edges). */
export const AGE_BAND_SQL = (
  age: SQL,
) => sql`case when ${age} < 15 then 'under_15' when ${age} < 18 then '15_17'
  when ${age} <= 30 then '18_30' when ${age} < 60 then '31_59' else '60_plus' end`;

/** The card `s`'s cycle, as `c` (isaf.facts.ts): where and when the card counts. */
const CARD_CYCLE = joinCycle(sql`s.cycle_id`);

/** Only submitted and approved score cards count: a draft or a returned card is not a result yet. */
function scorecardCounters(filter: SQL): SQL {
  const counted = sql`s.status in ('submitted', 'approved') and ${filter}`;
  const community = sql`s.kind = 'community' and ${counted}`;
  const profileCounters = (metric: string, column: string) => sql`
    select ${CYCLE_PLACE}, ${metric}, p.sex, count(*)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_participants p on p.scorecard_id = s.id
    where ${community} and p.${sql.raw(column)}
    group by ${CYCLE_PLACE}, p.sex
    union all
    select ${CYCLE_PLACE}, ${metric}, t.sex, sum(t.${sql.raw(column)})::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_participant_tallies t on t.scorecard_id = s.id
    where ${community} and t.${sql.raw(column)} > 0
    group by ${CYCLE_PLACE}, t.sex`;
  return sql`
    select ${CYCLE_PLACE}, 'scorecards' as metric, s.kind as dims, 1::bigint as value
    from scorecards s ${CARD_CYCLE} where ${counted}
    union all
    select ${CYCLE_PLACE}, 'participants', p.sex || '|' || ${AGE_BAND_SQL(sql`p.age`)}, count(*)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_participants p on p.scorecard_id = s.id
    where ${community}
    group by ${CYCLE_PLACE}, 6
    union all
    select ${CYCLE_PLACE}, 'participants', t.sex || '|' || t.age_band, sum(t.count)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_participant_tallies t on t.scorecard_id = s.id
    where ${community} and t.count > 0
    group by ${CYCLE_PLACE}, 6
    union all ${profileCounters("participants_disability", "disability")}
    union all ${profileCounters("participants_ethnic_minority", "ethnic_minority")}
    union all ${profileCounters("participants_id_poor", "id_poor")}
    union all
    select ${CYCLE_PLACE}, 'raised', i.indicator_id::text, sum(i.count)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_issues i on i.scorecard_id = s.id
    where ${community}
    group by ${CYCLE_PLACE}, i.indicator_id
    union all
    select ${CYCLE_PLACE}, 'prioritised', pr.indicator_id::text, 1::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_priorities pr on pr.scorecard_id = s.id
    where ${community}
    union all
    select ${CYCLE_PLACE}, 'scores', s.kind || '|' || sc.indicator_id || '|' || sc.score, count(*)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_scores sc on sc.scorecard_id = s.id
    where ${counted}
    group by ${CYCLE_PLACE}, s.kind, sc.indicator_id, sc.score
    union all
    select ${CYCLE_PLACE}, 'scores', s.kind || '|' || st.indicator_id || '|' || st.score, sum(st.count)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_score_tallies st on st.scorecard_id = s.id
    where ${counted} and st.count > 0
    group by ${CYCLE_PLACE}, s.kind, st.indicator_id, st.score
    union all
    -- How many scores and their sum per kind, so that an area's mean score is one row (dashboards' map).
    select ${CYCLE_PLACE}, m.metric, s.kind, sum(case when m.metric = 'score_n' then 1 else sc.score end)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_scores sc on sc.scorecard_id = s.id
    cross join (values ('score_n'), ('score_sum')) as m(metric)
    where ${counted}
    group by ${CYCLE_PLACE}, m.metric, s.kind
    union all
    select ${CYCLE_PLACE}, m.metric, s.kind, sum(case when m.metric = 'score_n' then st.count else st.count * st.score end)::bigint
    from scorecards s ${CARD_CYCLE} join scorecard_score_tallies st on st.scorecard_id = s.id
    cross join (values ('score_n'), ('score_sum')) as m(metric)
    where ${counted} and st.count > 0
    group by ${CYCLE_PLACE}, m.metric, s.kind`;
}

/**
 * A score card's part in the ISAF dashboards (isaf.facts.ts): cards by kind, participants by sex and
 * age band and profile, issues raised, priorities, scores and their sums; under its cycle's place,
 * sector and year.
 */
export const SCORECARD_FACT = defineFact({
  name: "isaf.scorecard",
  rollup: ISAF_ROLLUP,
  counters: (id) => scorecardCounters(id === null ? sql`true` : sql`s.id = ${id}`),
});
