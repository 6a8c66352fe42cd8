import type { Role } from "../../../domain/roles";
import { hasRole, inArea, type Policy } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Who may do what in the ISAF cycle (issue 3). One policy for the whole cycle, so that the score
 * card, the JAAP and the dashboards agree on who a facilitator or a reviewer is. Every rule also
 * needs the record in the actor's area; out-of-area records never reach a rule (the repos return
 * nothing and the API answers 404).
 */
const PLANNERS: Role[] = ["admin", "national_officer", "ngo_staff"];
/** Review and approve score cards, decide change requests. */
const REVIEWERS: Role[] = ["admin", "ngo_staff"];
/** Keep the indicator catalogue (accept proposed indicators, upload audio). */
const CATALOGUE_KEEPERS: Role[] = ["admin", "national_officer"];
/** Record the cycle's steps without being assigned to it. */
const CYCLE_LEADS: Role[] = ["admin", "ngo_staff"];

/** A cycle as the rules see it. */
export interface CycleAccess {
  communeCode: string;
  facilitatorIds: readonly string[];
}

/** A JAAP action as the rules see it. */
export interface ActionAccess extends CycleAccess {
  responsibleUserId: string | null;
}

/** Assigned facilitators, and the NGO staff and administrators who lead cycles, record the cycle's work. */
function facilitates(actor: Actor, cycle: CycleAccess): boolean {
  if (!inArea(actor, cycle.communeCode)) return false;
  if (hasRole(actor, ...CYCLE_LEADS)) return true;
  return hasRole(actor, "facilitator") && cycle.facilitatorIds.includes(actor.id);
}

export const isafPolicy: Policy<{
  "programme:read": null;
  "programme:manage": null;
  "catalogue:read": null;
  "catalogue:manage": null;
  "cycle:read": CycleAccess;
  "cycle:plan": { communeCode: string };
  "cycle:facilitate": CycleAccess;
  "scorecard:self_assess": CycleAccess;
  "scorecard:review": CycleAccess;
  "scorecard:request_change": CycleAccess;
  "committee:override": CycleAccess;
  "jaap:update": ActionAccess;
  "dashboard:read": null;
}> = {
  "programme:read": () => true,
  "programme:manage": (actor) => hasRole(actor, ...PLANNERS),
  "catalogue:read": () => true,
  "catalogue:manage": (actor) => hasRole(actor, ...CATALOGUE_KEEPERS),
  "cycle:read": (actor, cycle) => inArea(actor, cycle.communeCode),
  "cycle:plan": (actor, cycle) => hasRole(actor, ...PLANNERS) && inArea(actor, cycle.communeCode),
  "cycle:facilitate": facilitates,
  // The provider's staff (a school director) score themselves; the facilitator may enter it for them.
  "scorecard:self_assess": (actor, cycle) =>
    facilitates(actor, cycle) || (hasRole(actor, "service_provider") && inArea(actor, cycle.communeCode)),
  "scorecard:review": (actor, cycle) => hasRole(actor, ...REVIEWERS) && inArea(actor, cycle.communeCode),
  "scorecard:request_change": (actor, cycle) =>
    facilitates(actor, cycle) || (hasRole(actor, ...REVIEWERS) && inArea(actor, cycle.communeCode)),
  "committee:override": (actor, cycle) => hasRole(actor, "supervisor") && inArea(actor, cycle.communeCode),
  // The person responsible, those who facilitate the cycle, and the commune council follow the JAAP.
  "jaap:update": (actor, action) =>
    inArea(actor, action.communeCode) &&
    (action.responsibleUserId === actor.id ||
      facilitates(actor, action) ||
      hasRole(actor, "commune_council", "service_provider")),
  "dashboard:read": () => true,
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
  const abilities = ["dashboard:read"];
  if (hasRole(actor, ...PLANNERS)) abilities.push("programme:manage", "cycle:plan");
  if (hasRole(actor, ...CATALOGUE_KEEPERS)) abilities.push("catalogue:manage");
  if (hasRole(actor, ...REVIEWERS)) abilities.push("scorecard:review");
  if (hasRole(actor, ...CYCLE_LEADS, "facilitator")) abilities.push("cycle:facilitate");
  return abilities;
}
