import type { StepPrerequisite } from "../isaf/cycle-steps.service";
import { meeting } from "./committee.repo";
import { hasAction } from "./jaap.repo";

/**
 * What the cycle's JAAP steps need first (isaf/cycle-steps.service.ts, listed in
 * src/server/steps.ts): the interface meeting recorded, then at least one JAAP action.
 */
export const JAAP_STEPS: readonly StepPrerequisite[] = [
  {
    step: "interface_meeting",
    missing: "step_needs_interface_meeting",
    met: async (db, cycle) => (await meeting(db, cycle.id)) !== null,
  },
  { step: "jaap", missing: "step_needs_jaap_action", met: (db, cycle) => hasAction(db, cycle.id) },
];
