import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import { FacilityInput, IMPORT_REQUIRED_COLUMNS, type ImportReport } from "../../../contracts/facilities";
import type { Db } from "../../db/database";
import { facilities } from "../../db/schema";
import { inArea } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { type AuditEvent, bilingualLabel, created, diff } from "../../platform/audit";
import { command, creation, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, type FieldError, notFound } from "../../platform/errors";
import { message } from "../../platform/messages";
import { fieldErrorsFromZod } from "../../platform/validation";
import { facilityPolicy } from "./facilities.policy";
import { AUDITED_FIELDS, auditable, columnsOf } from "./facilities.record";
import * as repo from "./facilities.repo";
import { referenceSets } from "./facilities.service";
import { checkReferences, type ReferenceSets } from "./facilities.validation";
import { readSheet, type SheetRow } from "./spreadsheet";

export const MAX_IMPORT_ROWS = 20_000;

/** Which spreadsheet column each input field comes from (for the row report). */
const COLUMN_OF: Record<string, string> = {
  code: "code",
  kindCode: "kind",
  nameKm: "name_km",
  nameEn: "name_en",
  communeCode: "commune_code",
  villageCode: "village_code",
  lat: "lat",
  lng: "lng",
  contactName: "contact_name",
  phone: "phone",
  email: "email",
  address: "address",
  serviceTypeCodes: "services",
  catchmentCodes: "catchment",
};

