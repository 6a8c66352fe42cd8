import { FEEDBACK_SYNC } from "./modules/feedback/feedback.sync";
import { I4C_SYNC } from "./modules/isaf/i4c.sync";
import { SCORECARD_SYNC } from "./modules/scorecards/scorecards.sync";
import { syncRegistry } from "./modules/sync/sync.registry";

/**
 * What the field app may pull and push, each part owned by its module (docs/mechanisms/sync.md):
 * score cards (the cycles and cards streams, the card's commands), I4C sessions recorded offline,
 * and citizens' messages written down by facilitators.
 */
export const SYNC_REGISTRY = syncRegistry([SCORECARD_SYNC, I4C_SYNC, FEEDBACK_SYNC]);
