import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditAction, AuditEntityType } from "../../contracts/audit-actions";
import type { Database, Db } from "../db/database";
import { auditEvents } from "../db/schema";
import { queryRows } from "../db/sql";
import { TEST_CIPHER } from "../test/harness";
import { openTestDatabase } from "../test/test-database";
import { ability, areaPredicate, inArea, type Subject } from "./abilities";
import type { Actor } from "./actor";
import { testClock } from "./clock";
import {
  allOf,
  anyOf,
  command,
  commandSteps,
  creation,
  type Requirement,
  requires,
  type Step,
} from "./command";
import type { Ctx } from "./context";
import { AppError, conflict } from "./errors";
import { noJobs } from "./jobs";

/**
 * The one write path (issue 12, part 3) on a made-up table: deny by default, 404 out of scope, 403 in
 * scope without the ability, 409 on a stale version, the audit event in the change's transaction,
 * nothing written when a step throws, the time from the context's clock.
 */
interface Thing {
  id: string;
  placeCode: string;
  name: string;
  version: number;
}

const thing: Subject<Thing> = {
  name: "thing",
  place: { of: (t) => t.placeCode, sql: sql.raw("place_code") },
};
const policy = {
  "thing:edit": ability<Thing>("thing:edit", [{ roles: ["commune_council"], scope: inArea(thing) }]),
  /** Held by nobody: deny by default. */
  "thing:destroy": ability<Thing>("thing:destroy", []),
  "thing:create": ability<Thing>("thing:create", [{ roles: ["commune_council"], scope: inArea(thing) }]),
};

/** The made-up record's audit actions: not in the product's catalogue (contracts/audit-actions.ts). */
const THING = {
  renamed: "thing.renamed" as AuditAction,
  created: "thing.created" as AuditAction,
  locked: "thing.locked" as AuditAction,
  entity: "thing" as AuditEntityType,
};

let database: Database;
const clock = testClock("2026-12-08T03:00:00Z", { frozen: true });

function ctxOf(over: Partial<Actor> = {}): Ctx {
  const actor: Actor = {
    id: "0190f000-0000-7000-8000-000000000001",
    username: "council",
    displayName: "Council",
    roles: ["commune_council"],
    area: { national: false, codes: ["1501"] },
    locale: "en",
    organisationId: null,
    facilities: [],
    mustEnrolTotp: false,
    ...over,
  };
  return { db: database.db, clock, cipher: TEST_CIPHER, jobs: noJobs, actor, ip: "192.0.2.1", locale: "en" };
}

/** Reads a thing in the actor's area, as a module's repo does. */
const load = (ctx: Ctx, id: string) => async (db: Db) =>
  (
    await queryRows<Thing>(
      db,
      sql`select id, place_code as "placeCode", name, version from command_things
          where id = ${id} and ${areaPredicate(ctx.actor, sql.raw("place_code"))}`,
    )
  )[0];

const rename = (ctx: Ctx, id: string, name: string, version: number, fail = false) =>
  command(ctx, {
    entity: "thing",
    load: load(ctx, id),
    requires: requires(policy, "thing:edit", (row: Thing) => row),
    version: { expected: version, of: (row) => row.version },
    write: async (tx, row, now) => {
      const [updated] = await queryRows<Thing & { updatedAt: string }>(
        tx,
        sql`update command_things set name = ${name}, version = version + 1, updated_at = ${now.toISOString()}
            where id = ${row.id} and version = ${version}
            returning id, place_code as "placeCode", name, version, updated_at as "updatedAt"`,
      );
      if (fail) throw new Error("the write failed");
      return updated;
    },
    audit: (row, updated) => ({
      action: THING.renamed,
      entityType: THING.entity,
      entityId: row.id,
      placeCode: row.placeCode,
      changes: { name: { from: row.name, to: updated.name } },
    }),
  });

async function thingRow(id: string) {
  return (
    await queryRows<Thing & { updated_at: string }>(
      database.db,
      sql`select * from command_things where id = ${id}`,
    )
  )[0];
}

