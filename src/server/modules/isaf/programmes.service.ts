import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { RecordName } from "../../../contracts/audit-actions";
import type { ProgrammeInput, ProgrammeUpdate } from "../../../contracts/isaf";
import { DEFAULT_QUOTA_RULES } from "../../../domain/committee-quota";
import { lineageOf } from "../../../domain/places";
import type { Db } from "../../db/database";
import { authorize, can, inArea } from "../../platform/access";
import { created, diff } from "../../platform/audit";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, type FieldError, notFound } from "../../platform/errors";
import { LEVEL_NAMES } from "../../platform/platform.messages";
import * as organisations from "../organisations/organisations.service";
import * as places from "../places/places.service";
import * as catalogue from "./catalogue.service";
import * as cyclesRepo from "./cycles.repo";
import { isafPolicy } from "./isaf.policy";
import * as repo from "./programmes.repo";

const AUDITED = [
  "nameKm",
  "nameEn",
  "donor",
  "leadOrganisationId",
  "startYear",
  "endYear",
  "quotaRules",
  "partnerIds",
  "communeCodes",
  "indicatorIds",
] as const;

const unique = (values: readonly string[]) => [...new Set(values)];

async function names(ctx: Ctx, ids: readonly (string | null)[]) {
  return organisations.namesOf(
    ctx.db,
    ids.filter((id): id is string => !!id),
  );
}

export async function list(ctx: Ctx) {
  authorize(isafPolicy, "programme:read", ctx.actor, null);
  const [rows, communeCounts, cycleCounts] = await Promise.all([
    repo.list(ctx.db),
    repo.communeCounts(ctx.db),
    cyclesRepo.countByProgramme(ctx.db, ctx.actor),
  ]);
  const orgs = await names(
    ctx,
    rows.map((row) => row.leadOrganisationId),
  );
  return {
    items: rows.map((row) =>
      summary(row, orgs, communeCounts.get(row.id) ?? 0, cycleCounts.get(row.id) ?? 0),
    ),
  };
}

type Names = Awaited<ReturnType<typeof names>>;

function ref(id: string | null, orgs: Names) {
  const name = id ? orgs.get(id) : undefined;
  return id && name ? { id, ...name } : null;
}

function summary(row: repo.ProgrammeRow, orgs: Names, communeCount: number, cycleCount: number) {
  return {
    id: row.id,
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    donor: row.donor,
    leadOrganisation: ref(row.leadOrganisationId, orgs),
    startYear: row.startYear,
    endYear: row.endYear,
    communeCount,
    cycleCount,
    active: row.active,
  };
}

export async function get(ctx: Ctx, id: string) {
  authorize(isafPolicy, "programme:read", ctx.actor, null);
  const row = await repo.find(ctx.db, id);
  if (!row) throw notFound("programme");
  const links = await repo.linksOf(ctx.db, id);
  const [orgs, placeRows, cycleCounts] = await Promise.all([
    names(ctx, [row.leadOrganisationId, ...links.partnerIds]),
    places.findMany(ctx.db, unique(links.communeCodes.flatMap(lineageOf))),
    cyclesRepo.countByProgramme(ctx.db, ctx.actor),
  ]);
  const byCode = new Map(placeRows.map((place) => [place.code, place]));
  const placeSummary = (code: string) => {
    const place = byCode.get(code);
    return place
      ? { code, level: place.level, type: place.type, nameKm: place.nameKm, nameEn: place.nameEn }
      : null;
  };
  return {
    ...summary(row, orgs, links.communeCodes.length, cycleCounts.get(id) ?? 0),
    partners: links.partnerIds.map((partner) => ref(partner, orgs)).filter((partner) => partner !== null),
    communes: links.communeCodes.flatMap((code) => {
      const commune = placeSummary(code);
      if (!commune) return [];
      const path = lineageOf(code)
        .slice(0, -1)
        .map(placeSummary)
        .filter((place) => place !== null);
      return [{ ...commune, path }];
    }),
    quotaRules: row.quotaRules,
    indicatorIds: links.indicatorIds,
    version: row.version,
    canManage: can(isafPolicy, "programme:manage", ctx.actor, null),
  };
}

