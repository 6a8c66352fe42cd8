import { createHash } from "node:crypto";
import type { SyncStream } from "../../../contracts/sync";
import type { Actor } from "../../platform/actor";
import { AppError } from "../../platform/errors";
import { type ChangeMark, FIRST_MARK } from "./sync.registry";

/**
 * The pull's cursors (GET /api/v1/sync/pull): base64url of "2|stream|access|marker|id". Opaque to
 * the device, which only hands them back. The access key ties a cursor to the user's roles and
 * area: records that come into reach when those change carry old change marks, so a cursor made
 * under other access starts the stream again instead of skipping them. A cursor of version 1 held
 * a change time, not a transaction id (scorecards.pull.repo.ts): it starts the stream again too.
 */
const VERSION = "2";
const OLDER_VERSIONS = ["1"];
const ACCESS_KEY = /^[A-Za-z0-9_-]{16}$/;
const MARKER = /^(0|[1-9][0-9]{0,17})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A short digest of who the user is and what they may reach (roles and area, in a stable order). */
export function accessKey(actor: Actor): string {
  const area = actor.area.national ? "national" : [...actor.area.codes].sort().join(",");
  const access = [actor.id, [...actor.roles].sort().join(","), area].join("|");
  return createHash("sha256").update(access).digest("base64url").slice(0, 16);
}

export function encodeCursor(stream: SyncStream, access: string, mark: ChangeMark): string {
  return Buffer.from([VERSION, stream, access, mark.marker, mark.id].join("|")).toString("base64url");
}

/**
 * The mark a cursor stands for: FIRST_MARK when it was made under other access or by an older
 * version (the stream starts again). A cursor that is not one of ours, or belongs to the other stream, is refused (400).
 */
export function decodeCursor(cursor: string, stream: SyncStream, access: string): ChangeMark {
  const parts = /^[A-Za-z0-9_-]+$/.test(cursor)
    ? Buffer.from(cursor, "base64url").toString("utf8").split("|")
    : [];
  const [version, cursorStream, cursorAccess, marker, id] = parts;
  const valid =
    parts.length === 5 &&
    (version === VERSION || OLDER_VERSIONS.includes(version ?? "")) &&
    cursorStream === stream &&
    ACCESS_KEY.test(cursorAccess ?? "") &&
    MARKER.test(marker ?? "") &&
    UUID.test(id ?? "");
  if (!valid) {
    throw new AppError(400, "sync_invalid_cursor", {}, [{ path: "after", code: "sync_invalid_cursor" }]);
  }
  return cursorAccess === access && version === VERSION ? { marker: marker!, id: id! } : FIRST_MARK;
}
