import type { App } from "../../platform/http";
import { catalogueRoutes } from "./catalogue.routes";
import type { StepPrerequisites } from "./cycle-steps.service";
import { cyclesRoutes } from "./cycles.routes";
import { programmesRoutes } from "./programmes.routes";

/**
 * The ISAF module: indicator catalogue, programmes, cycles and I4C (issue 3, parts 1–3). `steps`: what
 * completing each step needs first, from the modules that own it (src/server/steps.ts).
 */
export async function isafRoutes(app: App, options: { steps: StepPrerequisites }) {
  await catalogueRoutes(app);
  await programmesRoutes(app);
  await cyclesRoutes(app, options.steps);
}
