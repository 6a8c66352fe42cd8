import { isInArea } from "../../domain/places";
import type { Role } from "../../domain/roles";
import type { Ability } from "./abilities";
import type { Actor } from "./actor";
import { forbidden } from "./errors";

export { areaPredicate } from "./abilities";

/**
 * Access is deny by default. Each module declares its abilities once, in its `<name>.policy.ts`,
 * with the kernel in ./abilities.ts (grants of roles over scopes); services check them here.
 */

/** A module's abilities by name. */
// biome-ignore lint/suspicious/noExplicitAny: each ability has its own record type; the name picks it.
export type AbilitySet = Record<string, Ability<any>>;

/** The record an ability is checked on. */
export type RecordOf<A> = A extends Ability<infer R> ? R : never;

/** Throws 403 when the actor does not hold the ability on the record. Out-of-area records never get here: the repo returns nothing. */
export function authorize<S extends AbilitySet, K extends keyof S & string>(
  abilities: S,
  name: K,
  actor: Actor,
  record: RecordOf<S[K]>,
): void {
  if (!can(abilities, name, actor, record)) throw forbidden();
}

/** True when the actor holds the ability on the record (for showing what a user may do). */
export function can<S extends AbilitySet, K extends keyof S & string>(
  abilities: S,
  name: K,
  actor: Actor,
  record: RecordOf<S[K]>,
): boolean {
  return abilities[name]?.allows(actor, record) ?? false;
}

/** The names of the abilities the actor holds on some record: what the app shows or hides. */
export function heldAbilities(abilities: AbilitySet, names: readonly string[], actor: Actor): string[] {
  return names.filter((name) => abilities[name]?.heldBy(actor));
}

export function hasRole(actor: Actor, ...roles: readonly Role[]): boolean {
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
