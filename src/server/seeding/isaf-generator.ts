import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { DEFAULT_QUOTA_RULES } from "../../domain/committee-quota";
import { cambodiaToday } from "../../domain/isaf-cycle";
import type { Db } from "../db/database";
import { arrayParam, queryRows } from "../db/sql";
import { facilitySearchText } from "../modules/facilities/facilities.record";
import { ISAF_ROLLUP } from "../modules/isaf/isaf.facts";
import { rebuildRollup } from "../rollups";
import { generateCardsAndActions, SQL_UUID7 } from "./isaf-generator-facts";

/**
 * Generated ISAF data (issue 3, parts 11–12) for demo data and the national benchmark, written with
 * set-based SQL (generate_series, unnest; no row-by-row loops): a programme, the three ISAF
 * facilities of each commune (where missing), a cycle per facility and year at a realistic step,
 * score cards with participants, priorities, every participant's scores and issues raised, JAAP
 * actions, monitoring committees, interface meetings and I4C items; then the rollups are rebuilt.
 */
export interface IsafGenerateOptions {
  /** The communes to cover (codes). */
  communes: readonly string[];
  /** The cycle years, e.g. [2022, …, 2026]. The last may be the current year, still in progress. */
  years: readonly number[];
  /** "Today" (YYYY-MM-DD): cycles of this year are still under way; earlier years are complete. */
  today: string;
  isDemo: boolean;
  /** Prefix of the codes of facilities it adds. */
  codePrefix: string;
  ngoOrganisationId?: string | null;
  /** A facilitator assigned to every cycle of one commune, whose cycles this year wait at "planned"/"i4c". */
  facilitator?: { userId: string; communeCode: string } | null;
  /** Skip foreign-key triggers while loading, when the database user may (the generated rows are consistent). */
  fastLoad?: boolean;
}

export interface IsafGenerateReport {
  facilities: number;
  cycles: number;
  scorecards: number;
  participants: number;
  scores: number;
  actions: number;
}

const SECTORS = {
  PS: { en: "Primary School", km: "សាលាបឋមសិក្សា", services: ["education"] },
  HC: { en: "Health Centre", km: "មណ្ឌលសុខភាព", services: ["health", "nutrition", "birth_registration"] },
  CA: { en: "Commune Administration", km: "រដ្ឋបាលឃុំ", services: ["birth_registration", "family_support"] },
} as const;
type Sector = keyof typeof SECTORS;

/** Adds a primary school, a health centre and a commune administration where a commune lacks one. */
async function addMissingFacilities(tx: Db, options: IsafGenerateOptions): Promise<number> {
  const missing = await queryRows<{
    code: string;
    name_km: string;
    name_en: string;
    kind: Sector;
    lat: number | null;
    lng: number | null;
    village: string | null;
  }>(
    tx,
    sql`
    select c.code, c.name_km, c.name_en, k.kind, coalesce(c.lat, d.lat) as lat, coalesce(c.lng, d.lng) as lng,
           (select min(v.code) from places v where v.parent_code = c.code) as village
    from places c join places d on d.code = c.parent_code
    cross join unnest(array['PS', 'HC', 'CA']) as k(kind)
    where c.code = any(${arrayParam(options.communes)}::text[])
      and not exists (select 1 from facilities f where f.commune_code = c.code and f.kind_code = k.kind and f.active)
    order by c.code, k.kind`,
  );
  if (missing.length === 0) return 0;
  const ids = missing.map(() => uuidv7());
  const code = (m: (typeof missing)[number]) => `${options.codePrefix}${m.kind}-${m.code}`;
  const nameEn = (m: (typeof missing)[number]) => `${m.name_en} ${SECTORS[m.kind].en}`;
  const nameKm = (m: (typeof missing)[number]) => `${SECTORS[m.kind].km}${m.name_km}`;
  const column = <T>(pick: (m: (typeof missing)[number]) => T) => arrayParam(missing.map(pick));
  await tx.execute(sql`
    insert into facilities (id, code, kind_code, name_km, name_en, province_code, district_code, commune_code,
                            village_code, lat, lng, search_text, is_demo)
    select id, code, kind, name_km, name_en, left(commune, 2), left(commune, 4), commune,
           case when kind = 'CA' then null else village end,
           lat + (random() - 0.5) * 0.03, lng + (random() - 0.5) * 0.03, search, ${options.isDemo}
    from unnest(${arrayParam(ids)}::uuid[], ${column(code)}::text[], ${column((m) => m.kind)}::text[],
                ${column(nameKm)}::text[], ${column(nameEn)}::text[], ${column((m) => m.code)}::text[],
                ${column((m) => m.village)}::text[], ${column((m) => m.lat)}::float8[], ${column((m) => m.lng)}::float8[],
                ${column((m) => facilitySearchText({ code: code(m), nameEn: nameEn(m), nameKm: nameKm(m) }))}::text[])
      as t(id, code, kind, name_km, name_en, commune, village, lat, lng, search)`);
  await tx.execute(sql`
    insert into facility_services (facility_id, service_type_code)
    select f.id, s.code from facilities f
    join (values ('PS', 'education'), ('HC', 'health'), ('HC', 'nutrition'), ('HC', 'birth_registration'),
                 ('CA', 'birth_registration'), ('CA', 'family_support')) as s(kind, code) on s.kind = f.kind_code
    where f.id = any(${arrayParam(ids)}::uuid[])
    on conflict do nothing`);
  return missing.length;
}

