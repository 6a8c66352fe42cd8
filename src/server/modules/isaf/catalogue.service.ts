import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { AuditAction, RecordName } from "../../../contracts/audit-actions";
import type {
  IndicatorCreate,
  IndicatorQuery,
  IndicatorStatusChange,
  IndicatorUpdate,
} from "../../../contracts/isaf";
import { ISAF_SECTORS } from "../../../contracts/isaf";
import type { Db } from "../../db/database";
import { authorize } from "../../platform/access";
import { audit, created, diff } from "../../platform/audit";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, type FieldError, notFound } from "../../platform/errors";
import * as media from "../media/media.service";
import * as repo from "./catalogue.repo";
import { isafPolicy } from "./isaf.policy";

const AUDITED = [
  "code",
  "sectorCode",
  "nameKm",
  "nameEn",
  "nameEnIsTranslation",
  "status",
  "duplicateOfId",
  "sourceNote",
] as const;

function present(
  row: repo.IndicatorRow,
  languages: Map<string, string[]>,
  byId: Map<string, repo.IndicatorRow>,
) {
  const original = row.duplicateOfId ? byId.get(row.duplicateOfId) : undefined;
  return {
    id: row.id,
    code: row.code,
    sectorCode: row.sectorCode,
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    nameEnIsTranslation: row.nameEnIsTranslation,
    source: row.source,
    status: row.status,
    duplicateOfId: row.duplicateOfId,
    duplicateOf: original
      ? { id: original.id, code: original.code, nameKm: original.nameKm, nameEn: original.nameEn }
      : null,
    sourceNote: row.sourceNote,
    audioLanguages: languages.get(row.id) ?? [],
    version: row.version,
  };
}

async function presentMany(db: Db, rows: repo.IndicatorRow[]) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = rows.map((row) => row.duplicateOfId).filter((id): id is string => !!id && !byId.has(id));
  for (const row of await repo.findIndicators(db, [...new Set(missing)])) byId.set(row.id, row);
  const languages = await repo.audioLanguages(db, "indicator");
  return rows.map((row) => present(row, languages, byId));
}

export async function listIndicators(ctx: Ctx, query: z.infer<typeof IndicatorQuery>) {
  authorize(isafPolicy, "catalogue:read", ctx.actor, null);
  const rows = await repo.listIndicators(ctx.db, {
    sector: query.sector,
    status: query.status,
    programmeId: query.programme,
  });
  return { items: await presentMany(ctx.db, rows) };
}

export async function getIndicator(ctx: Ctx, id: string) {
  authorize(isafPolicy, "catalogue:read", ctx.actor, null);
  const row = await repo.findIndicator(ctx.db, id);
  if (!row) throw notFound("indicator");
  const [presented] = await presentMany(ctx.db, [row]);
  return presented;
}

/**
 * A new code "<sector>-<prefix><n>" after the highest of that prefix. `tx` must be a transaction: the
 * sector's lock, held until it ends, makes concurrent callers number one after the other.
 */
async function nextCode(tx: Db, sectorCode: string, prefix: string, pad: number) {
  await repo.lockCodesOf(tx, sectorCode);
  const { number, sortOrder } = await repo.highestNumber(tx, prefix);
  return { code: `${prefix}${String(number + 1).padStart(pad, "0")}`, sortOrder: sortOrder + 1 };
}

/** A catalogue keeper adds an indicator of their own: active at once, code "<sector>-<nn>". */
export async function createIndicator(ctx: Ctx, input: z.infer<typeof IndicatorCreate>) {
  const row = await creation(ctx, {
    requires: requires(isafPolicy, "catalogue:manage"),
    input,
    write: async (tx, indicator) => {
      const { code, sortOrder } = await nextCode(tx, indicator.sectorCode, `${indicator.sectorCode}-`, 2);
      return repo.insertIndicator(tx, {
        id: uuidv7(),
        code,
        sectorCode: indicator.sectorCode,
        nameKm: indicator.nameKm,
        nameEn: indicator.nameEn,
        nameEnIsTranslation: indicator.nameEnIsTranslation,
        source: "programme",
        status: "active",
        sourceNote: indicator.sourceNote ?? null,
        sortOrder,
        createdBy: ctx.actor.id,
      });
    },
    audit: (_input, inserted) => ({
      action: "indicator.created",
      entityType: "indicator",
      entityId: inserted.id,
      changes: created(inserted, AUDITED),
    }),
  });
  return getIndicator(ctx, row.id);
}

/**
 * For the score-card meeting (contract): an indicator raised in the participants' own words joins the
 * catalogue as "proposed" (code "<sector>-M-<n>"), in the caller's transaction, audited.
 */
