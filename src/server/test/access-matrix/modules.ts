import { auditMatrix } from "./audit.rows";
import { authMatrix } from "./auth.rows";
import { dashboardsMatrix } from "./dashboards.rows";
import { exportsMatrix } from "./exports.rows";
import { facilitiesMatrix } from "./facilities.rows";
import { feedbackMatrix } from "./feedback.rows";
import { i4cPhotosMatrix } from "./i4c-photos.rows";
import { isafMatrix } from "./isaf.rows";
import { jaapMatrix } from "./jaap.rows";
import type { ModuleMatrix } from "./kit";
import { organisationsMatrix } from "./organisations.rows";
import { placesMatrix } from "./places.rows";
import { scorecardsMatrix } from "./scorecards.rows";
import { smsMatrix } from "./sms.rows";
import { syncMatrix } from "./sync.rows";
import { uploadsMatrix } from "./uploads.rows";
import { usersMatrix } from "./users.rows";

/**
 * Every module's rows of the access matrix. Each runs in its own <module>.test.ts; this list is
 * what access-matrix.test.ts holds against the routes the app registers, so a new rows file must
 * be added here as well as given its test file.
 */
export const MODULE_MATRICES: ModuleMatrix[] = [
  authMatrix,
  placesMatrix,
  facilitiesMatrix,
  usersMatrix,
  organisationsMatrix,
  auditMatrix,
  isafMatrix,
  i4cPhotosMatrix,
  scorecardsMatrix,
  jaapMatrix,
  dashboardsMatrix,
  syncMatrix,
  uploadsMatrix,
  feedbackMatrix,
  smsMatrix,
  exportsMatrix,
];