async function createProgramme(tx: Db, options: IsafGenerateOptions): Promise<string> {
  const id = uuidv7();
  const first = Math.min(...options.years);
  const last = Math.max(...options.years);
  await tx.execute(sql`
    insert into programmes (id, name_km, name_en, donor, lead_organisation_id, start_year, end_year, quota_rules, is_demo)
    values (${id}, ${"កម្មវិធីគណនេយ្យភាពសង្គម ISAF"}, ${`ISAF social accountability programme ${first}–${last}`},
            ${"Demo donor"}, ${options.ngoOrganisationId ?? null}, ${first}, ${last},
            ${JSON.stringify(DEFAULT_QUOTA_RULES)}::jsonb, ${options.isDemo})`);
  await tx.execute(sql`
    insert into programme_communes (programme_id, commune_code)
    select ${id}, code from unnest(${arrayParam(options.communes)}::text[]) as t(code)`);
  await tx.execute(sql`
    insert into programme_indicators (programme_id, indicator_id)
    select ${id}, id from indicators where status = 'active' and source = 'isaf2'`);
  return id;
}

/**
 * One cycle per facility and year (the facility's existing cycles are kept), at a realistic step:
 * earlier years closed, last year mostly in follow-up, this year spread over the steps; some of this
 * year's meetings are late. The new cycles are left in the temporary table gen_cycles.
 */
async function createCycles(tx: Db, options: IsafGenerateOptions, programmeId: string): Promise<void> {
  const currentYear = Number(options.today.slice(0, 4));
  const today = sql`${options.today}::date`;
  await tx.execute(sql`
    create temp table gen_cycles on commit drop as
    select ${SQL_UUID7} as id, s.facility_id, s.sector, s.province_code, s.district_code, s.commune_code, s.year,
      s.step, s.r, s.r4,
      case
        when s.year < ${currentYear} then make_date(s.year, 2 + (s.r2 * 8)::int, 1 + (s.r3 * 27)::int)
        when s.step in ('planned', 'i4c', 'scorecard') and (s.r2 < 0.55 or s.facilitated)
          then greatest(${today}, least(${today} + (7 + s.r3 * 40)::int, make_date(s.year, 12, 28)))
        when s.step in ('planned', 'i4c', 'scorecard') then ${today} - (35 + s.r3 * 150)::int
        else ${today} - (40 + s.r3 * 200)::int
      end as meeting
    from (
      select b.*,
        case
          when b.facilitated and b.year = ${currentYear} then case when b.sector = 'HC' then 'planned' else 'i4c' end
          when b.facilitated then 'closed'
          when b.year < ${currentYear - 1} then case when b.r < 0.93 then 'closed' else 'follow_up' end
          when b.year < ${currentYear} then case when b.r < 0.45 then 'closed' when b.r < 0.95 then 'follow_up' else 'jaap' end
          when b.r < 0.08 then 'planned' when b.r < 0.16 then 'i4c' when b.r < 0.25 then 'scorecard'
          when b.r < 0.33 then 'self_assessment' when b.r < 0.42 then 'interface_meeting'
          when b.r < 0.65 then 'jaap' else 'follow_up'
        end as step
      from (
        select f.id as facility_id, f.kind_code as sector, f.province_code, f.district_code, f.commune_code, y.year,
          f.commune_code = ${options.facilitator?.communeCode ?? ""} as facilitated,
          random() as r, random() as r2, random() as r3, random() as r4
        from facilities f cross join unnest(${arrayParam(options.years)}::int[]) as y(year)
        where f.commune_code = any(${arrayParam(options.communes)}::text[]) and f.active
          and f.kind_code in ('PS', 'HC', 'CA')
          and not exists (select 1 from cycles c where c.facility_id = f.id and c.year = y.year)
      ) b
    ) s`);
  await tx.execute(sql`
    insert into cycles (id, programme_id, facility_id, year, sector_code, province_code, district_code, commune_code,
                        step, ngo_organisation_id, planned_meeting_on, i4c_published_at,
                        committee_formed_at, committee_quota_met, committee_override_reason, is_demo)
    select g.id, ${programmeId}, g.facility_id, g.year, g.sector, g.province_code, g.district_code, g.commune_code,
           g.step, ${options.ngoOrganisationId ?? null}, g.meeting,
           case when g.step not in ('planned', 'i4c') then (g.meeting - 14)::timestamptz end,
           case when g.step in ('follow_up', 'closed') or (g.step = 'jaap' and g.r < 0.5) then (g.meeting + 30)::timestamptz end,
           case when g.step in ('follow_up', 'closed') or (g.step = 'jaap' and g.r < 0.5) then g.r4 >= 0.1 end,
           case when (g.step in ('follow_up', 'closed') or (g.step = 'jaap' and g.r < 0.5)) and g.r4 < 0.1
                then ${"Not enough women volunteered; the commune council will add members at the next meeting."} end,
           ${options.isDemo}
    from gen_cycles g`);
  // Every step before the current one was completed, on dates around the meeting.
  await tx.execute(sql`
    insert into cycle_steps (cycle_id, step, completed_on, note)
    select g.id, s.step, least(g.meeting + s.offset_days, ${today}), null
    from gen_cycles g
    cross join (values ('planned', -60, 1), ('i4c', -14, 2), ('scorecard', 0, 3), ('self_assessment', 7, 4),
                       ('interface_meeting', 21, 5), ('jaap', 28, 6), ('follow_up', 200, 7)) as s(step, offset_days, position)
    where s.position < array_position(array['planned', 'i4c', 'scorecard', 'self_assessment', 'interface_meeting',
                                             'jaap', 'follow_up', 'closed'], g.step)`);
  if (options.facilitator) {
    await tx.execute(sql`
      insert into cycle_facilitators (cycle_id, user_id)
      select id, ${options.facilitator.userId} from gen_cycles where commune_code = ${options.facilitator.communeCode}
      on conflict do nothing`);
  }
}

