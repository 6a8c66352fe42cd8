import { dashboardsIsafExport } from "./modules/dashboards/dashboards.export";
import { exportKinds } from "./modules/exports/exports.kinds";
import { feedbackMessagesExport } from "./modules/feedback/feedback.export";

/** The kinds of background export this server offers, each owned by its module (modules/exports). */
export const EXPORT_KINDS = exportKinds([feedbackMessagesExport, dashboardsIsafExport]);
