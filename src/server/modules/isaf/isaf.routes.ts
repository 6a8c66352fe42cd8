import type { App } from "../../platform/http";
import { catalogueRoutes } from "./catalogue.routes";
import { cyclesRoutes } from "./cycles.routes";
import { programmesRoutes } from "./programmes.routes";

/** The ISAF module: indicator catalogue, programmes, cycles and I4C (issue 3, parts 1–3). */
export async function isafRoutes(app: App) {
  await catalogueRoutes(app);
  await programmesRoutes(app);
  await cyclesRoutes(app);
}
