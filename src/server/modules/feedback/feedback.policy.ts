import type { Role } from "../../../domain/roles";
import { hasRole, inArea, type Policy } from "../../platform/access";
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
const CHILD_PROTECTION: Role[] = ["social_worker", "supervisor"];

/** A message as the rules see it. */
export interface FeedbackAccess {
  communeCode: string;
  restricted: boolean;
}

function reads(actor: Actor, message: FeedbackAccess): boolean {
  if (!inArea(actor, message.communeCode)) return false;
  return message.restricted ? hasRole(actor, ...CHILD_PROTECTION) : hasRole(actor, ...READERS);
}

export const feedbackPolicy: Policy<{
  "feedback:read": FeedbackAccess;
  "feedback:answer": FeedbackAccess;
  "feedback:restrict": FeedbackAccess;
  "feedback:contact": FeedbackAccess;
  "queue:general": null;
  "queue:restricted": null;
  /** Writing down a citizen's message about a commune. */
  "feedback:write": { communeCode: string };
  /** An export of a queue with the senders' numbers: those who may call back in that queue. */
  "queue:phones": { restricted: boolean };
}> = {
  "feedback:read": reads,
  "feedback:answer": (actor, message) =>
    reads(actor, message) &&
    (message.restricted ? hasRole(actor, ...CHILD_PROTECTION) : hasRole(actor, ...ANSWERERS)),
  // Into the restricted queue: whoever reads the message and spots harm. Out of it: child protection.
  "feedback:restrict": (actor, message) =>
    reads(actor, message) && (!message.restricted || hasRole(actor, ...CHILD_PROTECTION)),
  "feedback:contact": (actor, message) => reads(actor, message) && hasRole(actor, ...CALLERS),
  "queue:general": (actor) => hasRole(actor, ...READERS),
  "queue:restricted": (actor) => hasRole(actor, ...CHILD_PROTECTION),
  "feedback:write": (actor, place) => inArea(actor, place.communeCode) && hasRole(actor, ...WRITERS),
  "queue:phones": (actor, queue) =>
    queue.restricted ? hasRole(actor, ...CHILD_PROTECTION) : hasRole(actor, "commune_council"),
};

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

/** True when the actor can read the restricted queue (such messages are 404 for everyone else). */
export function readsRestricted(actor: Actor): boolean {
  return hasRole(actor, ...CHILD_PROTECTION);
}

/** Record-independent abilities, for the app to show or hide the feedback menus. */
export function feedbackAbilities(actor: Actor): string[] {
  const abilities: string[] = [];
  if (hasRole(actor, ...READERS)) abilities.push("feedback:read");
  // The app says so: her queue holds only her facilities' messages.
  if (readsOnlyOwnFacilities(actor)) abilities.push("feedback:own-facilities");
  if (hasRole(actor, ...CHILD_PROTECTION)) abilities.push("feedback:restricted");
  if (hasRole(actor, ...ANSWERERS, ...CHILD_PROTECTION)) abilities.push("feedback:answer");
  // Writes down citizens' messages in the field app.
  if (hasRole(actor, ...WRITERS)) abilities.push("feedback:write");
  // May export a queue with the senders' numbers (general: the council; restricted: child protection).
  if (hasRole(actor, "commune_council")) abilities.push("feedback:phones");
  if (hasRole(actor, ...CHILD_PROTECTION)) abilities.push("feedback:restricted-phones");
  return abilities;
}
