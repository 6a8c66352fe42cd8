import { dashboardsMatrix } from "./dashboards.rows";
import { feedbackMatrix } from "./feedback.rows";
import { i4cPhotosMatrix } from "./i4c-photos.rows";
import { isafMatrix } from "./isaf.rows";
import { jaapMatrix } from "./jaap.rows";
import type { ModuleMatrix } from "./kit";
import { scorecardsMatrix } from "./scorecards.rows";
import { smsMatrix } from "./sms.rows";
import { syncMatrix } from "./sync.rows";
import { uploadsMatrix } from "./uploads.rows";

/** Every module that keeps its access-matrix rows in its own file. */
export const MODULE_MATRICES: ModuleMatrix[] = [
  isafMatrix,
  i4cPhotosMatrix,
  scorecardsMatrix,
  jaapMatrix,
  dashboardsMatrix,
  syncMatrix,
  uploadsMatrix,
  feedbackMatrix,
  smsMatrix,
];
