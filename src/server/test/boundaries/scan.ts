import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Reads the server's source for the boundary test (boundaries.test.ts): which folder each file sits
 * in, what it imports and which tables it names. Pure functions over file texts, so that the test can
 * also show each rule failing on a made-up file.
 */

export const SERVER = path.join(import.meta.dirname, "..", "..");

/**
 * The part of the server a file belongs to: `modules/<name>` for a module, else its top folder
 * (`db`, `platform`, `seeding`, `test`); at the top, `main` for the command line and the app
 * (main.ts, app.ts) and `registries` for the lists of the modules' contributions (jobs, exports,
 * sync, rollups), which seeding may use too. `paths.ts` is a leaf that every layer may use.
 */
export function partOf(relativePath: string): string {
  const [top, second] = relativePath.split(path.sep);
  if (top === "modules") return `modules/${second}`;
  if (relativePath === "paths.ts") return "paths";
  if (relativePath === "main.ts" || relativePath === "app.ts") return "main";
  return top.endsWith(".ts") ? "registries" : top;
}

/** Test code, which may reach anything: tests, fixtures and the test harness. */
export const isTestCode = (relativePath: string) =>
  /\.test\.ts$|fixtures?\.ts$/.test(relativePath) || relativePath.startsWith(`test${path.sep}`);

/** A message catalogue is data (it imports nothing), so pointing at one is no dependency on its module. */
export const isMessageCatalogue = (relativePath: string) => relativePath.endsWith(".messages.ts");

export interface SourceFacts {
  /** Imported and re-exported files, relative to the server folder (other imports left out). */
  imports: string[];
  /** Names imported from the Drizzle schema (db/schema). */
  schemaNames: string[];
  /** SQL table names that follow FROM, JOIN, INTO or UPDATE in the file's strings and templates. */
  sqlTables: string[];
}

const SQL_TABLE = /\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?/gi;

export function factsOf(relativePath: string, text: string): SourceFacts {
  const source = ts.createSourceFile(relativePath, text, ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  const schemaNames: string[] = [];
  const sqlTables = new Set<string>();
  const here = path.dirname(relativePath);
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text.startsWith(".")
    ) {
      const target = path.normalize(path.join(here, node.moduleSpecifier.text));
      if (!target.startsWith("..")) {
        imports.push(`${target}.ts`);
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        const named = clause?.namedBindings;
        if (/^db[/\\]schema(?:[/\\]|$)/.test(target) && named && ts.isNamedImports(named)) {
          for (const element of named.elements) schemaNames.push((element.propertyName ?? element.name).text);
        }
      }
      return;
    }
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      for (const match of node.text.matchAll(SQL_TABLE)) sqlTables.add(match[1].toLowerCase());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, schemaNames, sqlTables: [...sqlTables] };
}

/** The tables declared in the Drizzle schema: the TypeScript name of each and its SQL name. */
export function schemaTables(): Map<string, string> {
  const tables = new Map<string, string>();
  const dir = path.join(SERVER, "db", "schema");
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const match of text.matchAll(/export const (\w+) = pgTable\(\s*"([a-z0-9_]+)"/g)) {
      tables.set(match[1], match[2]);
    }
  }
  return tables;
}

/** Every TypeScript file of the server, relative to its folder. */
export function serverFiles(dir = SERVER): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "migrations" ? [] : serverFiles(full);
    return entry.endsWith(".ts") ? [path.relative(SERVER, full)] : [];
  });
}

/** The cycles of a graph (its strongly connected components with more than one node), Tarjan's way. */
export function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) connect(node);
  return cycles;
}
