import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import { ISAF_SECTORS, type PlanInput } from "../../../contracts/isaf";
import { authorize, inArea } from "../../platform/access";
import { created } from "../../platform/audit";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, type FieldError, notFound } from "../../platform/errors";
import * as rollups from "../../platform/rollups/rollups.engine";
import * as facilities from "../facilities/facilities.service";
import * as places from "../places/places.service";
import * as directory from "../users/people.service";
import * as cyclesRepo from "./cycles.repo";
import { checkAssignment } from "./cycles.service";
import { CYCLE_FACT } from "./isaf.facts";
import { isafPolicy } from "./isaf.policy";
import * as programmes from "./programmes.repo";

/**
 * Planning a year's cycles for a programme: the target facilities (ISAF sectors, in the programme's
 * communes and the planner's area), which of them already have a cycle that year, and who may
 * facilitate; then every chosen cycle created in one transaction.
 */
/** Active facilities of an ISAF sector (PS, HC, CA) in these communes and the planner's area (facilities module). */
function plannableFacilities(ctx: Ctx, communeCodes: readonly string[], ids?: readonly string[]) {
  return facilities.plannableFacilities(ctx.db, ctx.actor, { kindCodes: ISAF_SECTORS, communeCodes, ids });
}

async function programmeOf(ctx: Ctx, id: string) {
  authorize(isafPolicy, "programme:manage", ctx.actor, null);
  const programme = await programmes.find(ctx.db, id);
  if (!programme) throw notFound("programme");
  return { programme, links: await programmes.linksOf(ctx.db, id) };
}

export async function candidates(ctx: Ctx, programmeId: string, year: number) {
  const { links } = await programmeOf(ctx, programmeId);
  const plannable = await plannableFacilities(ctx, links.communeCodes);
  const [existing, communes, people] = await Promise.all([
    cyclesRepo.ofFacilitiesInYear(
      ctx.db,
      plannable.map((facility) => facility.id),
      year,
    ),
    places.findMany(ctx.db, [...new Set(plannable.map((facility) => facility.communeCode))]),
    directory.facilitators(ctx.db),
  ]);
  const communeByCode = new Map(communes.map((place) => [place.code, place]));
  const cycleByFacility = new Map(existing.map((cycle) => [cycle.facilityId, cycle]));
  // Only the planner's own communes: facilitators (like facilities) of other areas are not named.
  const targetCommunes = links.communeCodes.filter((code) => inArea(ctx.actor, code));
  return {
    year,
    facilities: plannable.flatMap((facility) => {
      const commune = communeByCode.get(facility.communeCode);
      if (!commune) return [];
      const cycle = cycleByFacility.get(facility.id);
      return [
        {
          ...facility,
          commune: places.presentSummary(commune),
          existingCycle: cycle ? { id: cycle.id, programmeId: cycle.programmeId, step: cycle.step } : null,
        },
      ];
    }),
    facilitators: people
      .map((person) => ({
        id: person.id,
        displayName: person.displayName,
        communeCodes: targetCommunes.filter((code) => directory.covers(person, code)),
      }))
      .filter((person) => person.communeCodes.length > 0),
  };
}

/**
 * The facilities to plan a cycle at, once everything is right: the year within the programme, each
 * facility plannable (in the programme's communes and the planner's area, cycle:plan) and without a
 * cycle that year, the NGO and facilitators suited to their communes. Every problem at once.
 */
