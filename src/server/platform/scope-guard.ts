/**
 * The rule "no repository read of an owned table without a scope" (issue 12, part 1), as a check on
 * SQL text. Every query that reads one of these tables must carry a scope: an ability's `where`
 * (platform/abilities.ts), the area predicate, or `unscoped("why")` for the few reads that are the
 * system's and not a user's (a job, a public page, a look-up by a key the caller already holds).
 * Those helpers leave a marker comment in the SQL; the test suite runs every query through
 * `unscopedRead` (src/server/test/test-database.ts) and fails a test whose code read without one.
 */
import { type SQL, sql } from "drizzle-orm";

/** Tables whose rows belong to a place, a facility or a person: reading them is always scoped. */
export const SCOPED_TABLES = [
  "audit_events",
  "cycles",
  "facilities",
  "feedback_messages",
  "jaap_actions",
  "scorecards",
  "upload_sessions",
  "users",
] as const;

/** The comment an ability's scope or the area predicate leaves in its SQL. */
export const SCOPE_MARK = "/*scoped*/";
const UNSCOPED_MARK = "/*unscoped:";

/** The scope of a read that no user's access limits, with the reason (kept in the SQL for reviewers). */
export function unscoped(reason: string): SQL {
  return sql.raw(`${UNSCOPED_MARK} ${reason.replaceAll("*/", "")} */ true`);
}

const READS = new RegExp(`\\b(?:from|join)\\s+"?(${SCOPED_TABLES.join("|")})"?(?![\\w.])`, "gi");

/**
 * The scoped tables a SELECT reads without any scope marker, or [] when it is fine. Statements that
 * only write (insert, update, delete without a select of their own) are not reads.
 */
export function unscopedRead(query: string): string[] {
  const text = query.trimStart().toLowerCase();
  if (!text.startsWith("select") && !text.startsWith("with") && !text.startsWith("(")) return [];
  if (query.includes(SCOPE_MARK) || query.includes(UNSCOPED_MARK)) return [];
  return [...new Set([...query.matchAll(READS)].map((match) => match[1].toLowerCase()))];
}
