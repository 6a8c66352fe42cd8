import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Issue 12, part 1: no repository read of an owned table without a scope, enforced here rather than
 * by convention. Every top-level declaration of the server's code that reads one of these tables must
 * say how the read is scoped: by an actor's scope (an ability's `.where(actor)`, `areaPredicate`, the
 * module's `scope(actor)`; or a comment `scoped: <how>` for a scope of its own, such as an upload's
 * owner), or by a comment `unscoped: <why>` for the reads that are the system's and
 * not a user's (a job, a public figure, a look-up by a key the caller was already allowed to use).
 * Tables join this list as their modules are brought onto the access kernel (docs/mechanisms/access.md).
 */
const SCOPED_TABLES: Record<string, string> = {
  audit_events: "auditEvents",
  feedback_messages: "feedbackMessages",
  upload_sessions: "uploadSessions",
};

const SERVER = path.join(import.meta.dirname, "..");

function readsOf(text: string): string[] {
  const found = new Set<string>();
  for (const [table, name] of Object.entries(SCOPED_TABLES)) {
    const drizzle = new RegExp(`\\.(?:from|innerJoin|leftJoin|rightJoin|fullJoin)\\(\\s*${name}\\b`);
    const raw = new RegExp(`\\b(?:from|join)\\s+"?${table}"?(?![\\w.])`, "i");
    if (drizzle.test(text) || raw.test(text)) found.add(table);
  }
  return [...found];
}

const SCOPED = /\bscope\(|\.where\(actor\)|areaPredicate\(|\b(?:un)?scoped: \S/;

/** The top-level declarations of a source text that read a scoped table without saying how it is scoped. */
export function unscopedReads(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) continue;
    const code = statement.getFullText(source);
    const tables = readsOf(code);
    if (tables.length > 0 && !SCOPED.test(code)) {
      const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1;
      problems.push(`${fileName}:${line} reads ${tables.join(", ")} without a scope`);
    }
  }
  return problems;
}

/** The server's own code: not its tests, fixtures, the schema and migrations in db/, or the seed and demo data in seeding/. */
function serverCode(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory())
      return ["test", "db", "seeding"].includes(entry) ? [] : serverCode(full);
    return /\.ts$/.test(entry) && !/\.test\.ts$|fixtures?\.ts$/.test(entry) ? [full] : [];
  });
}

describe("the scope of every read of an owned table", () => {
  it("is said by each declaration of the server's code that reads one", () => {
    const files = serverCode(SERVER);
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) =>
      unscopedReads(path.relative(SERVER, file), readFileSync(file, "utf8")),
    );
    expect(problems).toEqual([]);
  });

  it("finds a read without a scope, in Drizzle and in SQL, and accepts one with a scope or a reason", () => {
    const bad = `
      export async function all(db) { return db.select().from(feedbackMessages); }
      export const raw = (db) => queryRows(db, sql\`select count(*) from feedback_messages m\`);
      export async function joined(db) { return db.select().from(places).leftJoin(auditEvents, x); }`;
    expect(unscopedReads("bad.ts", bad)).toEqual([
      "bad.ts:2 reads feedback_messages without a scope",
      "bad.ts:3 reads feedback_messages without a scope",
      "bad.ts:4 reads audit_events without a scope",
    ]);
    const good = `
      export async function mine(db, actor) { return db.select().from(feedbackMessages).where(scope(actor)); }
      /** unscoped: the escalation job reads every overdue message. */
      export async function overdue(db) { return db.select().from(feedbackMessages); }
      export async function log(db) { return db.insert(auditEvents).values(x); }`;
    expect(unscopedReads("good.ts", good)).toEqual([]);
  });
});