export async function proposeIndicator(
  tx: Db,
  ctx: Ctx,
  input: { sectorCode: string; nameKm: string; nameEn?: string },
): Promise<{ id: string; code: string }> {
  const nameKm = input.nameKm.trim();
  const errors = [];
  if (!(ISAF_SECTORS as readonly string[]).includes(input.sectorCode))
    errors.push({ path: "sectorCode", code: "field_unknown_value" as const });
  if (!nameKm) errors.push({ path: "nameKm", code: "field_required" as const });
  if (errors.length) throw badRequest("validation_failed", errors);
  const { code, sortOrder } = await nextCode(tx, input.sectorCode, `${input.sectorCode}-M-`, 1);
  const nameEn = input.nameEn?.trim() || nameKm;
  const inserted = await repo.insertIndicator(tx, {
    id: uuidv7(),
    code,
    sectorCode: input.sectorCode,
    nameKm: nameKm.slice(0, 200),
    nameEn: nameEn.slice(0, 200),
    nameEnIsTranslation: false,
    source: "meeting",
    status: "proposed",
    sortOrder: sortOrder + 1000,
    createdBy: ctx.actor.id,
  });
  await audit(tx, ctx, {
    action: "indicator.proposed",
    entityType: "indicator",
    entityId: inserted.id,
    changes: created(inserted, AUDITED),
  });
  return { id: inserted.id, code: inserted.code };
}

async function changeIndicator(
  ctx: Ctx,
  id: string,
  version: number,
  action: AuditAction,
  values: (before: repo.IndicatorRow, tx: Db) => Promise<Partial<repo.IndicatorRow>>,
) {
  await command(ctx, {
    entity: "indicator",
    requires: requires(isafPolicy, "catalogue:manage"),
    load: (db) => repo.findIndicator(db, id),
    // The new values are worked out in the transaction: a status change reads the original it names.
    write: async (tx, before, now) => repo.updateIndicator(tx, id, version, await values(before, tx), now),
    audit: (before, updated) => ({
      action,
      entityType: "indicator",
      entityId: id,
      changes: diff(before, updated, AUDITED),
    }),
  });
  return getIndicator(ctx, id);
}

export function updateIndicator(ctx: Ctx, id: string, input: z.infer<typeof IndicatorUpdate>) {
  return changeIndicator(ctx, id, input.version, "indicator.updated", async () => ({
    nameKm: input.nameKm,
    nameEn: input.nameEn,
    nameEnIsTranslation: input.nameEnIsTranslation,
    sourceNote: input.sourceNote ?? null,
  }));
}

/** Accept (active), retire, or mark a duplicate of another indicator that is not itself a duplicate. */
export function changeStatus(ctx: Ctx, id: string, input: z.infer<typeof IndicatorStatusChange>) {
  return changeIndicator(ctx, id, input.version, `indicator.${input.status}`, async (before, tx) => {
    if (input.status !== "duplicate") {
      if (before.status === input.status) throw new AppError(409, "indicator_status_unchanged");
      return { status: input.status, duplicateOfId: null };
    }
    if (!input.duplicateOfId)
      throw badRequest("validation_failed", [{ path: "duplicateOfId", code: "duplicate_of_required" }]);
    const original = await repo.findIndicator(tx, input.duplicateOfId);
    if (!original || original.id === id || original.status === "duplicate")
      throw badRequest("validation_failed", [{ path: "duplicateOfId", code: "duplicate_of_invalid" }]);
    if (before.status === "duplicate" && before.duplicateOfId === original.id)
      throw new AppError(409, "indicator_status_unchanged");
    return { status: "duplicate", duplicateOfId: original.id };
  });
}

export async function ratingScale(ctx: Ctx) {
  authorize(isafPolicy, "catalogue:read", ctx.actor, null);
  const [points, languages] = await Promise.all([
    repo.ratingPoints(ctx.db),
    repo.audioLanguages(ctx.db, "rating"),
  ]);
  return {
    items: points.map((point) => ({ ...point, audioLanguages: languages.get(String(point.value)) ?? [] })),
  };
}

async function ownerExists(db: Db, owner: repo.AudioOwner, key: string): Promise<boolean> {
  if (owner === "indicator") return (await repo.findIndicator(db, key)) !== undefined;
  return (await repo.ratingPoints(db)).some((point) => String(point.value) === key);
}

/**
 * Uploads (or replaces) the audio of an indicator or a scale point in one language, audited.
 * `readUpload` reads the request's file; it runs only once the caller may manage the catalogue and
 * the indicator or scale point exists, so nobody else can make the server hold a file in memory.
 */