interface StoredRow {
  row: number;
  code: string;
  nameEn: string;
  action: "create" | "update" | null;
  existingId: string | null;
  input: FacilityInput | null;
  problems: FieldError[];
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter(Boolean);
const numberOrNull = (value: string | undefined) => (value ? Number(value.replace(",", ".")) : null);

function candidate(values: Record<string, string>) {
  return {
    code: values.code ?? "",
    kindCode: (values.kind ?? "").toUpperCase(),
    nameKm: values.name_km ?? "",
    nameEn: values.name_en ?? "",
    communeCode: values.commune_code ?? "",
    villageCode: values.village_code || null,
    lat: numberOrNull(values.lat),
    lng: numberOrNull(values.lng),
    contactName: values.contact_name ?? "",
    phone: values.phone ?? "",
    email: values.email ?? "",
    address: values.address ?? "",
    serviceTypeCodes: list(values.services),
    catchmentCodes: list(values.catchment),
  };
}

/**
 * Step 1 of an import: read the file, check every row as the form would, and keep the result.
 * Nothing reaches the registry until the user commits (step 2), having seen the row report.
 */
export async function validateImport(ctx: Ctx, fileName: string, data: Buffer): Promise<ImportReport> {
  const id = uuidv7();
  // The file is read and checked once the caller may import (403 first), in `check`; the write keeps it.
  let rows: StoredRow[] = [];
  await creation(ctx, {
    requires: requires(facilityPolicy, "facility:import"),
    input: { id, fileName },
    check: async () => {
      rows = await checkRows(ctx, await readImportSheet(fileName, data));
    },
    write: async (tx, input) => {
      const validRows = rows.filter((row) => row.problems.length === 0).length;
      await repo.insertImport(tx, {
        ...input,
        userId: ctx.actor.id,
        status: "validated",
        totalRows: rows.length,
        validRows,
        rows,
      });
      return { validRows };
    },
    audit: (input, { validRows }) => ({
      action: "facility_import.validated",
      entityType: "facility_import",
      entityId: input.id,
      changes: { fileName, totalRows: rows.length, validRows },
    }),
  });
  return report(ctx, { id, fileName, status: "validated", importedRows: 0, rows });
}

/** The sheet's rows, refused (400) when the file cannot be an import: its type, shape or size. */
async function readImportSheet(fileName: string, data: Buffer): Promise<SheetRow[]> {
  if (!/\.(csv|xlsx)$/i.test(fileName)) throw badRequest("import_file_type");
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(fileName, data);
  } catch (error) {
    throw badRequest("import_file_unreadable", [], {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const missing = IMPORT_REQUIRED_COLUMNS.filter((column) => !sheet.headers.includes(column));
  if (missing.length) throw badRequest("import_missing_columns", [], { columns: missing.join(", ") });
  if (sheet.rows.length === 0) throw badRequest("import_empty");
  if (sheet.rows.length > MAX_IMPORT_ROWS)
    throw badRequest("import_too_many_rows", [], { max: MAX_IMPORT_ROWS });
  return sheet.rows;
}

async function checkRows(ctx: Ctx, sheetRows: SheetRow[]): Promise<StoredRow[]> {
  const candidates = sheetRows.map((row) => ({ row: row.row, values: candidate(row.values) }));
  const placeCodes = new Set<string>();
  for (const { values } of candidates) {
    for (const code of [values.communeCode, values.villageCode, ...values.catchmentCodes])
      if (code) placeCodes.add(code);
  }
  const [refs, existing] = await Promise.all([
    referenceSets(ctx.db, [...placeCodes]),
    repo.findByCodes(ctx.db, candidates.map((c) => c.values.code).filter(Boolean)),
  ]);
  const existingByCode = new Map(existing.map((row) => [row.code.toLowerCase(), row]));
  const seen = new Map<string, number>();
  for (const { values } of candidates) {
    const key = values.code.toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return candidates.map(({ row, values }) => {
    const parsed = FacilityInput.safeParse(values);
    const problems: FieldError[] = parsed.success
      ? checkReferences(parsed.data, refs, ctx.actor)
      : allProblems(values, parsed.error.issues, refs, ctx.actor);
    const key = values.code.toLowerCase();
    if (values.code && (seen.get(key) ?? 0) > 1)
      problems.push({ path: "code", code: "duplicate_in_file", params: { code: values.code } });
    const clash = existingByCode.get(key);
    // A code held by a facility outside the user's area cannot be updated from here, and must not be revealed.
    if (clash && !inArea(ctx.actor, clash.communeCode)) {
      problems.push({ path: "code", code: "duplicate_facility_code", params: { code: values.code } });
    }
    return {
      row,
      code: values.code,
      nameEn: values.nameEn,
      action: problems.length ? null : clash ? "update" : "create",
      existingId: clash?.id ?? null,
      input: parsed.success ? parsed.data : null,
      problems,
    };
  });
}

/**
 * Shape problems AND reference problems of a row that failed the schema, so that a person fixes a
 * row in one round: the references of the fields that did parse are checked too.
 */
function allProblems(
  values: ReturnType<typeof candidate>,
  issues: z.core.$ZodIssue[],
  refs: ReferenceSets,
  actor: Actor,
): FieldError[] {
  const shape = fieldErrorsFromZod(issues);
  const reported = new Set(shape.map((problem) => problem.path.split(".")[0]));
  // The raw values have the input's field names; fields the schema refused are left to its message.
  const references = checkReferences(values as unknown as FacilityInput, refs, actor).filter(
    (problem) => !reported.has(problem.path.split(".")[0]),
  );
  return [...shape, ...references];
}

function report(
  ctx: Ctx,
  data: {
    id: string;
    fileName: string;
    status: ImportReport["status"];
    importedRows: number;
    rows: StoredRow[];
  },
): ImportReport {
  const validRows = data.rows.filter((row) => row.problems.length === 0).length;
  return {
    id: data.id,
    fileName: data.fileName,
    status: data.status,
    totalRows: data.rows.length,
    validRows,
    invalidRows: data.rows.length - validRows,
    importedRows: data.importedRows,
    rows: data.rows.map((row) => ({
      row: row.row,
      code: row.code,
      nameEn: row.nameEn,
      action: row.action,
      problems: row.problems.map((problem) => ({
        column: COLUMN_OF[problem.path.split(".")[0]] ?? problem.path,
        code: problem.code,
        message: message(problem.code, ctx.locale, problem.params),
      })),
    })),
  };
}

async function loadOwnImport(ctx: Ctx, id: string) {
  const row = await repo.findOwnImport(ctx.db, ctx.actor.id, id);
  if (!row) throw notFound("import");
  return row;
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportReport> {
  const stored = await loadOwnImport(ctx, id);
  return report(ctx, { ...stored, rows: stored.rows as StoredRow[] });
}

/**
 * Step 2: writes the checked rows. With errors in the file nothing is written unless the user asked
 * for the good rows only. The rows are checked again first (the registry may have changed since),
 * and everything, audit events included, commits in one transaction.
 */
export async function commitImport(ctx: Ctx, id: string, onlyValidRows: boolean): Promise<ImportReport> {
  // The rows still good when checked again, worked out in `check` and written by `write`.
  let good: StoredRow[] = [];
  await command(ctx, {
    entity: "import",
    requires: requires(facilityPolicy, "facility:import"),
    load: (db) => repo.findOwnImport(db, ctx.actor.id, id),
    check: async (stored) => {
      if (stored.status !== "validated") throw new AppError(409, "import_not_pending");
      const previous = stored.rows as StoredRow[];
      const invalid = previous.filter((row) => row.problems.length > 0).length;
      if (invalid > 0 && !onlyValidRows) throw badRequest("import_has_errors", [], { count: invalid });
      const recheck = await checkRows(
        ctx,
        previous
          .filter((row) => row.problems.length === 0 && row.input)
          .map((row) => ({ row: row.row, values: toValues(row.input!) })),
      );
      good = recheck.filter((row) => row.problems.length === 0 && row.input);
      if (good.length === 0) throw badRequest("import_nothing_valid");
    },
    write: async (tx, _stored, now) => {
      const written = await writeRows(tx, ctx, id, good, now);
      await repo.markImportCommitted(tx, id, good.length, now);
      return written;
    },
    // One event per facility, with the same field changes a form save would record, then the import's.
    audit: (stored, { events, created: createdCount, updated }) => [
      ...events,
      {
        action: "facility_import.committed",
        entityType: "facility_import",
        entityId: id,
        changes: {
          created: createdCount,
          updated,
          skipped: (stored.rows as StoredRow[]).length - good.length,
        },
      },
    ],
  });
  await repo.analyze(ctx.db);
  return getImport(ctx, id);
}

/**
 * Writes checked rows in bulk: new facilities inserted, existing ones updated (version bumped, so a
 * form open elsewhere gets a conflict), their services and catchment replaced. Answers one audit event
 * per facility with the same field changes a form save would record.
 */
async function writeRows(tx: Db, ctx: Ctx, importId: string, rows: StoredRow[], now: Date) {
  const creates = rows.filter((row) => row.action === "create");
  const updates = rows.filter((row) => row.action === "update");
  const idOf = new Map(rows.map((row) => [row.row, row.existingId ?? uuidv7()]));
  const before = new Map(
    (
      await repo.findManyWithLinks(
        tx,
        updates.map((row) => row.existingId!),
      )
    ).map((b) => [b.row.id, b]),
  );

  await repo.insertMany(
    tx,
    creates.map((row) => ({ id: idOf.get(row.row)!, ...columnsOf(row.input!), createdBy: ctx.actor.id })),
  );
  for (const row of updates) {
    await tx
      .update(facilities)
      .set({ ...columnsOf(row.input!), version: sql`${facilities.version} + 1`, updatedAt: now })
      .where(eq(facilities.id, row.existingId!));
  }
  const services = rows.flatMap((row) =>
    [...new Set(row.input!.serviceTypeCodes)].map((serviceTypeCode) => ({
      facilityId: idOf.get(row.row)!,
      serviceTypeCode,
    })),
  );
  const catchment = rows.flatMap((row) =>
    [...new Set(row.input!.catchmentCodes)].map((placeCode) => ({
      facilityId: idOf.get(row.row)!,
      placeCode,
    })),
  );
  await repo.replaceLinksOfMany(tx, [...idOf.values()], services, catchment);

  const events: AuditEvent[] = rows.map((row) => {
    const input = row.input!;
    const after = auditable(input, input.serviceTypeCodes, input.catchmentCodes);
    const old = row.existingId ? before.get(row.existingId) : undefined;
    const changes = old
      ? diff(auditable(old.row, old.services, old.catchment), after, AUDITED_FIELDS)
      : created(after, AUDITED_FIELDS);
    return {
      action: old ? "facility.updated" : "facility.created",
      entityType: "facility",
      entityId: idOf.get(row.row)!,
      label: bilingualLabel(input),
      placeCode: input.communeCode,
      changes: { ...changes, importId },
    };
  });
  return { events, created: creates.length, updated: updates.length };
}

/** A checked input back to spreadsheet values, for checking it again at commit time. */
function toValues(input: FacilityInput): Record<string, string> {
  return {
    code: input.code,
    kind: input.kindCode,
    name_km: input.nameKm,
    name_en: input.nameEn,
    commune_code: input.communeCode,
    village_code: input.villageCode ?? "",
    lat: input.lat?.toString() ?? "",
    lng: input.lng?.toString() ?? "",
    contact_name: input.contactName ?? "",
    phone: input.phone ?? "",
    email: input.email ?? "",
    address: input.address ?? "",
    services: input.serviceTypeCodes.join(";"),
    catchment: input.catchmentCodes.join(";"),
  };
}
