import type { z } from "zod";
import type { RecordName } from "../../../contracts/audit-actions";
import type { CycleListQuery, CycleUpdate, StepCompletion } from "../../../contracts/isaf";
import { type CycleStep, cambodiaToday, isLate, nextStep } from "../../../domain/isaf-cycle";
import { lineageOf } from "../../../domain/places";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { diff } from "../../platform/audit";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, notFound } from "../../platform/errors";
import type { MessageCode } from "../../platform/messages";
import * as rollups from "../../platform/rollups/rollups.engine";
import * as facilities from "../facilities/facilities.service";
import * as organisations from "../organisations/organisations.service";
import * as places from "../places/places.service";
import * as directory from "../users/people.service";
import type { StepPrerequisites } from "./cycle-steps.service";
import * as repo from "./cycles.repo";
import { CYCLE_FACT } from "./isaf.facts";
import { type CycleAccess, isafPolicy, scorecardRecordingReach } from "./isaf.policy";

export type CycleRow = repo.CycleRow;

/** A cycle with what the access rules need (its commune, its facilitators). */
export type CycleInScope = CycleRow & CycleAccess;

/**
 * The cycle, if it lies in the actor's area; 404 otherwise. Other modules (score cards, JAAP) start
 * here, then check their ability with isafPolicy.
 */
export async function getCycleInScope(db: Db, actor: Actor, id: string): Promise<CycleInScope> {
  const cycle = await findCycleInScope(db, actor, id);
  if (!cycle) throw notFound("cycle");
  return cycle;
}

/** The cycle, if it lies in the actor's area (nothing otherwise): what a command on a cycle loads. */
export async function findCycleInScope(db: Db, actor: Actor, id: string): Promise<CycleInScope | null> {
  const row = await repo.findInScope(db, actor, id);
  return row && { ...row, facilitatorIds: await repo.facilitatorIdsOf(db, id) };
}

