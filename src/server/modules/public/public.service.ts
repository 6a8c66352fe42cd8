import type { PublicCommune, PublicFacility, PublicI4c, PublicPlace } from "../../../contracts/public";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { levelOfCode } from "../../../domain/places";
import type { Db } from "../../db/database";
import { notFound } from "../../platform/errors";
import * as facilities from "../facilities/facilities.service";
import * as cycles from "../isaf/cycles.service";
import * as i4c from "../isaf/i4c.service";
import * as jaap from "../jaap/jaap.service";
import * as places from "../places/places.service";
import * as scorecards from "../scorecards/scorecards.service";
import { actionsOf, headlineOf, scoreYears } from "./public.presenter";

/**
 * The public results (issue 3, part 10): read without a session and without an area, so every read
 * goes through another module's function that gives aggregates only (approved score cards, JAAP
 * actions without names of people, published I4C packs). Only active ISAF-sector facilities.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type FacilityRow = NonNullable<Awaited<ReturnType<typeof facilities.publicIsafFacility>>>;

function placeOf(place: { code: string; level: PublicPlace["level"]; nameKm: string; nameEn: string }) {
  return { code: place.code, level: place.level, nameKm: place.nameKm, nameEn: place.nameEn };
}

function kindOf(row: FacilityRow) {
  return { code: row.kindCode, nameKm: row.kindNameKm, nameEn: row.kindNameEn };
}

/** A commune with its path from the province down, or 404 when the code is not a commune. */
async function communeOf(db: Db, code: string) {
  if (levelOfCode(code) !== "commune") throw notFound("place");
  const commune = await places.get(db, code);
  if (commune.level !== "commune") throw notFound("place");
  return commune;
}

function iso(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : value;
}

async function publishedPacks(db: Db, facilityId: string): Promise<PublicI4c[]> {
  const list = await cycles.cyclesOfFacility(db, facilityId);
  const packs: PublicI4c[] = [];
  for (const cycle of list) {
    const pack = await i4c.publishedI4c(db, cycle.id);
    if (!pack) continue;
    packs.push({
      year: cycle.year,
      items: pack.items.map((item) => ({
        labelKm: item.labelKm,
        labelEn: item.labelEn,
        standardValue: item.standardValue,
        actualValue: item.actualValue,
        unit: item.unit ?? null,
      })),
      budgetSummary: pack.budgetSummary ?? null,
      notes: pack.notes ?? null,
      publishedAt: iso(pack.publishedAt),
    });
  }
  return packs;
}

export async function facilityResults(db: Db, id: string, now: Date): Promise<PublicFacility> {
  const facility = UUID.test(id) ? await facilities.publicIsafFacility(db, id) : undefined;
  if (!facility) throw notFound("facility");
  const commune = await places.get(db, facility.communeCode);
  const cards = await scorecards.approvedResultsOfFacility(db, id);
  const actions = await jaap.publicActionsOfFacility(db, id);
  const i4cPacks = await publishedPacks(db, id);
  return {
    facility: {
      id: facility.id,
      code: facility.code,
      nameKm: facility.nameKm,
      nameEn: facility.nameEn,
      kind: kindOf(facility),
      path: [...commune.path.map(placeOf), placeOf(commune)],
    },
    scores: scoreYears(cards),
    actions: actionsOf(actions, cambodiaToday(now)),
    i4c: i4cPacks,
  };
}

export async function communeResults(db: Db, code: string, now: Date): Promise<PublicCommune> {
  const commune = await communeOf(db, code);
  const rows = await facilities.publicIsafFacilitiesOfCommune(db, code);
  const today = cambodiaToday(now);
  const list = [];
  for (const row of rows) {
    const cards = await scorecards.approvedResultsOfFacility(db, row.id);
    const actions = await jaap.publicActionsOfFacility(db, row.id);
    list.push({
      id: row.id,
      code: row.code,
      nameKm: row.nameKm,
      nameEn: row.nameEn,
      kind: kindOf(row),
      headline: headlineOf(scoreYears(cards)),
      actions: actionsOf(actions, today).counts,
    });
  }
  return {
    commune: { ...placeOf(commune), path: commune.path.map(placeOf) },
    facilities: list,
  };
}
