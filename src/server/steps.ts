import { I4C_PUBLISHED, stepPrerequisites } from "./modules/isaf/cycle-steps.service";
import { JAAP_STEPS } from "./modules/jaap/jaap.steps";
import { SCORECARD_STEPS } from "./modules/scorecards/scorecards.steps";

/**
 * What completing each step of an ISAF cycle needs first, each declared by the module that owns the
 * records it looks at and listed here once, above the modules (as the sync streams are in sync.ts):
 * the isaf module runs the steps but cannot ask the score-card and JAAP modules, which build on it.
 * The app hands this list to the isaf routes (app.ts).
 */
export const STEP_PREREQUISITES = stepPrerequisites([I4C_PUBLISHED, ...SCORECARD_STEPS, ...JAAP_STEPS]);
