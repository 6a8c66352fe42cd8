import path from "node:path";
import { TABLE_OWNERS } from "../../db/schema/owners";
import { cyclesOf, factsOf, isMessageCatalogue, isTestCode, partOf, type SourceFacts } from "./scan";

/**
 * The module boundaries (issue 12, part 4; docs/mechanisms/boundaries.md), as rules over the
 * server's source. Each rule returns its breaches as short lines, so that a failing test names the
 * file and what it crossed.
 */

/**
 * What a module may import from another module: its services, its policy (abilities), its facts (the
 * rollup tables and facts others count in) and its messages.
 */
const PUBLIC_FILE = /\.(service|policy|facts|messages)\.ts$/;

/** What each layer below the modules may import (besides itself). */
const LAYER_MAY_IMPORT: Record<string, RegExp> = {
  paths: /^$/,
  db: /^(paths\.ts$)/,
  platform: /^(paths\.ts|db[/\\].*|modules[/\\][^/\\]+[/\\][^/\\]+\.messages\.ts)$/,
};
/** What no module may import: the parts above the modules. */
const ABOVE_MODULES = new Set(["main", "registries", "seeding", "test"]);

export interface Source {
  path: string;
  facts: SourceFacts;
}

export function sourcesOf(files: Record<string, string>): Source[] {
  return Object.entries(files).map(([file, text]) => ({ path: file, facts: factsOf(file, text) }));
}

/** The tables a file names: schema imports by their SQL name, and SQL text. */
function tablesOf(source: Source, schema: Map<string, string>): string[] {
  const named = source.facts.schemaNames.flatMap((name) => schema.get(name) ?? []);
  const known = new Set(schema.values());
  return [...new Set([...named, ...source.facts.sqlTables.filter((table) => known.has(table))])].sort();
}

/** A module's code names only its own tables; the platform names only the platform's and the audit log. */
export function tableCrossings(sources: Source[], schema: Map<string, string>): string[] {
  const breaches: string[] = [];
  for (const source of sources) {
    if (isTestCode(source.path)) continue;
    const part = partOf(source.path);
    const own = part.startsWith("modules/")
      ? [part.slice("modules/".length)]
      : part === "platform"
        ? ["platform", "audit"]
        : null;
    if (!own) continue;
    for (const table of tablesOf(source, schema)) {
      const owner = TABLE_OWNERS[table];
      if (!own.includes(owner)) breaches.push(`${source.path} names ${table} (owned by ${owner})`);
    }
  }
  return breaches.sort();
}

/** Tables of the schema that have no owner in db/schema/owners.ts, and owners' entries for no table. */
export function unownedTables(schema: Map<string, string>): string[] {
  const tables = new Set(schema.values());
  return [
    ...[...tables].filter((table) => !(table in TABLE_OWNERS)).map((table) => `${table} has no owner`),
    ...Object.keys(TABLE_OWNERS)
      .filter((table) => !tables.has(table))
      .map((table) => `${table} is owned but not in the schema`),
  ].sort();
}

/** A module imports another module only through its public files; layers import only what is below them. */
export function importCrossings(sources: Source[]): string[] {
  const breaches: string[] = [];
  for (const source of sources) {
    if (isTestCode(source.path)) continue;
    const from = partOf(source.path);
    for (const target of source.facts.imports) {
      const to = partOf(target);
      if (to === from) continue;
      if (from.startsWith("modules/")) {
        if (ABOVE_MODULES.has(to)) breaches.push(`${source.path} imports ${target}, above the modules`);
        else if (to.startsWith("modules/") && !PUBLIC_FILE.test(target)) {
          breaches.push(`${source.path} imports ${target}, not a service, policy, facts or messages file`);
        }
      } else if (from in LAYER_MAY_IMPORT && !LAYER_MAY_IMPORT[from].test(target)) {
        breaches.push(`${source.path} imports ${target}, above ${from}`);
      }
    }
  }
  return breaches.sort();
}

/** The parts of the server that import each other in a ring (message catalogues are data, not a dependency). */
export function partCycles(sources: Source[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const source of sources) {
    if (isTestCode(source.path)) continue;
    const from = partOf(source.path);
    for (const target of source.facts.imports) {
      const to = partOf(target);
      if (to === from || isMessageCatalogue(target) || isTestCode(target)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return cyclesOf(edges).map((cycle) => `${cycle.join(" ⇄ ")} import each other`);
}

export const normalise = (file: string) => file.split(path.sep).join("/");
