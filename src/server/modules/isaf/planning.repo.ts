import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { arrayParam, queryRows } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * What planning and the cycle's steps read from elsewhere, read-only: the facilities a programme may
 * plan, the users who may facilitate, and the facts each step needs (score cards, the interface
 * meeting, JAAP actions).
 */
export interface PlannableFacility {
  id: string;
  code: string;
  nameKm: string;
  nameEn: string;
  kindCode: string;
  communeCode: string;
}

/** Active facilities of an ISAF sector (PS, HC, CA) in these communes and in the actor's area. */
export async function plannableFacilities(
  db: Db,
  actor: Actor,
  communeCodes: readonly string[],
  ids?: readonly string[],
): Promise<PlannableFacility[]> {
  if (communeCodes.length === 0) return [];
  const byId = ids ? sql`and f.id = any(${arrayParam(ids)}::uuid[])` : sql``;
  return queryRows<PlannableFacility>(
    db,
    sql`select f.id, f.code, f.name_km as "nameKm", f.name_en as "nameEn", f.kind_code as "kindCode",
          f.commune_code as "communeCode"
        from facilities f join facility_kinds k on k.code = f.kind_code
        where f.active and k.isaf_sector and f.kind_code in ('PS', 'HC', 'CA')
          and f.commune_code = any(${arrayParam(communeCodes)}::text[])
          and ${areaPredicate(actor, sql`f.commune_code`)} ${byId}
        order by f.commune_code, f.kind_code, f.code`,
  );
}

export interface CycleFacts {
  i4cPublished: boolean;
  communityCard: boolean;
  selfCard: boolean;
  interfaceMeeting: boolean;
  jaapAction: boolean;
}

/** The facts the steps need, read from the cycle (its I4C publication), the score-card and JAAP tables. */
export async function factsOf(db: Db, cycleId: string): Promise<CycleFacts> {
  const [row] = await queryRows<CycleFacts>(
    db,
    sql`select
      exists (select 1 from cycles c where c.id = ${cycleId} and c.i4c_published_at is not null)
        as "i4cPublished",
      exists (select 1 from scorecards s where s.cycle_id = ${cycleId} and s.kind = 'community'
        and s.status in ('submitted', 'approved')) as "communityCard",
      exists (select 1 from scorecards s where s.cycle_id = ${cycleId} and s.kind = 'self'
        and s.status in ('submitted', 'approved')) as "selfCard",
      exists (select 1 from interface_meetings m where m.cycle_id = ${cycleId}) as "interfaceMeeting",
      exists (select 1 from jaap_actions a where a.cycle_id = ${cycleId}) as "jaapAction"`,
  );
  return row;
}
