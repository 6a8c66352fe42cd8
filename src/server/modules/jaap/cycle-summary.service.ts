import type { z } from "zod";
import type { JaapCycle } from "../../../contracts/jaap";
import { authorize, can } from "../../platform/access";
import type { Ctx } from "../../platform/context";
import * as facilities from "../facilities/facilities.service";
import { offeredIndicators } from "../isaf/catalogue.service";
import { getCycleInScope } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as scorecards from "../scorecards/scorecards.service";
import * as directory from "../users/people.service";
import { jaapPolicy } from "./jaap.policy";

/**
 * What the JAAP page of a cycle needs besides its records: the facility, the indicators an action may
 * be tied to (the community card's prioritised ones first, in their order), the people who may be
 * named responsible, and what the caller may do.
 */
export async function summary(ctx: Ctx, cycleId: string): Promise<z.infer<typeof JaapCycle>> {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  const facilitate = can(isafPolicy, "cycle:facilitate", ctx.actor, cycle);
  const prioritised = await scorecards.prioritisedIndicatorIds(ctx.db, cycleId);
  const [[facility], offered, people] = await Promise.all([
    facilities.summariesOf(ctx.db, [cycle.facilityId]),
    offeredIndicators(ctx.db, cycle.sectorCode, prioritised),
    facilitate ? directory.peopleCovering(ctx.db, cycle.communeCode, false) : Promise.resolve([]),
  ]);
  const rank = new Map(prioritised.map((id, index) => [id, index]));
  const indicators = offered
    .map(({ id, code, nameKm, nameEn }, index) => ({
      id,
      code,
      nameKm,
      nameEn,
      prioritised: rank.has(id),
      order: index,
    }))
    .sort(
      (a, b) =>
        (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
        a.order - b.order,
    )
    .map(({ order: _order, ...indicator }) => indicator);
  return {
    cycle: {
      id: cycle.id,
      year: cycle.year,
      sectorCode: cycle.sectorCode,
      communeCode: cycle.communeCode,
      step: cycle.step,
      facility: { id: facility.id, code: facility.code, nameKm: facility.nameKm, nameEn: facility.nameEn },
    },
    indicators,
    people,
    can: {
      facilitate,
      // Whoever follows the JAAP of this cycle without being named on an action.
      update: can(jaapPolicy, "jaap:update", ctx.actor, { ...cycle, responsibleUserId: null }),
      override: can(isafPolicy, "committee:override", ctx.actor, cycle),
    },
  };
}