/** The cycles among `ids` in the actor's area, by id (the field app's pull reads a page at once). */
export async function cyclesInScope(
  db: Db,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, CycleInScope>> {
  const [rows, facilitators] = await Promise.all([
    repo.findManyInScope(db, actor, ids),
    repo.facilitatorIdsOfMany(db, ids),
  ]);
  return new Map(rows.map((row) => [row.id, { ...row, facilitatorIds: facilitators.get(row.id) ?? [] }]));
}

/** For the public module: a facility's cycles (id, year, step), newest first. Unscoped: callers publish only public facts. */
export function cyclesOfFacility(db: Db, facilityId: string) {
  return repo.ofFacility(db, facilityId);
}

// ---- the cycle in other modules' queries -----------------------------------------------------------
// A score card or an action is scoped, filtered and shown through its cycle. The cycles table is read
// in isaf only: other modules embed the subqueries of cycle-scope.service.ts (and the pull's below) in
// their own statement, so a list stays one query, or look the cycles up by id after theirs
// (docs/mechanisms/boundaries.md).

export {
  /** The cycles as other records show them (year, sector, commune, facility id, programme), unscoped. */
  refsOf as cycleRefsOf,
} from "./cycles.repo";

/**
 * The open cycles of the actor's area she may record a score card for (scorecardRecordingReach), as
 * a subquery of their `id`, `step`, `version` and `change_xid`: the field app's pull of score cards
 * (scorecards.pull.repo.ts) pages these and their cards.
 */
export function recordableCyclesSql(actor: Actor) {
  return repo.openCyclesSql(actor, scorecardRecordingReach(actor));
}

/** The steps in both languages, for messages. */
export const STEP_NAMES: Record<CycleStep, { km: string; en: string }> = {
  planned: { km: "គ្រោងទុក", en: "Planned" },
  i4c: { km: "ព័ត៌មានសម្រាប់ពលរដ្ឋ (I4C)", en: "Information for citizens (I4C)" },
  scorecard: { km: "ប័ណ្ណដាក់ពិន្ទុសហគមន៍", en: "Community score card" },
  self_assessment: { km: "ការវាយតម្លៃខ្លួនឯង", en: "Self-assessment" },
  interface_meeting: { km: "កិច្ចប្រជុំផ្សារភ្ជាប់", en: "Interface meeting" },
  jaap: { km: "ផែនការសកម្មភាពរួម (JAAP)", en: "JAAP" },
  follow_up: { km: "ការតាមដាន", en: "Follow-up" },
  closed: { km: "បិទ", en: "Closed" },
};

/** What the caller may do on this cycle (the web shows or hides its buttons by these). */
const CYCLE_ABILITIES = [
  "cycle:plan",
  "cycle:facilitate",
  "scorecard:self_assess",
  "scorecard:review",
  "scorecard:request_change",
  "committee:override",
] as const;

export function abilitiesOn(actor: Actor, cycle: CycleAccess): string[] {
  return CYCLE_ABILITIES.filter((ability) => can(isafPolicy, ability, actor, cycle));
}

export async function list(ctx: Ctx, query: z.infer<typeof CycleListQuery>) {
  const today = cambodiaToday(ctx.clock.now());
  const { late, mine, ...filters } = query;
  const { rows, total } = await repo.list(ctx.db, ctx.actor, {
    ...filters,
    lateOn: late === "1" ? today : undefined,
    mine: mine === "1",
  });
  const [facilityById, names, communes] = await Promise.all([
    facilities.summariesOf(
      ctx.db,
      rows.map((row) => row.cycle.facilityId),
    ),
    directory.namesOf(
      ctx.db,
      rows.flatMap((row) => row.facilitatorIds),
    ),
    places.findMany(ctx.db, [...new Set(rows.map((row) => row.cycle.communeCode))]),
  ]);
  const facilityOf = new Map(facilityById.map((facility) => [facility.id, facility]));
  const communeByCode = new Map(communes.map((place) => [place.code, place]));
  const items = rows.map(({ cycle, programme, facilitatorIds }) => {
    const commune = communeByCode.get(cycle.communeCode);
    const { id, code, nameKm, nameEn, kindCode } = facilityOf.get(cycle.facilityId)!;
    return {
      id: cycle.id,
      year: cycle.year,
      step: cycle.step,
      sectorCode: cycle.sectorCode,
      programme,
      facility: { id, code, nameKm, nameEn, kindCode },
      communeCode: cycle.communeCode,
      commune: commune
        ? {
            code: commune.code,
            level: commune.level,
            type: commune.type,
            nameKm: commune.nameKm,
            nameEn: commune.nameEn,
          }
        : null,
      plannedMeetingOn: cycle.plannedMeetingOn,
      late: isLate(cycle.step, cycle.plannedMeetingOn, today),
      facilitators: facilitatorsByName(names, facilitatorIds),
    };
  });
  return { items, total, limit: query.limit, offset: query.offset };
}

/** These facilitators with their names, in name order (as the users module sorts them); unknown ids left out. */
function facilitatorsByName(names: Map<string, string>, ids: readonly string[]) {
  const wanted = new Set(ids);
  return [...names].filter(([id]) => wanted.has(id)).map(([id, displayName]) => ({ id, displayName }));
}

export async function present(ctx: Ctx, cycle: CycleInScope) {
  const [programme, facilityById, steps, ngo] = await Promise.all([
    repo.programmeOf(ctx.db, cycle.id),
    facilities.placedSummariesOf(ctx.db, [cycle.facilityId]),
    repo.stepsOf(ctx.db, cycle.id),
    cycle.ngoOrganisationId ? organisations.namesOf(ctx.db, [cycle.ngoOrganisationId]) : null,
  ]);
  const facility = facilityById.get(cycle.facilityId)!;
  const [names, path] = await Promise.all([
    directory.namesOf(ctx.db, [...cycle.facilitatorIds, ...steps.map((step) => step.completedById)]),
    places.findMany(ctx.db, lineageOf(facility.villageCode ?? facility.communeCode)),
  ]);
  const done = new Map(steps.map((step) => [step.step, step]));
  const ngoName = cycle.ngoOrganisationId ? ngo?.get(cycle.ngoOrganisationId) : undefined;
  return {
    id: cycle.id,
    year: cycle.year,
    step: cycle.step,
    programme,
    facility: {
      id: facility.id,
      code: facility.code,
      nameKm: facility.nameKm,
      nameEn: facility.nameEn,
      kindCode: facility.kindCode,
      communeCode: facility.communeCode,
      path: path
        .sort((a, b) => a.code.length - b.code.length)
        .map((place) => ({ code: place.code, nameKm: place.nameKm, nameEn: place.nameEn })),
    },
    sectorCode: cycle.sectorCode,
    communeCode: cycle.communeCode,
    ngoOrganisation: ngoName && cycle.ngoOrganisationId ? { id: cycle.ngoOrganisationId, ...ngoName } : null,
    facilitators: facilitatorsByName(names, cycle.facilitatorIds),
    plannedMeetingOn: cycle.plannedMeetingOn,
    late: isLate(cycle.step, cycle.plannedMeetingOn, cambodiaToday(ctx.clock.now())),
    i4cPublishedAt: cycle.i4cPublishedAt?.toISOString() ?? null,
    steps: (Object.keys(STEP_NAMES) as CycleStep[]).map((step) => {
      const row = done.get(step);
      return {
        step,
        completedOn: row?.completedOn ?? null,
        completedBy: row?.completedById
          ? { id: row.completedById, displayName: names.get(row.completedById) ?? "" }
          : null,
        note: row?.note ?? null,
      };
    }),
    version: cycle.version,
    abilities: abilitiesOn(ctx.actor, cycle),
  };
}

export async function get(ctx: Ctx, id: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, id);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  return present(ctx, cycle);
}

