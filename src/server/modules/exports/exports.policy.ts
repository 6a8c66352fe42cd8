import { exportJobs } from "../../db/schema";
import { ANY_ROLE, ability, everywhere, namesActor } from "../../platform/abilities";

/**
 * Who may ask for an export and read it. Any signed-in role may ask; what the file may hold is the
 * export kind's to check (`ExportKind.authorize`: the feedback queue's readers, the dashboard's scope),
 * when she asks and again when the file is written. An export is its requester's alone: anyone else's
 * reads as not found, whatever her role.
 */
export const exportsPolicy = {
  "export:request": ability<null>("export:request", [{ roles: ANY_ROLE, scope: everywhere() }]),
  "export:read": ability<{ userId: string }>("export:read", [
    {
      roles: ANY_ROLE,
      scope: namesActor("the requester's own export", { of: (row) => row.userId, sql: exportJobs.userId }),
    },
  ]),
};
