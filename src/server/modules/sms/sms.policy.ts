import { hasRole, type Policy } from "../../platform/access";

/**
 * SMS channels hold a gateway's credentials and decide where citizens' numbers are sent: only
 * administrators set them up. Channels are national (no area).
 */
export const smsPolicy: Policy<{ "sms:manage": null }> = {
  "sms:manage": (actor) => hasRole(actor, "admin"),
};
