import type { ExportFormat, ExportRequest } from "../../../contracts/exports";
import type { Ctx } from "../../platform/context";
import type { ExportTable } from "./exports.writers";

/**
 * A kind of export, registered by the module that owns its data (src/server/exports.ts lists
 * them): it checks at request time that the requester may have it, and later gives the tables to
 * write, read with the requester's access as it was at request time.
 */
export interface ExportKind<K extends ExportRequest["kind"] = ExportRequest["kind"]> {
  kind: K;
  /** Throws (403, 404) when the requester may not have this export; run when she asks. */
  authorize(ctx: Ctx, params: ParamsOf<K>): Promise<void>;
  /** What to write. `total` is the number of rows, for progress. */
  content(ctx: Ctx, params: ParamsOf<K>, format: ExportFormat): Promise<ExportContent>;
}

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const satisfies Record<ExportFormat, string>;

export type ParamsOf<K extends ExportRequest["kind"]> = Extract<ExportRequest, { kind: K }>["params"];

export interface ExportContent {
  /** The file's name without its extension. */
  baseName: string;
  /** The PDF's heading. */
  title: string;
  total: number;
  /** One table for CSV; a sheet each for XLSX; a section each for PDF. */
  tables: ExportTable[];
}

/** Any one registered kind, each with its own parameters. */
export type AnyExportKind = { [K in ExportRequest["kind"]]: ExportKind<K> }[ExportRequest["kind"]];

/** The kinds a server offers, by name. */
export type ExportKinds = ReadonlyMap<string, AnyExportKind>;

/** Builds the registry; a kind registered twice is a programming error. */
export function exportKinds(kinds: AnyExportKind[]): ExportKinds {
  const registry = new Map<string, AnyExportKind>();
  for (const kind of kinds) {
    if (registry.has(kind.kind)) throw new Error(`export kind ${kind.kind} registered twice`);
    registry.set(kind.kind, kind);
  }
  return registry;
}