async function chooseFacilities(
  ctx: Ctx,
  { programme, links }: { programme: programmes.ProgrammeRow; links: programmes.Links },
  input: z.infer<typeof PlanInput>,
  facilityIds: readonly string[],
  facilitatorIds: readonly string[],
): Promise<facilities.PlannableFacility[]> {
  const errors: FieldError[] = [];
  let clash = false;
  if (input.year < programme.startYear || input.year > programme.endYear) {
    errors.push({
      path: "year",
      code: "year_outside_programme",
      params: { start: String(programme.startYear), end: String(programme.endYear) },
    });
  }
  const found = new Map(
    (await plannableFacilities(ctx, links.communeCodes, facilityIds)).map((f) => [f.id, f]),
  );
  const existing = new Set(
    (await cyclesRepo.ofFacilitiesInYear(ctx.db, facilityIds, input.year)).map((cycle) => cycle.facilityId),
  );
  facilityIds.forEach((id, index) => {
    if (!found.has(id)) errors.push({ path: `facilityIds.${index}`, code: "facility_not_plannable" });
    else if (existing.has(id)) {
      clash = true;
      errors.push({
        path: `facilityIds.${index}`,
        code: "cycle_exists",
        params: { year: String(input.year) },
      });
    }
  });
  const chosen = facilityIds.map((id) => found.get(id)).filter((f) => f !== undefined);
  for (const facility of chosen) authorize(isafPolicy, "cycle:plan", ctx.actor, facility);
  errors.push(
    ...(await checkAssignment(ctx.db, { ngoOrganisationId: input.ngoOrganisationId, facilitatorIds }, [
      ...new Set(chosen.map((facility) => facility.communeCode)),
    ])),
  );
  if (errors.length) {
    const onlyClashes = clash && errors.every((error) => error.code === "cycle_exists");
    throw new AppError(onlyClashes ? 409 : 400, "validation_failed", {}, errors);
  }
  return chosen;
}

/**
 * Plans the year's cycles: a command on the programme (programme:manage, 404), its own checks (each
 * chosen facility's cycle:plan among them), then every cycle created in one transaction, each with its
 * counters (the `rollup` step wraps one record's write; a plan writes several) and its audit event.
 */
export async function plan(ctx: Ctx, programmeId: string, input: z.infer<typeof PlanInput>) {
  const facilityIds = [...new Set(input.facilityIds)];
  const facilitatorIds = [...new Set(input.facilitatorIds)];
  let chosen: facilities.PlannableFacility[] = [];
  const made = await command(ctx, {
    entity: "programme",
    requires: requires(isafPolicy, "programme:manage"),
    load: async (db) => {
      const programme = await programmes.find(db, programmeId);
      return programme && { programme, links: await programmes.linksOf(db, programmeId) };
    },
    check: async (before) => {
      chosen = await chooseFacilities(ctx, before, input, facilityIds, facilitatorIds);
    },
    write: async (tx) => {
      const rows: cyclesRepo.CycleRow[] = [];
      for (const facility of chosen) {
        const id = uuidv7();
        rows.push(
          await rollups.tracked(tx, CYCLE_FACT, id, async () => {
            const row = await cyclesRepo.insert(tx, {
              id,
              programmeId,
              facilityId: facility.id,
              year: input.year,
              sectorCode: facility.kindCode,
              provinceCode: facility.communeCode.slice(0, 2),
              districtCode: facility.communeCode.slice(0, 4),
              communeCode: facility.communeCode,
              ngoOrganisationId: input.ngoOrganisationId ?? null,
              plannedMeetingOn: input.plannedMeetingOn ?? null,
              createdBy: ctx.actor.id,
            });
            await cyclesRepo.replaceFacilitators(tx, id, facilitatorIds);
            return row;
          }),
        );
      }
      return rows;
    },
    audit: (_programme, rows) =>
      rows.map((row) => ({
        action: "cycle.created",
        entityType: "cycle",
        entityId: row.id,
        placeCode: row.communeCode,
        changes: created({ ...row, facilitatorIds: [...facilitatorIds].sort() }, [
          "programmeId",
          "facilityId",
          "year",
          "ngoOrganisationId",
          "plannedMeetingOn",
          "facilitatorIds",
        ]),
      })),
  });
  return { created: made.map((row) => ({ id: row.id, facilityId: row.facilityId })) };
}
