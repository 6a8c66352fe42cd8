import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { isInArea } from "../../domain/places";
import type { Role } from "../../domain/roles";
import { arrayParam } from "../db/sql";
import type { Actor } from "./actor";
import { forbidden } from "./errors";

/**
 * Access is deny by default. Each module declares its abilities as rules over (actor, record);
 * an ability that is not declared, or whose rule says no, is refused. Record-level rules (a case
 * seen only by its assigned workers) are one more rule in the module's policy.
 */
export type Rule<Record> = (actor: Actor, record: Record) => boolean;

export type Policy<Abilities extends Record<string, unknown>> = {
  [A in keyof Abilities]: Rule<Abilities[A]>;
};

/** Throws 403 when the policy refuses the ability. Out-of-area records never get here: the repo returns nothing. */
export function authorize<Abilities extends Record<string, unknown>, A extends keyof Abilities>(
  policy: Policy<Abilities>,
  ability: A,
  actor: Actor,
  record: Abilities[A],
): void {
  const rule = policy[ability];
  if (!rule?.(actor, record)) throw forbidden();
}

/** True when the policy allows the ability (for showing what a user may do). */
export function can<Abilities extends Record<string, unknown>, A extends keyof Abilities>(
  policy: Policy<Abilities>,
  ability: A,
  actor: Actor,
  record: Abilities[A],
): boolean {
  const rule = policy[ability];
  return Boolean(rule?.(actor, record));
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** True when a place code lies in the actor's area. */
export function inArea(actor: Actor, placeCode: string | null | undefined): boolean {
  return placeCode != null && isInArea(placeCode, actor.area);
}

/** True when every code of `codes` lies in the actor's area (for granting areas to others). */
export function areaCovers(actor: Actor, area: { national: boolean; codes: readonly string[] }): boolean {
  if (actor.area.national) return true;
  if (area.national) return false;
  return area.codes.every((code) => inArea(actor, code));
}

/**
 * The actor's area as a SQL predicate on a place-code column: every repository query that reads
 * records ANDs this in, so out-of-area rows are never loaded.
 */
export function areaPredicate(actor: Actor, column: AnyPgColumn | SQL): SQL {
  if (actor.area.national) return sql`true`;
  if (actor.area.codes.length === 0) return sql`false`;
  // Codes are validated digits, so they are safe as LIKE prefixes.
  const patterns = actor.area.codes.map((code) => `${code}%`);
  return sql`${column} like any(${arrayParam(patterns)}::text[])`;
}