async function isSuperuser(tx: Db): Promise<boolean> {
  const [row] = await queryRows<{ superuser: boolean }>(
    tx,
    sql`select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  return row?.superuser === true;
}

/** Generates the ISAF data; returns what it made. Rebuilds the rollups and analyses the tables. */
export async function generateIsafData(db: Db, options: IsafGenerateOptions): Promise<IsafGenerateReport> {
  if (options.communes.length === 0 || options.years.length === 0) {
    return { facilities: 0, cycles: 0, scorecards: 0, participants: 0, scores: 0, actions: 0 };
  }
  const report = await db.transaction(async (tx) => {
    const fast = options.fastLoad && (await isSuperuser(tx));
    if (fast) await tx.execute(sql`set local session_replication_role = replica`);
    const facilities = await addMissingFacilities(tx, options);
    const programmeId = await createProgramme(tx, options);
    await createCycles(tx, options, programmeId);
    const facts = await generateCardsAndActions(tx, options.today);
    if (fast) await tx.execute(sql`set local session_replication_role = origin`);
    await rebuildRollup(tx, ISAF_ROLLUP);
    return { facilities, ...facts };
  });
  // Rows of one scope side by side (a dashboard reads a scope's rows, or its children's, at once).
  await db.execute(sql`cluster isaf_rollup using isaf_rollup_scope_sector_code_year_metric_dims_pk`);
  for (const table of [
    "facilities",
    "cycles",
    "cycle_steps",
    "scorecards",
    "scorecard_participants",
    "scorecard_priorities",
    "scorecard_scores",
    "scorecard_issues",
    "jaap_actions",
    "committee_members",
    "isaf_rollup",
  ]) {
    await db.execute(sql`analyze ${sql.identifier(table)}`);
  }
  return report;
}

/**
 * The demo programme: every commune of Bakan district (1501, where the demo commune, district and
 * facilitator users work), a few more in Pursat, one in each other demo province; the last
 * five years. The demo facilitator runs commune 150101's cycles, which wait at "planned"/"i4c" this
 * year. Small enough for a first start of a few seconds.
 */
export async function generateDemoIsafData(
  db: Db,
  options: { provinces: readonly string[]; ngoOrganisationId: string | null },
): Promise<IsafGenerateReport> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
    select code from (
      select code, left(code, 2) as province, row_number() over (partition by left(code, 2) order by code) as n
      from places where level = 'commune' and retired_at is null
        and left(code, 2) = any(${arrayParam(options.provinces)}::text[])
    ) c
    where code like '1501%'
       or (province = '15' and n % 16 = 6)
       or n = 7
    order by code`,
  );
  const [facilitator] = await queryRows<{ id: string }>(
    db,
    sql`select id from users where username = 'facilitator' and is_demo`,
  );
  const today = cambodiaToday(new Date());
  const year = Number(today.slice(0, 4));
  return generateIsafData(db, {
    communes: rows.map((row) => row.code),
    years: [year - 4, year - 3, year - 2, year - 1, year],
    today,
    isDemo: true,
    codePrefix: "DEMO-",
    ngoOrganisationId: options.ngoOrganisationId,
    facilitator: facilitator ? { userId: facilitator.id, communeCode: "150101" } : null,
    fastLoad: true,
  });
}
