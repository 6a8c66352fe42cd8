import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  ability,
  actorIs,
  allOf,
  anyOf,
  assignedTo,
  everywhere,
  heldByOffice,
  inArea,
  type Subject,
} from "./abilities";
import type { Actor } from "./actor";

/** The kernel's rules on made-up records (issue 12, part 1): deny by default, grants by role, scopes as check and SQL. */
interface Visit {
  communeCode: string;
  workerIds: string[];
  officeId: string | null;
}
const visit: Subject<Visit> = {
  name: "visit",
  place: { of: (v) => v.communeCode, sql: sql.raw(`"commune_code"`) },
  assignees: { of: (v) => v.workerIds, sql: (userId) => sql`${userId} = any("worker_ids")` },
  office: { of: (v) => v.officeId, sql: sql.raw(`"office_id"`) },
};

const actor = (over: Partial<Actor>): Actor => ({
  id: "u1",
  username: "u1",
  displayName: "U1",
  roles: [],
  area: { national: false, codes: ["1501"] },
  locale: "en",
  organisationId: "o1",
  facilities: [],
  mustEnrolTotp: false,
  ...over,
});

const inPursat: Visit = { communeCode: "150101", workerIds: ["u1"], officeId: "o2" };
const inBattambang: Visit = { communeCode: "020101", workerIds: [], officeId: "o1" };

const read = ability<Visit>("visit:read", [
  { roles: ["social_worker"], scope: allOf(inArea(visit), assignedTo(visit)) },
  { roles: ["supervisor"], scope: anyOf(inArea(visit), heldByOffice(visit)) },
]);

const dialect = new PgDialect();
const text = (query: ReturnType<typeof read.where>) => dialect.sqlToQuery(query);

describe("an ability declared once", () => {
  it("is denied to a role without a grant, whatever the record", () => {
    const viewer = actor({ roles: ["viewer"] });
    expect(read.allows(viewer, inPursat)).toBe(false);
    expect(read.heldBy(viewer)).toBe(false);
    expect(text(read.where(viewer)).sql).toBe("false");
  });

  it("checks a record against the grants of the actor's roles only", () => {
    const worker = actor({ roles: ["social_worker"] });
    expect(read.allows(worker, inPursat)).toBe(true);
    expect(read.allows(worker, { ...inPursat, workerIds: ["someone"] })).toBe(false);
    expect(read.allows(worker, inBattambang)).toBe(false);
    const supervisor = actor({ roles: ["supervisor"] });
    expect(read.allows(supervisor, { ...inPursat, workerIds: [] })).toBe(true);
    // Held by her office, though out of her area.
    expect(read.allows(supervisor, inBattambang)).toBe(true);
    expect(read.allows(supervisor, { ...inBattambang, officeId: "o9" })).toBe(false);
  });

  it("says the same scope as SQL, joining the grants the actor holds", () => {
    const worker = text(read.where(actor({ roles: ["social_worker"] })));
    expect(worker.sql).toBe(`(("commune_code" like any($1::text[]) and $2 = any("worker_ids")))`);
    expect(worker.params).toEqual([["1501%"], "u1"]);
    const both = text(read.where(actor({ roles: ["social_worker", "supervisor"] })));
    expect(both.sql).toBe(
      `(("commune_code" like any($1::text[]) and $2 = any("worker_ids")) or ("commune_code" like any($3::text[]) or "office_id" = $4))`,
    );
    expect(text(read.where(actor({ roles: ["supervisor"], organisationId: null }))).sql).toBe(
      `(("commune_code" like any($1::text[]) or false))`,
    );
  });

  it("lists its roles, and offers in menus only what an actor's conditions allow", () => {
    expect(read.roles).toEqual(["social_worker", "supervisor"]);
    const settings = ability<null>("settings:manage", [
      { roles: ["admin"], scope: actorIs("national", (a) => a.area.national) },
    ]);
    expect(settings.heldBy(actor({ roles: ["admin"] }))).toBe(false);
    expect(settings.heldBy(actor({ roles: ["admin"], area: { national: true, codes: [] } }))).toBe(true);
    const everyone = ability<null>("x", [{ roles: ["viewer"], scope: everywhere() }]);
    expect(everyone.allows(actor({ roles: ["viewer"] }), null)).toBe(true);
  });
});
