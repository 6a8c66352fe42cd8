import type { RecordNamers } from "./modules/audit/audit.service";
import * as facilities from "./modules/facilities/facilities.service";
import * as catalogue from "./modules/isaf/catalogue.service";
import * as cycles from "./modules/isaf/cycles.service";
import * as programmes from "./modules/isaf/programmes.service";
import * as jaap from "./modules/jaap/jaap.service";
import * as organisations from "./modules/organisations/organisations.service";
import * as scorecards from "./modules/scorecards/scorecards.service";
import * as people from "./modules/users/people.service";

/**
 * Who names each kind of record in the audit log (issue 13, part 6): the module that owns it, listed
 * here once, above the modules (as the sync streams are in sync.ts), so that the audit module shows
 * "Rumlech Primary School · 2026" instead of an id without depending on every module. The app hands
 * this list to the audit routes (app.ts). Kinds not named here show the label the event was written
 * with (a tracking code, an SMS channel's id) or the id.
 */
export const AUDIT_RECORD_NAMES: RecordNamers = {
  user: people.recordNamesOf,
  organisation: organisations.recordNamesOf,
  facility: facilities.recordNamesOf,
  programme: programmes.recordNamesOf,
  cycle: cycles.recordNamesOf,
  indicator: catalogue.recordNamesOf,
  scorecard: scorecards.recordNamesOf,
  jaap_action: jaap.recordNamesOf,
};
