import { authorize } from "../../platform/access";
import { command } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { conflict, notFound } from "../../platform/errors";
import * as media from "../media/media.service";
import * as uploads from "../uploads/uploads.service";
import { getCycleInScope } from "./cycles.service";
import * as repo from "./i4c.repo";
import { foundSession, getPack, onCycle, sessionOnCycle } from "./i4c.service";
import { isafPolicy } from "./isaf.policy";

/**
 * Photos of I4C dissemination sessions. A facilitator takes them in the field and the phone uploads
 * them (modules/uploads); the sync command i4c.attachSessionPhoto then links the completed upload's
 * file to the session. They show people's faces, so they are read only by those who may read the
 * cycle's I4C pack, and never reach the public pages (publishedI4c has no sessions at all).
 */

async function sessionInCycle(ctx: Ctx, cycleId: string, sessionId: string) {
  const session = await repo.findSession(ctx.db, cycleId, sessionId);
  if (!session) throw notFound("i4c_session");
  return session;
}

type UploadedFile = Awaited<ReturnType<typeof uploads.completedFile>>;

/**
 * Links the file of the caller's completed upload to the session, audited. Linking the same photo
 * again changes nothing; a photo of another session is a 409, a recording is not a photo (400), an
 * upload still in progress is a 409 and someone else's upload is not found.
 */
export async function attachUpload(ctx: Ctx, cycleId: string, sessionId: string, uploadId: string) {
  // The upload is looked at once the caller may facilitate the cycle and the session exists.
  let file: UploadedFile | undefined;
  await command(ctx, {
    ...onCycle,
    load: sessionOnCycle(ctx, cycleId, sessionId),
    check: async (before) => {
      foundSession(before);
      file = await uploads.completedFile(ctx, uploadId);
      media.allowedType(file.contentType, media.IMAGE_TYPES);
    },
    write: async (tx) => {
      const photo = file as UploadedFile;
      const linked = await repo.insertPhoto(tx, {
        mediaId: photo.mediaId,
        sessionId,
        createdBy: ctx.actor.id,
      });
      if (!linked && (await repo.sessionOfPhoto(tx, photo.mediaId)) !== sessionId)
        throw conflict("i4c_photo_elsewhere");
      return { photo, linked };
    },
    // Linking the same photo again changes nothing, and is not audited.
    audit: ({ cycle }, { photo, linked }) =>
      linked
        ? {
            action: "i4c_session.photo_attached",
            entityType: "i4c_session",
            entityId: sessionId,
            placeCode: cycle.communeCode,
            changes: {
              photo: {
                from: null,
                to: { id: photo.mediaId, contentType: photo.contentType, byteSize: photo.byteSize, uploadId },
              },
            },
          }
        : null,
  });
  return getPack(ctx, cycleId);
}

/** A photo of one of the cycle's sessions, for whoever may read the I4C pack. */
export async function photo(ctx: Ctx, cycleId: string, sessionId: string, mediaId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  await sessionInCycle(ctx, cycleId, sessionId);
  if ((await repo.sessionOfPhoto(ctx.db, mediaId)) !== sessionId) throw notFound("photo");
  const file = await media.load(ctx.db, mediaId);
  if (!file) throw notFound("photo");
  return file;
}
