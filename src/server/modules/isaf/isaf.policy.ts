import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Role } from "../../../domain/roles";
import { cycles } from "../../db/schema";
import {
  ANY_ROLE,
  ability,
  allOf,
  assignedTo,
  everywhere,
  inArea,
  type Subject,
} from "../../platform/abilities";
import { hasRole, heldAbilities } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Who may do what in the ISAF cycle (issue 3). One policy for the whole cycle, so that the score
 * card, the JAAP and the dashboards agree on who a facilitator or a reviewer is (following a JAAP
 * action, jaap:update, is declared by the jaap module in jaap.policy.ts on these same facilitators).
 * Every rule also needs the record in the actor's area; out-of-area records never reach a rule (the
 * repos return nothing and the API answers 404).
 */
const PLANNERS: Role[] = ["admin", "national_officer", "ngo_staff"];
/** Review and approve score cards, decide change requests. */
const REVIEWERS: Role[] = ["admin", "ngo_staff"];
/** Keep the indicator catalogue (accept proposed indicators, upload audio). */
const CATALOGUE_KEEPERS: Role[] = ["admin", "national_officer"];
/** Record the cycle's steps without being assigned to it (the JAAP policy follows them too). */
export const CYCLE_LEADS: Role[] = ["admin", "ngo_staff"];

/** A cycle as the rules see it. */
export interface CycleAccess {
  communeCode: string;
  facilitatorIds: readonly string[];
}

/**
 * SQL: the user is assigned to facilitate the cycle whose id is `cycleId` (a column of the caller's
 * table): what a record of a cycle (a JAAP action) scopes its assignees by, without naming isaf's tables.
 */
export function assignedToCycleSql(cycleId: AnyPgColumn | SQL, userId: string): SQL {
  return sql`exists (select 1 from cycle_facilitators f where f.cycle_id = ${cycleId} and f.user_id = ${userId})`;
}

/** A cycle: where it is and who facilitates it (lists read the cycles table). */
export const cycle: Subject<CycleAccess> = {
  name: "cycle",
  place: { of: (c) => c.communeCode, sql: cycles.communeCode },
  assignees: { of: (c) => c.facilitatorIds, sql: (userId) => assignedToCycleSql(cycles.id, userId) },
};

/** A cycle being planned: only its commune is known. */
const newCycle: Subject<{ communeCode: string }> = {
  name: "new cycle",
  place: { of: (c) => c.communeCode, sql: cycles.communeCode },
};

const cycleInArea = inArea(cycle);
/** Assigned facilitators, and the NGO staff and administrators who lead cycles, record the cycle's work. */
const facilitates = [
  { roles: CYCLE_LEADS, scope: cycleInArea },
  { roles: ["facilitator"] as Role[], scope: allOf(cycleInArea, assignedTo(cycle)) },
];

export const isafPolicy = {
  "programme:read": ability<null>("programme:read", [{ roles: ANY_ROLE, scope: everywhere() }]),
  "programme:manage": ability<null>("programme:manage", [{ roles: PLANNERS, scope: everywhere() }]),
  "catalogue:read": ability<null>("catalogue:read", [{ roles: ANY_ROLE, scope: everywhere() }]),
  "catalogue:manage": ability<null>("catalogue:manage", [{ roles: CATALOGUE_KEEPERS, scope: everywhere() }]),
  "cycle:read": ability("cycle:read", [{ roles: ANY_ROLE, scope: cycleInArea }]),
  "cycle:plan": ability<{ communeCode: string }>("cycle:plan", [
    { roles: PLANNERS, scope: inArea(newCycle) },
  ]),
  "cycle:facilitate": ability("cycle:facilitate", facilitates),
  // The provider's staff (a school director) score themselves; the facilitator may enter it for them.
  "scorecard:self_assess": ability("scorecard:self_assess", [
    ...facilitates,
    { roles: ["service_provider"], scope: cycleInArea },
  ]),
  "scorecard:review": ability("scorecard:review", [{ roles: REVIEWERS, scope: cycleInArea }]),
  "scorecard:request_change": ability("scorecard:request_change", [
    ...facilitates,
    { roles: REVIEWERS, scope: cycleInArea },
  ]),
  "committee:override": ability("committee:override", [{ roles: ["supervisor"], scope: cycleInArea }]),
  // Following a JAAP action (jaap:update) is the jaap module's: modules/jaap/jaap.policy.ts.
  "dashboard:read": ability<null>("dashboard:read", [{ roles: ANY_ROLE, scope: everywhere() }]),
};

/**
 * Which cycles in the actor's area the actor may record a score card for (cycle:facilitate for the
 * community's, scorecard:self_assess for the self-assessment), in a form a repository can turn into
 * SQL: every open cycle of the area, only those the actor is assigned to, or none. It must say what
 * the two rules say (sync.pull.test.ts checks every role against them).
 */
export function scorecardRecordingReach(actor: Actor): "area" | "assigned" | "none" {
  if (hasRole(actor, ...CYCLE_LEADS, "service_provider")) return "area";
  if (hasRole(actor, "facilitator")) return "assigned";
  return "none";
}

/** Record-independent abilities, for the app to show or hide menus and actions. */
export function isafAbilities(actor: Actor): string[] {
  return heldAbilities(
    isafPolicy,
    [
      "dashboard:read",
      "programme:manage",
      "cycle:plan",
      "catalogue:manage",
      "scorecard:review",
      "cycle:facilitate",
    ],
    actor,
  );
}