export async function putAudio(
  ctx: Ctx,
  owner: repo.AudioOwner,
  key: string,
  language: string,
  readUpload: () => Promise<media.Upload | null>,
) {
  let upload: media.Upload | null = null;
  const { stored } = await command(ctx, {
    entity: owner === "indicator" ? "indicator" : "rating",
    requires: requires(isafPolicy, "catalogue:manage"),
    load: async (db) => (await ownerExists(db, owner, key)) || null,
    check: async () => {
      upload = await readUpload();
      if (!upload) throw badRequest("media_file_missing");
    },
    write: async (tx, _owner, now) => {
      const previous = await repo.findAudio(tx, owner, key, language);
      const stored = await media.store(tx, ctx.actor.id, upload as media.Upload, media.AUDIO_TYPES);
      await repo.setAudio(tx, owner, key, language, stored.id, now);
      return { previous, stored };
    },
    audit: (_owner, { previous, stored }) => ({
      action: previous ? `${owner}.audio_replaced` : `${owner}.audio_added`,
      entityType: owner,
      entityId: owner === "indicator" ? key : null,
      changes: {
        [`audio.${language}`]: { from: previous?.mediaId ?? null, to: stored.id },
        ...(owner === "rating" ? { value: { from: null, to: Number(key) } } : {}),
      },
    }),
  });
  return { language, contentType: stored.contentType, byteSize: stored.byteSize };
}

/** The audio file (any signed-in user); 404 when there is none in that language. */
export async function getAudio(ctx: Ctx, owner: repo.AudioOwner, key: string, language: string) {
  authorize(isafPolicy, "catalogue:read", ctx.actor, null);
  const link = await repo.findAudio(ctx.db, owner, key, language);
  const file = link ? await media.load(ctx.db, link.mediaId) : null;
  if (!file) throw notFound("audio");
  return file;
}

/** Field errors (at `path`.i) for ids that are not known, offered (active) indicators. */
export async function assertOfferedIndicators(
  db: Db,
  ids: readonly string[],
  path: string,
): Promise<FieldError[]> {
  const rows = new Map((await repo.findIndicators(db, [...new Set(ids)])).map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    const row = rows.get(id);
    if (!row) errors.push({ path: `${path}.${index}`, code: "unknown_indicator" });
    else if (row.status !== "active")
      errors.push({ path: `${path}.${index}`, code: "indicator_not_offered" });
  });
  return errors;
}

export const activeIndicatorIds = (db: Db) => repo.activeIdsOf(db, ISAF_SECTORS);

/** Whether a meeting of this cycle may raise the indicator: active, of the sector, in the programme's catalogue if any. */
export const offeredToCycle = (db: Db, cycleId: string, indicatorId: string) =>
  repo.offeredToCycle(db, cycleId, indicatorId);

/**
 * An indicator as other records show it (a score card's issues and priorities, a JAAP action's
 * indicators, the dashboards' labels): looked up by id instead of joining the catalogue's tables.
 */
export interface IndicatorRef {
  id: string;
  code: string;
  nameKm: string;
  nameEn: string;
  sectorCode: string;
  sortOrder: number;
  status: repo.IndicatorRow["status"];
}

const refOf = (row: repo.IndicatorRow): IndicatorRef => ({
  id: row.id,
  code: row.code,
  nameKm: row.nameKm,
  nameEn: row.nameEn,
  sectorCode: row.sectorCode,
  sortOrder: row.sortOrder,
  status: row.status,
});

/** These indicators (whatever their status), by id, in one query; unknown ids are left out. */
export async function indicatorRefsOf(db: Db, ids: readonly string[]): Promise<Map<string, IndicatorRef>> {
  if (ids.length === 0) return new Map();
  const rows = await repo.findIndicators(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, refOf(row)]));
}

/** Catalogue order: the indicators' sort order, then their code. */
export function byCatalogueOrder(a: IndicatorRef, b: IndicatorRef): number {
  return a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The sector's indicators a plan may name, in catalogue order: active ones, and any others among `alsoIds`. */
export async function offeredIndicators(
  db: Db,
  sectorCode: string,
  alsoIds: readonly string[],
): Promise<IndicatorRef[]> {
  const also = new Set(alsoIds);
  const rows = await repo.listIndicators(db, { sector: sectorCode });
  return rows.filter((row) => row.status === "active" || also.has(row.id)).map(refOf);
}

/** Indicators as the audit log names them: the code and the name. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const refs = await indicatorRefsOf(db, ids);
  return new Map(
    [...refs.values()].map((ref) => [
      ref.id,
      { km: `${ref.code} ${ref.nameKm}`, en: `${ref.code} ${ref.nameEn}` },
    ]),
  );
}
