import { ability, everywhere } from "../../platform/abilities";

/**
 * SMS channels hold a gateway's credentials and decide where citizens' numbers are sent: only
 * administrators set them up. Channels are national (no area).
 */
export const smsPolicy = {
  "sms:manage": ability<null>("sms:manage", [{ roles: ["admin"], scope: everywhere() }]),
};
