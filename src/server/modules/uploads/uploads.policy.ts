import { ROLES, type Role } from "../../../domain/roles";
import { ability, everywhere } from "../../platform/abilities";

/**
 * Who may upload attachments. Every role that records something in the field may (a session photo,
 * JAAP evidence, a recording); viewers only read, so they have nothing to attach a file to. An upload
 * is its uploader's alone (the repository loads only the user's own), and its file is used only by a
 * command the uploader is allowed to run on the record it is attached to.
 */
const UPLOADERS: Role[] = ROLES.filter((role) => role !== "viewer");

export const uploadsPolicy = {
  "upload:create": ability<null>("upload:create", [{ roles: UPLOADERS, scope: everywhere() }]),
};
