import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { isInArea } from "../../domain/places";
import { ROLES, type Role } from "../../domain/roles";
import { arrayParam } from "../db/sql";
import type { Actor } from "./actor";

/**
 * The access kernel (issue 12, part 1). An ability is declared ONCE, as grants: each grant names the
 * roles that hold it and the scope of records they hold it on. From that one declaration come
 * - the check on one record (`allows`), which services call before a change;
 * - the SQL predicate for lists (`where`), which repositories AND into their queries;
 * - the role list (`roles`) and whether an actor holds the ability anywhere (`heldBy`), which the app
 *   uses to show menus.
 * Deny by default: an actor holds an ability on a record only when one of her roles has a grant whose
 * scope contains the record. Read docs/mechanisms/access.md first.
 */

/** One attribute of a record, as a value of the record and, for lists, as SQL over its table. */
export interface Field<R, V> {
  of: (record: R) => V;
  sql?: AnyPgColumn | SQL;
}

/**
 * How the kernel sees a kind of record: where it is (place code), who is assigned to it, which office
 * holds it, at which facility it is. A module declares its subjects next to its abilities.
 */
export interface Subject<R> {
  name: string;
  place?: Field<R, string | null | undefined>;
  /** The users assigned to the record; `sql` is a predicate "this user is assigned". */
  assignees?: { of: (record: R) => readonly string[]; sql?: (userId: string) => SQL };
  /** The organisation (office) that holds the record. */
  office?: Field<R, string | null | undefined>;
  /** The facility the record is at. */
  facility?: Field<R, string | null | undefined>;
}

/** A set of records, as a check on one record and as a SQL predicate. */
export interface Scope<R> {
  /** Says in words what the scope is (error messages, docs, the access test). */
  describe: string;
  check(actor: Actor, record: R): boolean;
  sql(actor: Actor): SQL;
  /**
   * A condition on the actor alone that the scope needs whatever the record (a national area):
   * `heldBy` asks it, so that menus do not offer what the actor could never do.
   */
  actorCondition?: (actor: Actor) => boolean;
}

function sqlOf<R>(
  subject: Subject<R>,
  part: string,
  column: AnyPgColumn | SQL | undefined,
): AnyPgColumn | SQL {
  if (!column) throw new Error(`${subject.name}.${part} has no SQL column: this ability cannot scope a list`);
  return column;
}

/** Every record. */
export function everywhere<R = unknown>(): Scope<R> {
  return { describe: "everywhere", check: () => true, sql: () => sql`true` };
}

/** Records whose place lies in the actor's area. */
export function inArea<R>(subject: Subject<R>): Scope<R> {
  const place = subject.place;
  if (!place) throw new Error(`${subject.name} has no place`);
  return {
    describe: `${subject.name} in the actor's area`,
    check: (actor, record) => {
      const code = place.of(record);
      return code != null && isInArea(code, actor.area);
    },
    sql: (actor) => areaPredicate(actor, sqlOf(subject, "place", place.sql)),
  };
}

/** Records the actor is assigned to. */
export function assignedTo<R>(subject: Subject<R>): Scope<R> {
  const assignees = subject.assignees;
  if (!assignees) throw new Error(`${subject.name} has no assignees`);
  return {
    describe: `${subject.name} assigned to the actor`,
    check: (actor, record) => assignees.of(record).includes(actor.id),
    sql: (actor) => {
      if (!assignees.sql) throw new Error(`${subject.name}.assignees has no SQL`);
      return assignees.sql(actor.id);
    },
  };
}

/** Records held by the actor's own organisation (office). */
export function heldByOffice<R>(subject: Subject<R>): Scope<R> {
  const office = subject.office;
  if (!office) throw new Error(`${subject.name} has no office`);
  return {
    describe: `${subject.name} held by the actor's office`,
    check: (actor, record) => actor.organisationId != null && office.of(record) === actor.organisationId,
    sql: (actor) =>
      actor.organisationId == null
        ? sql`false`
        : sql`${sqlOf(subject, "office", office.sql)} = ${actor.organisationId}`,
  };
}

/** Records at one of the facilities the actor is linked to (a director and her school). */
export function atLinkedFacility<R>(subject: Subject<R>): Scope<R> {
  const facility = subject.facility;
  if (!facility) throw new Error(`${subject.name} has no facility`);
  return {
    describe: `${subject.name} at a facility the actor runs`,
    check: (actor, record) => {
      const id = facility.of(record);
      return id != null && actor.facilities.some((linked) => linked.id === id);
    },
    sql: (actor) =>
      actor.facilities.length === 0
        ? sql`false`
        : sql`${sqlOf(subject, "facility", facility.sql)} = any(${arrayParam(actor.facilities.map((f) => f.id))}::uuid[])`,
  };
}