/** Every problem of the input at once; nothing is written while there is one. */
async function check(ctx: Ctx, input: z.infer<typeof ProgrammeInput>, before?: repo.Links) {
  const errors: FieldError[] = [];
  if (input.endYear < input.startYear) errors.push({ path: "endYear", code: "end_year_before_start" });
  const placeRows = new Map(
    (await places.findMany(ctx.db, unique(input.communeCodes))).map((p) => [p.code, p]),
  );
  input.communeCodes.forEach((code, index) => {
    const path = `communeCodes.${index}`;
    const place = placeRows.get(code);
    if (!place) errors.push({ path, code: "unknown_place", params: { code } });
    else if (place.level !== "commune")
      errors.push({ path, code: "place_wrong_level", params: { code, level: LEVEL_NAMES.commune } });
    else if (!inArea(ctx.actor, code) && !before?.communeCodes.includes(code))
      errors.push({ path, code: "place_out_of_area", params: { code } });
  });
  // A planner adds and removes only communes of their own area; others' communes stay as they are.
  const kept = new Set(input.communeCodes);
  const removedOutside = (before?.communeCodes ?? []).filter(
    (code) => !kept.has(code) && !inArea(ctx.actor, code),
  );
  const removedPlaces = new Map(
    (await places.findMany(ctx.db, removedOutside)).map((place) => [place.code, place]),
  );
  for (const code of removedOutside) {
    const place = removedPlaces.get(code);
    errors.push({
      path: "communeCodes",
      code: "commune_removal_out_of_area",
      params: { code, name: place ? { km: place.nameKm, en: place.nameEn } : code },
    });
  }
  const orgIds = [input.leadOrganisationId, ...input.partnerOrganisationIds];
  for (const [index, id] of orgIds.entries()) {
    if (id && !(await organisations.exists(ctx.db, id)))
      errors.push({
        path: index === 0 ? "leadOrganisationId" : `partnerOrganisationIds.${index - 1}`,
        code: "unknown_organisation",
      });
  }
  if (input.indicatorIds) {
    const kept = new Set(before?.indicatorIds ?? []);
    const fresh = input.indicatorIds.filter((id) => !kept.has(id));
    const problems = await catalogue.assertOfferedIndicators(ctx.db, fresh, "indicatorIds");
    for (const problem of problems) {
      const index = input.indicatorIds.indexOf(fresh[Number(problem.path.split(".")[1])]);
      errors.push({ ...problem, path: `indicatorIds.${index}` });
    }
  }
  if (errors.length) throw badRequest("validation_failed", errors);
}

function columns(input: z.infer<typeof ProgrammeInput>) {
  return {
    nameKm: input.nameKm,
    nameEn: input.nameEn,
    donor: input.donor ?? null,
    leadOrganisationId: input.leadOrganisationId ?? null,
    startYear: input.startYear,
    endYear: input.endYear,
    quotaRules: input.quotaRules ?? DEFAULT_QUOTA_RULES,
  };
}

export async function create(ctx: Ctx, input: z.infer<typeof ProgrammeInput>) {
  const id = uuidv7();
  await creation(ctx, {
    requires: requires(isafPolicy, "programme:manage"),
    input,
    check: (programme) => check(ctx, programme),
    write: async (tx, programme) => {
      const links: repo.Links = {
        partnerIds: unique(programme.partnerOrganisationIds).sort(),
        communeCodes: unique(programme.communeCodes).sort(),
        indicatorIds: unique(programme.indicatorIds ?? (await catalogue.activeIndicatorIds(tx))).sort(),
      };
      const row = await repo.insert(tx, { id, ...columns(programme), createdBy: ctx.actor.id });
      await repo.replaceLinks(tx, id, links);
      return { ...row, ...links };
    },
    audit: (_input, row) => ({
      action: "programme.created",
      entityType: "programme",
      entityId: id,
      changes: created(row, AUDITED),
    }),
  });
  return get(ctx, id);
}

export async function update(ctx: Ctx, id: string, input: z.infer<typeof ProgrammeUpdate>) {
  await command(ctx, {
    entity: "programme",
    requires: requires(isafPolicy, "programme:manage"),
    load: async (db) => {
      const row = await repo.find(db, id);
      return row && { row, links: await repo.linksOf(db, id) };
    },
    check: (before) => check(ctx, input, before.links),
    write: async (tx, before, now) => {
      const row = await repo.update(tx, id, input.version, columns(input), now);
      if (!row) return undefined;
      const links: repo.Links = {
        partnerIds: unique(input.partnerOrganisationIds).sort(),
        communeCodes: unique(input.communeCodes).sort(),
        indicatorIds: unique(input.indicatorIds ?? before.links.indicatorIds).sort(),
      };
      await repo.replaceLinks(tx, id, links);
      return { ...row, ...links };
    },
    audit: (before, after) => ({
      action: "programme.updated",
      entityType: "programme",
      entityId: id,
      changes: diff({ ...before.row, ...before.links }, after, AUDITED),
    }),
  });
  return get(ctx, id);
}

/** Programmes as the audit log names them. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const rows = await repo.namesOf(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { km: row.nameKm, en: row.nameEn }]));
}
