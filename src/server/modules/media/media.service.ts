import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "../../db/database";
import { mediaFiles } from "../../db/schema";
import { badRequest } from "../../platform/errors";

/**
 * Uploaded files. Owners (indicator audio, JAAP photos) keep the media id and serve the file through
 * their own routes, so a file is readable exactly when its owner is.
 */
export const AUDIO_TYPES = ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav", "audio/webm", "audio/aac"];
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

export interface Upload {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface StoredMedia {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
}

/**
 * The media type of a Content-Type value (no parameters, lowercase: "image/jpeg") when it is one of
 * `allowed`; 400 media_type_not_allowed (with the allowed types) otherwise.
 */
export function allowedType(contentType: string, allowed: readonly string[]): string {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!allowed.includes(type))
    throw badRequest("media_type_not_allowed", [], { allowed: allowed.join(", ") });
  return type;
}

/** Stores the file; 400 media_type_not_allowed (with the allowed types) or media_empty otherwise. */
export async function store(
  tx: Db,
  userId: string | null,
  upload: Upload,
  allowed: readonly string[],
): Promise<StoredMedia> {
  const contentType = allowedType(upload.contentType, allowed);
  if (upload.data.length === 0) throw badRequest("media_empty");
  const id = uuidv7();
  const sha256 = createHash("sha256").update(upload.data).digest("hex");
  await tx.insert(mediaFiles).values({
    id,
    fileName: upload.fileName.slice(0, 200),
    contentType,
    byteSize: upload.data.length,
    sha256,
    data: upload.data,
    createdBy: userId,
  });
  return { id, fileName: upload.fileName, contentType, byteSize: upload.data.length };
}

/** The file, or null. Callers check the owner's access first. */
export async function load(
  db: Db,
  id: string,
): Promise<(StoredMedia & { data: Buffer; sha256: string }) | null> {
  const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
  return row ?? null;
}

/** Who uploaded each of these files and their type, by id (no data); unknown ids are left out. */
export async function filesInfo(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; contentType: string; createdBy: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: mediaFiles.id, contentType: mediaFiles.contentType, createdBy: mediaFiles.createdBy })
    .from(mediaFiles)
    .where(inArray(mediaFiles.id, [...ids]));
}
