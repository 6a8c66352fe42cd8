import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/sql";

/**
 * The facts of the generated cycles (temporary table gen_cycles, see isaf-generator.ts), all
 * set-based: score cards, participants, priorities, scores, issues, JAAP actions, committees,
 * interface meetings and I4C items.
 */
/** A version-7 UUID made in SQL (time-ordered like the app's uuidv7()). */
export const SQL_UUID7 = sql.raw(
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`,
);

const STEPS = sql.raw(
  `array['planned', 'i4c', 'scorecard', 'self_assessment', 'interface_meeting', 'jaap', 'follow_up', 'closed']`,
);
const position = (step: string) => sql`array_position(${STEPS}, ${sql.raw(step)})`;
/** Provinces with many ethnic-minority residents: Ratanak Kiri, Mondul Kiri, Stung Treng. */
const MINORITY_PROVINCES = sql.raw(`('16', '11', '19')`);

const ACTION_TITLES = sql.raw(`(values
  ('PS', 1, 'ជួសជុលបង្គន់អនាម័យសាលា'), ('PS', 2, 'ផ្គត់ផ្គង់សៀវភៅសិក្សាបន្ថែម'), ('PS', 3, 'ជួលគ្រូកិច្ចសន្យាបន្ថែមម្នាក់'),
  ('PS', 4, 'សាងសង់អណ្តូងទឹកស្អាត'), ('PS', 5, 'ប្រជុំមាតាបិតាសិស្សប្រចាំខែ'),
  ('HC', 1, 'បើកមណ្ឌលសុខភាពទាន់ម៉ោង'), ('HC', 2, 'បិទផ្សាយតម្លៃសេវានៅមុខមណ្ឌល'), ('HC', 3, 'ផ្គត់ផ្គង់ថ្នាំគ្រប់គ្រាន់'),
  ('HC', 4, 'ជួសជុលបន្ទប់សម្រាលកូន'), ('HC', 5, 'បង្កើតប្រអប់សំណូមពរ'),
  ('CA', 1, 'បិទផ្សាយតម្លៃសេវារដ្ឋបាល'), ('CA', 2, 'ចុះបញ្ជីកំណើតចល័តនៅភូមិ'), ('CA', 3, 'បើកការិយាល័យទាន់ម៉ោង'),
  ('CA', 4, 'ផ្សព្វផ្សាយថវិកាឃុំ'), ('CA', 5, 'ជួសជុលផ្លូវទៅការិយាល័យឃុំ')) as t(sector, n, title)`);

const MEMBER_NAMES = sql.raw(
  `array['សុខ ចាន់ធី', 'ចាន់ សុភា', 'លី ស្រីមុំ', 'ហេង វណ្ណា', 'កែវ សុផល', 'មាស សុខា', 'ឈឹម ដារ៉ា', 'ពៅ សំណាង', 'ស៊ុន ស្រីល័ក្ខ', 'យឹម បុប្ផា']`,
);

const I4C_ITEMS = sql.raw(`(values
  ('PS', 1, 'សិស្សក្នុងគ្រូម្នាក់', 'Pupils per teacher', 40, 30, 60, 'នាក់'),
  ('PS', 2, 'សៀវភៅសិក្សាក្នុងសិស្ស ១០ នាក់', 'Textbooks per 10 pupils', 10, 5, 10, 'ក្បាល'),
  ('PS', 3, 'បង្គន់អនាម័យដែលប្រើបាន', 'Working toilets', 4, 1, 4, 'បន្ទប់'),
  ('HC', 1, 'ម៉ោងបើកក្នុងមួយថ្ងៃ', 'Opening hours a day', 8, 5, 8, 'ម៉ោង'),
  ('HC', 2, 'ឆ្មបដែលមានវត្តមាន', 'Midwives on duty', 2, 1, 3, 'នាក់'),
  ('HC', 3, 'ការសម្រាលកូននៅមណ្ឌល (%)', 'Births at the centre (%)', 90, 55, 98, '%'),
  ('CA', 1, 'ថ្ងៃដើម្បីចេញសំបុត្រកំណើត', 'Days to issue a birth certificate', 30, 10, 60, 'ថ្ងៃ'),
  ('CA', 2, 'ប្រជុំក្រុមប្រឹក្សាបើកចំហក្នុងមួយឆ្នាំ', 'Open council meetings a year', 4, 1, 6, 'ដង'),
  ('CA', 3, 'ថវិកាផ្សព្វផ្សាយជាសាធារណៈ', 'Budget shown in public', 1, 0, 1, '')) as items(sector, position, label_km, label_en, standard, low, high, unit)`);

export async function generateCardsAndActions(tx: Db, today: string) {
  const currentYear = Number(today.slice(0, 4));
  const [{ first_year: firstYear = currentYear } = {}] = await queryRows<{ first_year: number }>(
    tx,
    sql`select min(year) as first_year from gen_cycles`,
  );
  await tx.execute(sql`
    create temp table gen_cards on commit drop as
    select ${SQL_UUID7} as id, x.cycle_id, x.kind, x.sector, x.province_code, x.year, x.meeting,
      case when x.kind = 'community' then 40 + (random() * 16)::int else 5 + (random() * 3)::int end as size,
      5 + (random() * 3)::int as priorities,
      case
        when x.kind = 'community' and x.step = 'scorecard' then case when random() < 0.5 then 'draft' else 'submitted' end
        when x.kind = 'self' and x.step = 'self_assessment' then 'draft'
        when x.year < ${currentYear} then case when random() < 0.97 then 'approved' else 'submitted' end
        when random() < 0.85 then 'approved' else 'submitted'
      end as status
    from (
      select g.id as cycle_id, k.kind, g.sector, g.province_code, g.year, g.meeting, g.step, random() as r
      from gen_cycles g cross join (values ('community', 3), ('self', 4)) as k(kind, from_position)
      where array_position(${STEPS}, g.step) >= k.from_position
    ) x
    where x.kind = 'community' or x.r < 0.88`);
  await tx.execute(sql`
    insert into scorecards (id, cycle_id, kind, mode, status, held_on, submitted_at, reviewed_at)
    select id, cycle_id, kind, 'individual', status, meeting + case when kind = 'self' then 7 else 0 end,
      case when status <> 'draft' then (meeting + 8)::timestamptz end,
      case when status = 'approved' then (meeting + 15)::timestamptz end
    from gen_cards`);
  await tx.execute(sql`
    insert into scorecard_participants (scorecard_id, number, sex, age, disability, ethnic_minority, id_poor)
    select id, number,
      case when r1 < (case when kind = 'community' then 0.56 else 0.45 end) then 'female' else 'male' end,
      case when kind = 'self' then 24 + (r2 * 35)::int
           when r2 < 0.12 then 10 + (r3 * 4)::int when r2 < 0.22 then 15 + (r3 * 2)::int
           when r2 < 0.50 then 18 + (r3 * 12)::int when r2 < 0.90 then 31 + (r3 * 28)::int
           else 60 + (r3 * 20)::int end,
      kind = 'community' and r4 < 0.06,
      kind = 'community' and r5 < case when province_code in ${MINORITY_PROVINCES} then 0.35 else 0.01 end,
      kind = 'community' and r6 < 0.24
    from (
      select c.id, c.kind, c.province_code, g.n as number, random() as r1, random() as r2, random() as r3,
             random() as r4, random() as r5, random() as r6
      from gen_cards c cross join lateral generate_series(1, c.size) as g(n)
    ) p`);
  // The meeting's priorities: a weighted draw from the sector's active catalogue (some matter more).
  await tx.execute(sql`
    insert into scorecard_priorities (scorecard_id, indicator_id, rank, strengths, weaknesses, suggested_actions)
    select id, indicator_id, rank,
      case when rank <= 2 then 'អ្នកផ្តល់សេវាស្វាគមន៍ និងគោរពប្រជាពលរដ្ឋ' end,
      case when rank <= 2 then 'ខ្វះសម្ភារៈ និងព័ត៌មានមិនច្បាស់លាស់' end,
      case when rank <= 2 then 'ស្នើសុំថវិកាពីឃុំ និងបិទផ្សាយព័ត៌មានជាសាធារណៈ' end
    from (
      select c.id, i.id as indicator_id, c.priorities,
        row_number() over (partition by c.id order by -ln(1 - random()) / (1 + abs(hashtext(i.code)) % 6)) as rank
      from gen_cards c join indicators i on i.sector_code = c.sector and i.status = 'active' and i.source = 'isaf2'
      where c.kind = 'community'
    ) ranked
    where rank <= priorities`);
  await tx.execute(sql`
    insert into scorecard_priorities (scorecard_id, indicator_id, rank)
    select s.id, p.indicator_id, p.rank
    from gen_cards s join gen_cards c on c.cycle_id = s.cycle_id and c.kind = 'community'
    join scorecard_priorities p on p.scorecard_id = c.id
    where s.kind = 'self'`);
  // Every participant scores every priority, around a level of the facility and indicator that
  // improves over the years; the provider rates itself higher.
  const scores = await queryRows<{ n: number }>(
    tx,
    sql`
    with inserted as (
      insert into scorecard_scores (scorecard_id, indicator_id, participant_number, score)
      select c.id, p.indicator_id, sp.number,
        greatest(1, least(5, round(
          1.5 + (abs(hashtext(c.cycle_id::text || p.indicator_id::text)) % 200) / 100.0
          + (c.year - ${firstYear}) * 0.15 + case when c.kind = 'self' then 0.9 else 0 end
          + (random() + random() + random() - 1.5) * 1.4)))::smallint
      from gen_cards c
      join scorecard_priorities p on p.scorecard_id = c.id
      join scorecard_participants sp on sp.scorecard_id = c.id
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  // Issues raised: about a dozen per meeting, mostly about what was then prioritised.
  await tx.execute(sql`
    insert into scorecard_issues (id, scorecard_id, indicator_id, participant_number, count)
    select ${SQL_UUID7}, id, indicator_id, participant, 1
    from (
      select c.id, 1 + floor(random() * c.size)::int as participant,
        case when random() < 0.65 then p.chosen[1 + floor(random() * array_length(p.chosen, 1))::int]
             else s.catalogue[1 + floor(random() * array_length(s.catalogue, 1))::int] end as indicator_id
      from gen_cards c
      cross join generate_series(1, 12) as g(n)
      join lateral (select array_agg(indicator_id) as chosen from scorecard_priorities where scorecard_id = c.id) p on true
      join (select sector_code, array_agg(id) as catalogue from indicators where status = 'active' group by sector_code) s
        on s.sector_code = c.sector
      where c.kind = 'community'
    ) raised
    where indicator_id is not null
    on conflict do nothing`);

  await tx.execute(sql`
    create temp table gen_actions on commit drop as
    select ${SQL_UUID7} as id, g.id as cycle_id, g.commune_code, g.sector, g.year, g.meeting, a.n,
      random() as r, random() as r2, random() as r3
    from gen_cycles g
    cross join lateral generate_series(1, 3 + abs(hashtext(g.id::text)) % 4) as a(n)
    where array_position(${STEPS}, g.step) >= ${position("'jaap'")}`);
  await tx.execute(sql`
    insert into jaap_actions (id, cycle_id, commune_code, title, responsible_party, responsible_name, resources_riel,
                              deadline, status, drop_reason)
    select a.id, a.cycle_id, a.commune_code, t.title,
      (array['provider', 'commune', 'provider', 'district', 'citizens'])[1 + (a.n - 1) % 5],
      case (array['provider', 'commune', 'provider', 'district', 'citizens'])[1 + (a.n - 1) % 5]
        when 'provider' then case a.sector when 'PS' then 'នាយកសាលា' when 'HC' then 'ប្រធានមណ្ឌលសុខភាព' else 'លេខាធិការឃុំ' end
        when 'commune' then 'មេឃុំ' when 'district' then 'ការិយាល័យស្រុក' else 'គណៈកម្មការត្រួតពិនិត្យ' end,
      (a.r3 * 40)::int * 100000,
      a.meeting + 60 + (a.r2 * 240)::int,
      x.status,
      case when x.status = 'dropped' then 'ខ្វះថវិកាក្នុងឆ្នាំនេះ' end
    from gen_actions a
    join ${ACTION_TITLES} on t.sector = a.sector and t.n = 1 + (a.n - 1) % 5
    cross join lateral (select case
      when a.year < ${currentYear - 1} then case when a.r < 0.72 then 'done' when a.r < 0.8 then 'dropped' when a.r < 0.9 then 'in_progress' else 'planned' end
      when a.year < ${currentYear} then case when a.r < 0.5 then 'done' when a.r < 0.56 then 'dropped' when a.r < 0.82 then 'in_progress' else 'planned' end
      else case when a.r < 0.15 then 'done' when a.r < 0.18 then 'dropped' when a.r < 0.55 then 'in_progress' else 'planned' end
    end as status) x`);
  await tx.execute(sql`
    insert into jaap_action_indicators (action_id, indicator_id)
    select a.id, p.indicator_id
    from gen_actions a join gen_cards c on c.cycle_id = a.cycle_id and c.kind = 'community'
    join scorecard_priorities p on p.scorecard_id = c.id and p.rank = a.n`);
  await tx.execute(sql`
    insert into committee_members (id, cycle_id, name, sex, age, ethnic_minority, role)
    select ${SQL_UUID7}, c.id, (${MEMBER_NAMES})[1 + (abs(hashtext(c.id::text)) + m.n) % 10],
      case when c.committee_quota_met then case when m.n <= 3 then 'female' else 'male' end
           else case when m.n = 1 then 'female' else 'male' end end,
      case when m.n = 4 then 19 + (random() * 10)::int else 32 + (random() * 30)::int end,
      c.province_code in ${MINORITY_PROVINCES} and m.n = 5,
      case m.n when 1 then 'chair' when 2 then 'deputy' when 3 then 'secretary' else 'member' end
    from cycles c join gen_cycles g on g.id = c.id cross join generate_series(1, 6) as m(n)
    where c.committee_formed_at is not null`);
  await tx.execute(sql`
    insert into interface_meetings (cycle_id, held_on, attendance)
    select g.id, g.meeting + 21, jsonb_build_object(
      'citizens', jsonb_build_object('female', 10 + (random() * 12)::int, 'male', 6 + (random() * 10)::int),
      'provider', jsonb_build_object('female', 1 + (random() * 3)::int, 'male', 1 + (random() * 3)::int),
      'commune_council', jsonb_build_object('female', (random() * 2)::int, 'male', 1 + (random() * 3)::int),
      'others', jsonb_build_object('female', (random() * 2)::int, 'male', (random() * 2)::int))
    from gen_cycles g where array_position(${STEPS}, g.step) > ${position("'interface_meeting'")}`);
  await tx.execute(sql`
    insert into i4c_items (id, cycle_id, position, label_km, label_en, standard_value, actual_value, unit)
    select ${SQL_UUID7}, g.id, items.position, items.label_km, items.label_en, items.standard::text,
      (items.low + round(random() * (items.high - items.low)))::int::text, nullif(items.unit, '')
    from gen_cycles g join ${I4C_ITEMS} on items.sector = g.sector
    where array_position(${STEPS}, g.step) > ${position("'i4c'")}`);

  const [counts] = await queryRows<{
    cycles: number;
    scorecards: number;
    participants: number;
    actions: number;
  }>(
    tx,
    sql`select (select count(*) from gen_cycles)::int as cycles, (select count(*) from gen_cards)::int as scorecards,
      (select coalesce(sum(size), 0) from gen_cards where kind = 'community')::int as participants,
      (select count(*) from gen_actions)::int as actions`,
  );
  return {
    cycles: counts?.cycles ?? 0,
    scorecards: counts?.scorecards ?? 0,
    participants: counts?.participants ?? 0,
    scores: scores[0]?.n ?? 0,
    actions: counts?.actions ?? 0,
  };
}