/** Records where a field names the actor herself (the person responsible for an action). */
export function namesActor<R>(describe: string, field: Field<R, string | null | undefined>): Scope<R> {
  return {
    describe,
    check: (actor, record) => field.of(record) === actor.id,
    sql: (actor) => {
      if (!field.sql) throw new Error(`${describe}: no SQL column`);
      return sql`${field.sql} = ${actor.id}`;
    },
  };
}

/** Records for which an attribute has a value (a flag such as "restricted"). */
export function where<R, V extends string | boolean | number | null>(
  describe: string,
  field: Field<R, V>,
  value: V,
): Scope<R> {
  return {
    describe,
    check: (_actor, record) => field.of(record) === value,
    sql: () => {
      const column = field.sql;
      if (!column) throw new Error(`${describe}: no SQL column`);
      return value === null ? sql`${column} is null` : sql`${column} = ${value}`;
    },
  };
}

/** Every record, for actors that meet a condition (a national area). */
export function actorIs<R = unknown>(describe: string, condition: (actor: Actor) => boolean): Scope<R> {
  return {
    describe,
    check: (actor) => condition(actor),
    sql: (actor) => (condition(actor) ? sql`true` : sql`false`),
    actorCondition: condition,
  };
}

/** A scope that only code can say (kept rare: write `describe` so a reader knows what it means). */
export function custom<R>(describe: string, check: Scope<R>["check"], toSql: Scope<R>["sql"]): Scope<R> {
  return { describe, check, sql: toSql };
}

export function allOf<R>(...scopes: Scope<R>[]): Scope<R> {
  const conditions = scopes.flatMap((s) => (s.actorCondition ? [s.actorCondition] : []));
  return {
    actorCondition: conditions.length ? (actor) => conditions.every((c) => c(actor)) : undefined,
    describe: scopes.map((s) => s.describe).join(" and "),
    check: (actor, record) => scopes.every((s) => s.check(actor, record)),
    sql: (actor) =>
      sql`(${sql.join(
        scopes.map((s) => s.sql(actor)),
        sql` and `,
      )})`,
  };
}

export function anyOf<R>(...scopes: Scope<R>[]): Scope<R> {
  return {
    describe: scopes.map((s) => s.describe).join(" or "),
    check: (actor, record) => scopes.some((s) => s.check(actor, record)),
    sql: (actor) =>
      sql`(${sql.join(
        scopes.map((s) => s.sql(actor)),
        sql` or `,
      )})`,
  };
}

/** Roles that hold a grant. */
export interface Grant<R> {
  roles: readonly Role[];
  scope: Scope<R>;
}

/** Every role (for grants that any signed-in user holds, such as reading reference data). */
export const ANY_ROLE: readonly Role[] = ROLES;

export interface Ability<R> {
  name: string;
  grants: readonly Grant<R>[];
  /** Every role that holds this ability on some record. */
  roles: readonly Role[];
  /** True when the actor holds the ability on this record. */
  allows(actor: Actor, record: R): boolean;
  /** True when the actor holds the ability on some record (for menus; not a check on a record). */
  heldBy(actor: Actor): boolean;
  /** The records the actor holds the ability on, as a SQL predicate (false when none). */
  where(actor: Actor): SQL;
}

/** Declares one ability from its grants. */
export function ability<R>(name: string, grants: readonly Grant<R>[]): Ability<R> {
  const roles = [...new Set(grants.flatMap((grant) => grant.roles))];
  const held = (actor: Actor) =>
    grants.filter((grant) => grant.roles.some((role) => actor.roles.includes(role)));
  const heldBy = (actor: Actor) => held(actor).some((grant) => grant.scope.actorCondition?.(actor) ?? true);
  return {
    name,
    grants,
    roles,
    allows: (actor, record) => held(actor).some((grant) => grant.scope.check(actor, record)),
    heldBy,
    where: (actor) => {
      const mine = held(actor);
      if (mine.length === 0) return sql`false`;
      return sql`(${sql.join(
        mine.map((grant) => grant.scope.sql(actor)),
        sql` or `,
      )})`;
    },
  };
}

/**
 * The actor's area as a SQL predicate on a place-code column: every repository query that reads
 * records ANDs this in (or an ability's `where`, which uses it), so out-of-area rows are never loaded.
 */
export function areaPredicate(actor: Actor, column: AnyPgColumn | SQL): SQL {
  if (actor.area.national) return sql`true`;
  if (actor.area.codes.length === 0) return sql`false`;
  // Codes are validated digits, so they are safe as LIKE prefixes.
  const patterns = actor.area.codes.map((code) => `${code}%`);
  return sql`${column} like any(${arrayParam(patterns)}::text[])`;
}