/** Field errors for an NGO and facilitators that must suit every one of these communes. */
export async function checkAssignment(
  db: Db,
  input: { ngoOrganisationId?: string | null; facilitatorIds: readonly string[] },
  communeCodes: readonly string[],
) {
  const errors: { path: string; code: MessageCode }[] = [];
  if (input.ngoOrganisationId && !(await organisations.exists(db, input.ngoOrganisationId)))
    errors.push({ path: "ngoOrganisationId", code: "unknown_organisation" });
  const found = new Map((await directory.facilitators(db, input.facilitatorIds)).map((f) => [f.id, f]));
  input.facilitatorIds.forEach((id, index) => {
    const facilitator = found.get(id);
    if (!facilitator || !communeCodes.every((code) => directory.covers(facilitator, code)))
      errors.push({ path: `facilitatorIds.${index}`, code: "facilitator_not_eligible" });
  });
  return errors;
}

/** A command on a cycle loads it in the actor's area (none: 404 "cycle"). */
const onCycle = (ctx: Ctx, id: string) => (db: Db) => findCycleInScope(db, ctx.actor, id);

/** Facilitators, planned meeting date and NGO (cycle:plan), versioned and audited. */
export async function update(ctx: Ctx, id: string, input: z.infer<typeof CycleUpdate>) {
  const facilitatorIds = [...new Set(input.facilitatorIds)];
  await command(ctx, {
    entity: "cycle",
    load: onCycle(ctx, id),
    requires: requires(isafPolicy, "cycle:plan", (cycle: CycleInScope) => cycle),
    check: async (before) => {
      const errors = await checkAssignment(ctx.db, { ...input, facilitatorIds }, [before.communeCode]);
      if (errors.length) throw badRequest("validation_failed", errors);
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, CYCLE_FACT, id, write),
    write: async (tx, _before, now) => {
      const values = { plannedMeetingOn: input.plannedMeetingOn, ngoOrganisationId: input.ngoOrganisationId };
      const updated = await repo.update(tx, id, input.version, values, now);
      if (updated) await repo.replaceFacilitators(tx, id, facilitatorIds);
      return updated;
    },
    audit: (before, updated) => ({
      action: "cycle.updated",
      entityType: "cycle",
      entityId: id,
      placeCode: before.communeCode,
      changes: diff(
        { ...before, facilitatorIds: [...before.facilitatorIds].sort() },
        { ...updated, facilitatorIds: [...facilitatorIds].sort() },
        ["plannedMeetingOn", "ngoOrganisationId", "facilitatorIds"],
      ),
    }),
  });
  return get(ctx, id);
}

/**
 * Records the completion of the cycle's current step (by the caller) and moves it to the next.
 * `prerequisites`: what each step needs first, asked of the module that owns it (src/server/steps.ts).
 */
export async function completeStep(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof StepCompletion>,
  prerequisites: StepPrerequisites,
) {
  const to = nextStep(input.step) ?? input.step;
  await command(ctx, {
    entity: "cycle",
    load: onCycle(ctx, id),
    requires: requires(isafPolicy, "cycle:facilitate", (cycle: CycleInScope) => cycle),
    check: async (before) => {
      // "Today" in Cambodia (UTC+7): a step done this morning there is not in the future.
      if (input.completedOn > cambodiaToday(ctx.clock.now()))
        throw badRequest("validation_failed", [{ path: "completedOn", code: "step_date_in_future" }]);
      const recorded = await repo.stepsOf(ctx.db, id);
      if (before.step === "closed" && recorded.some((row) => row.step === "closed"))
        throw new AppError(409, "cycle_closed");
      if (input.step !== before.step)
        throw new AppError(409, "step_out_of_order", { current: STEP_NAMES[before.step] });
      const prerequisite = prerequisites.get(input.step);
      if (prerequisite && !(await prerequisite.met(ctx.db, before)))
        throw new AppError(409, prerequisite.missing);
    },
    rollup: (tx, _before, write) => rollups.tracked(tx, CYCLE_FACT, id, write),
    write: async (tx, _before, now) => {
      const updated = await repo.update(tx, id, input.version, { step: to }, now);
      if (!updated) return null;
      await repo.insertStep(tx, {
        cycleId: id,
        step: input.step,
        completedOn: input.completedOn,
        completedBy: ctx.actor.id,
        note: input.note ?? null,
      });
      return updated;
    },
    audit: (before) => ({
      action: "cycle.step_completed",
      entityType: "cycle",
      entityId: id,
      placeCode: before.communeCode,
      changes: {
        step: { from: before.step, to },
        [`steps.${input.step}`]: {
          from: null,
          to: { completedOn: input.completedOn, note: input.note ?? null },
        },
      },
    }),
  });
  return get(ctx, id);
}

/** Cycles as the audit log names them: the facility and the year. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const rows = await repo.refsOf(db, [...new Set(ids)]);
  const facilityNames = await facilities.recordNamesOf(db, [...new Set(rows.map((row) => row.facilityId))]);
  return new Map(
    rows.flatMap((row) => {
      const facility = facilityNames.get(row.facilityId);
      return facility
        ? [[row.id, { km: `${facility.km} · ${row.year}`, en: `${facility.en} · ${row.year}` }]]
        : [];
    }),
  );
}