const auditsOf = (id: string) => database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table command_things (
    id text primary key, place_code text not null, name text not null, version int not null default 1,
    updated_at timestamptz)`);
  await database.db.execute(sql`insert into command_things (id, place_code, name) values
    ('here', '150101', 'Here'), ('there', '020101', 'There'), ('stale', '150101', 'Stale'),
    ('broken', '150101', 'Broken'), ('denied', '150101', 'Denied'), ('locked', '150101', 'Locked'),
    ('run', '150101', 'Run'), ('faulty', '150101', 'Faulty')`);
});
afterAll(() => database.close());

describe("command", () => {
  it("writes, audits in the same transaction and takes the time from the context's clock", async () => {
    const ctx = ctxOf();
    const updated = await rename(ctx, "here", "Here again", 1);
    expect(updated).toMatchObject({ name: "Here again", version: 2 });
    expect(new Date((await thingRow("here"))!.updated_at).toISOString()).toBe("2026-12-08T03:00:00.000Z");
    const [event] = await auditsOf("here");
    expect(event).toMatchObject({
      action: "thing.renamed",
      actorId: ctx.actor.id,
      ip: "192.0.2.1",
      placeCode: "150101",
      changes: { name: { from: "Here", to: "Here again" } },
    });
  });

  it("answers 404 for a record out of the actor's scope, and for a missing one", async () => {
    const outside = await refusal(rename(ctxOf(), "there", "Mine now", 1));
    expect(outside).toMatchObject({ status: 404, code: "not_found", params: { entity: "thing" } });
    expect(await refusal(rename(ctxOf(), "nowhere", "x", 1))).toMatchObject({ status: 404 });
    expect((await thingRow("there"))!.name).toBe("There");
  });

  it("answers 403 in scope without the ability; an ability nobody is granted is denied", async () => {
    const viewer = ctxOf({ roles: ["viewer"] });
    expect(await refusal(rename(viewer, "denied", "x", 1))).toMatchObject({ status: 403, code: "forbidden" });
    const destroy = command(ctxOf(), {
      entity: "thing",
      load: load(ctxOf(), "denied"),
      requires: requires(policy, "thing:destroy", (row: Thing) => row),
      write: async () => {
        throw new Error("never reached");
      },
      audit: () => null,
    });
    expect(await refusal(destroy)).toMatchObject({ status: 403 });
    expect(await thingRow("denied")).toMatchObject({ name: "Denied", version: 1 });
    expect(await auditsOf("denied")).toHaveLength(0);
  });

  it("checks an ability that does not depend on the record before loading (403 even for a missing one)", async () => {
    const manage = {
      "thing:manage": ability<null>("thing:manage", [
        { roles: ["admin"], scope: { describe: "all", check: () => true, sql: () => sql`true` } },
      ]),
    };
    let loaded = false;
    const attempt = command(ctxOf(), {
      entity: "thing",
      load: async () => {
        loaded = true;
        return undefined;
      },
      requires: requires(manage, "thing:manage"),
      write: async () => 1,
      audit: () => null,
    });
    expect(await refusal(attempt)).toMatchObject({ status: 403 });
    expect(loaded).toBe(false);
  });

  it("answers 409 on a stale version, before writing and when the row moved on under the write", async () => {
    expect(await refusal(rename(ctxOf(), "stale", "x", 7))).toMatchObject({
      status: 409,
      code: "version_conflict",
    });
    // The version matched when loaded, but the write's `where version = …` finds the row moved on.
    const raced = command(ctxOf(), {
      entity: "thing",
      load: load(ctxOf(), "stale"),
      requires: requires(policy, "thing:edit", (row: Thing) => row),
      version: { expected: 1, of: (row) => row.version },
      write: async () => undefined,
      audit: () => ({ action: THING.renamed, entityType: THING.entity, entityId: "stale" }),
    });
    expect(await refusal(raced)).toMatchObject({ status: 409, code: "version_conflict" });
    expect(await thingRow("stale")).toMatchObject({ name: "Stale", version: 1 });
    expect(await auditsOf("stale")).toHaveLength(0);
  });

  it("writes nothing, audit included, when the write throws", async () => {
    await expect(rename(ctxOf(), "broken", "Half done", 1, true)).rejects.toThrow("the write failed");
    expect(await thingRow("broken")).toMatchObject({ name: "Broken", version: 1 });
    expect(await auditsOf("broken")).toHaveLength(0);
  });

  it("writes nothing when the audit or the rollup throws", async () => {
    const failing = (part: "audit" | "rollup") =>
      command(ctxOf(), {
        entity: "thing",
        load: load(ctxOf(), "broken"),
        requires: requires(policy, "thing:edit", (row: Thing) => row),
        write: (tx, row) =>
          queryRows(
            tx,
            sql`update command_things set name = 'changed' where id = ${row.id} returning id`,
          ).then((rows) => rows[0]),
        audit: () => {
          if (part === "audit") throw new Error("no audit");
          return null;
        },
        rollup: async (_tx, _row, write) => {
          const result = await write();
          if (part === "rollup") throw new Error("no rollup");
          return result;
        },
      });
    await expect(failing("audit")).rejects.toThrow("no audit");
    await expect(failing("rollup")).rejects.toThrow("no rollup");
    expect((await thingRow("broken"))!.name).toBe("Broken");
  });
});

describe("command's lock and anyOf", () => {
  it("locks first in the transaction: the rollup and the write see what the lock answers", async () => {
    const steps: string[] = [];
    const result = await command(ctxOf(), {
      entity: "thing",
      load: load(ctxOf(), "locked"),
      requires: requires(policy, "thing:edit", (row: Thing) => row),
      lock: async (tx, row) => {
        steps.push(`lock ${row.name}`);
        const [locked] = await queryRows<Thing>(
          tx,
          sql`select id, place_code as "placeCode", name, version from command_things where id = ${row.id} for update`,
        );
        return { ...locked!, name: `${locked!.name} (locked)` };
      },
      rollup: async (_tx, row, write) => {
        steps.push(`rollup ${row.name}`);
        return write();
      },
      write: async (tx, row) => {
        steps.push(`write ${row.name}`);
        await tx.execute(sql`update command_things set name = 'written' where id = ${row.id}`);
        return row.name;
      },
      audit: (row) => ({ action: THING.locked, entityType: THING.entity, entityId: row.id, label: row.name }),
    });
    expect(result).toBe("Locked (locked)");
    expect(steps).toEqual(["lock Locked", "rollup Locked (locked)", "write Locked (locked)"]);
    expect(await auditsOf("locked")).toMatchObject([
      { action: "thing.locked", entityLabel: "Locked (locked)" },
    ]);
  });

  it("refuses with the lock's error, and writes nothing, when what must hold no longer does", async () => {
    let wrote = false;
    const attempt = command(ctxOf(), {
      entity: "thing",
      load: load(ctxOf(), "denied"),
      requires: requires(policy, "thing:edit", (row: Thing) => row),
      lock: async () => {
        throw conflict("version_conflict");
      },
      write: async () => {
        wrote = true;
        return 1;
      },
      audit: () => ({ action: THING.locked, entityType: THING.entity, entityId: "denied" }),
    });
    expect(await refusal(attempt)).toMatchObject({ status: 409, code: "version_conflict" });
    expect(wrote).toBe(false);
    expect(await auditsOf("denied")).toHaveLength(0);
  });

  it("anyOf: held when one of the abilities is, 403 when none is", async () => {
    const attempt = (requirement: Requirement<Thing>) =>
      command(ctxOf(), {
        entity: "thing",
        load: load(ctxOf(), "denied"),
        requires: requirement,
        write: async () => "done",
        audit: () => null,
      });
    const edit = requires(policy, "thing:edit", (row: Thing) => row);
    const destroy = requires(policy, "thing:destroy", (row: Thing) => row);
    expect(await attempt(anyOf(destroy, edit))).toBe("done");
    expect(await refusal(attempt(anyOf(destroy, destroy)))).toMatchObject({ status: 403, code: "forbidden" });
    // Out of scope is still 404: the abilities are checked on the record once it is loaded.
    const outside = command(ctxOf(), {
      entity: "thing",
      load: load(ctxOf(), "there"),
      requires: anyOf(destroy, edit),
      write: async () => "done",
      audit: () => null,
    });
    expect(await refusal(outside)).toMatchObject({ status: 404 });
  });
});

describe("command's allOf", () => {
  it("is held when every ability is; abilities that do not depend on the record still come before loading", async () => {
    const everyone = {
      "thing:see": ability<null>("thing:see", [
        {
          roles: ["commune_council", "viewer"],
          scope: { describe: "all", check: () => true, sql: () => sql`true` },
        },
      ]),
      "thing:run": ability<null>("thing:run", [
        { roles: ["commune_council"], scope: { describe: "all", check: () => true, sql: () => sql`true` } },
      ]),
    };
    let loaded = 0;
    const attempt = (ctx: Ctx) =>
      command(ctx, {
        entity: "thing",
        load: async () => {
          loaded++;
          return undefined;
        },
        requires: allOf(requires(everyone, "thing:see"), requires(everyone, "thing:run")),
        write: async () => "done",
        audit: () => null,
      });
    // The viewer holds one of the two: 403 before anything is loaded.
    expect(await refusal(attempt(ctxOf({ roles: ["viewer"] })))).toMatchObject({ status: 403 });
    expect(loaded).toBe(0);
    // The council holds both: the record is looked for (and is missing: 404).
    expect(await refusal(attempt(ctxOf()))).toMatchObject({ status: 404 });
    expect(loaded).toBe(1);
  });
});

describe("creation", () => {
  const create = (ctx: Ctx, id: string, placeCode: string) =>
    creation(ctx, {
      requires: requires(policy, "thing:create", (input: Thing) => input),
      input: { id, placeCode, name: id, version: 1 },
      write: (tx, input, now) =>
        queryRows<{ id: string }>(
          tx,
          sql`insert into command_things (id, place_code, name, updated_at)
              values (${input.id}, ${input.placeCode}, ${input.name}, ${now.toISOString()}) returning id`,
        ).then((rows) => rows[0]!),
      audit: (input) => ({
        action: THING.created,
        entityType: THING.entity,
        entityId: input.id,
        placeCode: input.placeCode,
      }),
    });

  it("creates in the actor's area, audited, and refuses (403) a record placed outside it", async () => {
    expect(await create(ctxOf(), "new-here", "150102")).toEqual({ id: "new-here" });
    expect(await auditsOf("new-here")).toHaveLength(1);
    expect(await refusal(create(ctxOf(), "new-there", "020101"))).toMatchObject({ status: 403 });
    expect(await thingRow("new-there")).toBeUndefined();
    expect(await auditsOf("new-there")).toHaveLength(0);
  });
});

describe("commandSteps", () => {
  /** A step that renames the thing it is given (as the steps before left it) unless it is refused. */
  const renameStep = (name: string, refuse?: "value" | "rule" | "write"): Step<Thing, string> => ({
    validate: () => {
      if (refuse === "value") throw new AppError(400, "validation_failed");
    },
    requires: requires(policy, "thing:edit", (row: Thing) => row),
    check: (row) => {
      if (refuse === "rule" && row.name !== "Run") throw conflict("version_conflict");
    },
    write: async (tx, row, now) => {
      const [after] = await queryRows<Thing>(
        tx,
        sql`update command_things set name = ${name}, version = version + 1, updated_at = ${now.toISOString()}
            where id = ${row.id} returning id, place_code as "placeCode", name, version`,
      );
      if (refuse === "write") throw conflict("version_conflict");
      return { row: after!, result: `${row.name} → ${after!.name}` };
    },
    audit: (row, result) => ({
      action: THING.renamed,
      entityType: THING.entity,
      entityId: row.id,
      changes: { result },
    }),
  });

  it("applies each step on what the one before left, and rolls a refused step back alone, audit included", async () => {
    let tracked = 0;
    const answers = await commandSteps(
      ctxOf(),
      {
        entity: "thing",
        load: load(ctxOf(), "run"),
        rollup: async (_tx, _row, write) => {
          const result = await write();
          tracked++;
          return result;
        },
      },
      [renameStep("One"), renameStep("Two", "write"), renameStep("Three", "rule"), renameStep("Four")],
    );
    expect(answers[0]).toBe("Run → One");
    expect((answers[1] as AppError).code).toBe("version_conflict");
    expect((answers[2] as AppError).code).toBe("version_conflict");
    expect(answers[3]).toBe("One → Four");
    expect(tracked).toBe(1);
    expect(await thingRow("run")).toMatchObject({ name: "Four", version: 3 });
    const events = await auditsOf("run");
    expect(events.map((event) => (event.changes as { result: string }).result).sort()).toEqual([
      "One → Four",
      "Run → One",
    ]);
  });

  it("answers each step's own refusal, then 403, before 404 for a missing or out-of-scope record", async () => {
    const denied: Step<Thing, string> = { ...renameStep("x"), requires: requires(policy, "thing:destroy") };
    for (const id of ["there", "nowhere"]) {
      const answers = await commandSteps(ctxOf(), { entity: "thing", load: load(ctxOf(), id) }, [
        renameStep("x", "value"),
        denied,
        renameStep("x"),
      ]);
      expect(answers.map((answer) => (answer as AppError).status)).toEqual([400, 403, 404]);
    }
    expect(await thingRow("there")).toMatchObject({ name: "There", version: 1 });
  });

  it("refuses a step without the ability on the record (403) and lets the next one through", async () => {
    const answers = await commandSteps(ctxOf(), { entity: "thing", load: load(ctxOf(), "denied") }, [
      { ...renameStep("Never"), requires: requires(policy, "thing:destroy", (row: Thing) => row) },
      renameStep("Once"),
    ]);
    expect((answers[0] as AppError).status).toBe(403);
    expect(answers[1]).toBe("Denied → Once");
  });

  it("writes nothing of any step when one faults (not a refusal)", async () => {
    const fault: Step<Thing, string> = {
      ...renameStep("Broken"),
      write: async () => {
        throw new Error("the disk is gone");
      },
    };
    await expect(
      commandSteps(ctxOf(), { entity: "thing", load: load(ctxOf(), "faulty") }, [renameStep("First"), fault]),
    ).rejects.toThrow("the disk is gone");
    expect(await thingRow("faulty")).toMatchObject({ name: "Faulty", version: 1 });
    expect(await auditsOf("faulty")).toHaveLength(0);
  });
});
