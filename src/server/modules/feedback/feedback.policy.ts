import { sql } from "drizzle-orm";
import { CHILD_PROTECTION_ROLES, type Role } from "../../../domain/roles";
import { feedbackMessages } from "../../db/schema";
import {
  ANY_ROLE,
  ability,
  allOf,
  custom,
  everywhere,
  inArea,
  type Subject,
  where,
} from "../../platform/abilities";
import { hasRole } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Who may do what with citizen feedback (issue 5). Every rule also needs the message's commune in
 * the actor's area; out-of-area messages never reach a rule (the repo returns nothing: 404).
 *
 * Two queues. The general one is read by the offices that serve the commune. The restricted one
 * holds reports of harm to a child and is read only by child-protection roles: not by
 * administrators, because child-protection access follows the role, not the rank (DOMAIN.md, cases).
 */
const READERS: Role[] = [
  "admin",
  "national_officer",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "service_provider",
  "ngo_staff",
];
/** Those who answer general messages for the commune: its council, its providers, the levels above. */
const ANSWERERS: Role[] = [
  "admin",
  "provincial_officer",
  "district_officer",
  "commune_council",
  "service_provider",
];
/**
 * Who may see a sender's phone number, to call back: the commune's CCWC focal point (council) and
 * child protection. Providers and offices above answer in writing; administrators see no numbers.
 */
const CALLERS: Role[] = ["commune_council", "social_worker", "supervisor"];
/** Those who meet citizens and write their messages down for them (the field app, offline). */
const WRITERS: Role[] = ["facilitator", "ngo_staff", "commune_council"];
/** Child protection: they read and answer the restricted queue, and alone move messages out of it. */
const CHILD_PROTECTION = CHILD_PROTECTION_ROLES;

/** A message as the rules see it. */
export interface FeedbackAccess {
  communeCode: string;
  restricted: boolean;
}

/** A message where it is seen whole: its facility and sector too (the provider's scope). */
export interface FeedbackPlacement extends FeedbackAccess {
  facilityId: string | null;
  sectorCode: string;
}

const m = feedbackMessages;

export const message: Subject<FeedbackAccess> = {
  name: "feedback message",
  place: { of: (message) => message.communeCode, sql: m.communeCode },
};

const inMyArea = inArea(message);
const restricted = where<FeedbackAccess, boolean>(
  "a report of harm to a child",
  { of: (x) => x.restricted, sql: m.restricted },
  true,
);
const general = where<FeedbackAccess, boolean>(
  "a general message",
  { of: (x) => x.restricted, sql: m.restricted },
  false,
);

/**
 * A service provider answers for the facilities she runs (facility_staff): when that is her only way
 * into the general queue, she reads only messages about them, or about their sector without a facility
 * named. Out of that scope a message reads as not found, like one out of her area.
 */
export function readsOnlyOwnFacilities(actor: Actor): boolean {
  return (
    hasRole(actor, "service_provider") &&
    !hasRole(actor, ...READERS.filter((role) => role !== "service_provider"))
  );
}

/**
 * The provider's narrowing: a message about a facility she runs, or about the sector of one of them
 * in that facility's own commune with no facility named (a director with a district-wide area reads
 * her commune's school messages, not the district's).
 */
function aboutHerFacilities(actor: Actor, message: FeedbackPlacement): boolean {
  if (message.facilityId) return actor.facilities.some((f) => f.id === message.facilityId);
  return actor.facilities.some(
    (f) => f.kindCode === message.sectorCode && f.communeCode === message.communeCode,
  );
}

function aboutHerFacilitiesSql(actor: Actor) {
  if (actor.facilities.length === 0) return sql`false`;
  const ids = sql.join(
    actor.facilities.map((f) => sql`${f.id}::uuid`),
    sql`, `,
  );
  const sectors = sql.join(
    actor.facilities.map(
      (f) => sql`(${m.sectorCode} = ${f.kindCode} and ${m.communeCode} = ${f.communeCode})`,
    ),
    sql` or `,
  );
  return sql`(${m.facilityId} in (${ids}) or (${m.facilityId} is null and (${sectors})))`;
}

