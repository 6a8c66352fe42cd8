import { jaapActions } from "../../db/schema";
import {
  ANY_ROLE,
  ability,
  allOf,
  assignedTo,
  inArea,
  namesActor,
  type Subject,
} from "../../platform/abilities";
import { assignedToCycleSql, CYCLE_LEADS, type CycleAccess } from "../isaf/isaf.policy";

/**
 * Who may follow a JAAP action through the year (issue 3, part 7). The rest of the JAAP page (reading
 * it, recording the plan, the committee's override) is the cycle's work: isafPolicy, so that the
 * cycle's facilitators are the same people in every module. Every rule also needs the action's
 * commune in the actor's area.
 */

/** A JAAP action as the rules see it: its cycle's place and facilitators, and who is responsible. */
export interface ActionAccess extends CycleAccess {
  responsibleUserId: string | null;
}

/** A JAAP action: its cycle's place and facilitators, and the person responsible for it. */
const action: Subject<ActionAccess> = {
  name: "JAAP action",
  place: { of: (a) => a.communeCode, sql: jaapActions.communeCode },
  assignees: {
    of: (a) => a.facilitatorIds,
    sql: (userId) => assignedToCycleSql(jaapActions.cycleId, userId),
  },
};

const actionInArea = inArea(action);

export const jaapPolicy = {
  // The person responsible, those who facilitate the cycle, and the commune council follow the JAAP.
  "jaap:update": ability("jaap:update", [
    { roles: [...CYCLE_LEADS, "commune_council", "service_provider"], scope: actionInArea },
    { roles: ["facilitator"], scope: allOf(actionInArea, assignedTo(action)) },
    {
      roles: ANY_ROLE,
      scope: allOf(
        actionInArea,
        namesActor("the actor is responsible for the action", {
          of: (a: ActionAccess) => a.responsibleUserId,
          sql: jaapActions.responsibleUserId,
        }),
      ),
    },
  ]),
};
