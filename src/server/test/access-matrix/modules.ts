import { dashboardsMatrix } from "./dashboards.rows";
import { isafMatrix } from "./isaf.rows";
import { jaapMatrix } from "./jaap.rows";
import type { ModuleMatrix } from "./kit";
import { scorecardsMatrix } from "./scorecards.rows";
import { syncMatrix } from "./sync.rows";

/** Every module that keeps its access-matrix rows in its own file. */
export const MODULE_MATRICES: ModuleMatrix[] = [
  isafMatrix,
  scorecardsMatrix,
  jaapMatrix,
  dashboardsMatrix,
  syncMatrix,
];