/**
 * Which messages exist for the actor (anything else is 404): those of her area; a report of harm
 * only for child protection, so that even its existence stays there; and for a provider whose only
 * way in is her facilities, only theirs. A role may see a general message and still not read it (403:
 * its existence is no secret). Kept as one rule, not grants, because the provider's role narrows
 * what her other roles would show.
 */
const visible = custom<FeedbackPlacement>(
  "a message of the actor's area that her roles may know of",
  (actor, x) =>
    inMyArea.check(actor, x) &&
    (x.restricted
      ? hasRole(actor, ...CHILD_PROTECTION)
      : !readsOnlyOwnFacilities(actor) || aboutHerFacilities(actor, x)),
  (actor) => {
    const child = hasRole(actor, ...CHILD_PROTECTION) ? restricted.sql(actor) : sql`false`;
    const others = readsOnlyOwnFacilities(actor) ? aboutHerFacilitiesSql(actor) : sql`true`;
    return sql`(${inMyArea.sql(actor)} and (${child} or (${general.sql(actor)} and ${others})))`;
  },
);

/** The area of a commune a citizen's message is written down for. */
const commune: Subject<{ communeCode: string }> = {
  name: "commune",
  place: { of: (x) => x.communeCode },
};

const queue = (value: boolean) =>
  where<{ restricted: boolean }, boolean>(
    value ? "the restricted queue" : "the general queue",
    { of: (x) => x.restricted },
    value,
  );

export const feedbackPolicy = {
  "feedback:see": ability("feedback:see", [{ roles: ANY_ROLE, scope: visible }]),
  "feedback:read": ability("feedback:read", [
    { roles: READERS, scope: allOf(inMyArea, general) },
    { roles: CHILD_PROTECTION, scope: allOf(inMyArea, restricted) },
  ]),
  "feedback:answer": ability("feedback:answer", [
    { roles: ANSWERERS, scope: allOf(inMyArea, general) },
    { roles: CHILD_PROTECTION, scope: allOf(inMyArea, restricted) },
  ]),
  // Into the restricted queue: whoever reads the message and spots harm. Out of it: child protection.
  "feedback:restrict": ability("feedback:restrict", [
    { roles: READERS, scope: allOf(inMyArea, general) },
    { roles: CHILD_PROTECTION, scope: allOf(inMyArea, restricted) },
  ]),
  "feedback:contact": ability("feedback:contact", [
    { roles: CALLERS.filter((role) => READERS.includes(role)), scope: allOf(inMyArea, general) },
    { roles: CALLERS.filter((role) => CHILD_PROTECTION.includes(role)), scope: allOf(inMyArea, restricted) },
  ]),
  "queue:general": ability<null>("queue:general", [{ roles: READERS, scope: everywhere() }]),
  "queue:restricted": ability<null>("queue:restricted", [{ roles: CHILD_PROTECTION, scope: everywhere() }]),
  /** Writing down a citizen's message about a commune. */
  "feedback:write": ability("feedback:write", [{ roles: WRITERS, scope: inArea(commune) }]),
  /** An export of a queue with the senders' numbers: those who may call back in that queue. */
  "queue:phones": ability("queue:phones", [
    { roles: CHILD_PROTECTION, scope: queue(true) },
    { roles: ["commune_council"], scope: queue(false) },
  ]),
};

/** Record-independent abilities, for the app to show or hide the feedback menus. */
export function feedbackAbilities(actor: Actor): string[] {
  const abilities: string[] = [];
  if (feedbackPolicy["queue:general"].heldBy(actor)) abilities.push("feedback:read");
  // The app says so: her queue holds only her facilities' messages.
  if (readsOnlyOwnFacilities(actor)) abilities.push("feedback:own-facilities");
  if (feedbackPolicy["queue:restricted"].heldBy(actor)) abilities.push("feedback:restricted");
  if (feedbackPolicy["feedback:answer"].heldBy(actor)) abilities.push("feedback:answer");
  // Writes down citizens' messages in the field app.
  if (feedbackPolicy["feedback:write"].heldBy(actor)) abilities.push("feedback:write");
  // May export a queue with the senders' numbers (general: the council; restricted: child protection).
  if (feedbackPolicy["queue:phones"].allows(actor, { restricted: false })) abilities.push("feedback:phones");
  if (feedbackPolicy["queue:phones"].allows(actor, { restricted: true }))
    abilities.push("feedback:restricted-phones");
  return abilities;
}
