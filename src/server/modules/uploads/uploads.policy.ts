import { ROLES, type Role } from "../../../domain/roles";
import { uploadSessions } from "../../db/schema";
import { ANY_ROLE, ability, everywhere, namesActor } from "../../platform/abilities";

/**
 * Who may upload attachments. Every role that records something in the field may (a session photo,
 * JAAP evidence, a recording); viewers only read, so they have nothing to attach a file to. An upload
 * is its uploader's alone (the repository loads only the user's own), and its file is used only by a
 * command the uploader is allowed to run on the record it is attached to.
 */
const UPLOADERS: Role[] = ROLES.filter((role) => role !== "viewer");

export const uploadsPolicy = {
  "upload:create": ability<null>("upload:create", [{ roles: UPLOADERS, scope: everywhere() }]),
  /** Completing an upload: its uploader's alone, whatever her role has become since she started it. */
  "upload:complete": ability<{ userId: string }>("upload:complete", [
    {
      roles: ANY_ROLE,
      scope: namesActor("the uploader's own upload", { of: (u) => u.userId, sql: uploadSessions.userId }),
    },
  ]),
};
