import { z } from "zod";
import { Uuid } from "./common";

/**
 * Resumable uploads of attachments (photos, recordings) from field devices (issue 4): the device
 * announces the file, sends it in chunks of `chunkSize` bytes (chunk i holds bytes i × chunkSize up
 * to the next chunk; only the last may be shorter), asks what the server holds after a cut, and
 * completes it. The completed file is then attached to a record by a sync command (e.g.
 * i4c.attachSessionPhoto with the upload's id).
 */

/** The largest file a device may upload (as media_files). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Bytes per chunk: small enough for a weak 2G/3G link to finish one between cuts. */
export const UPLOAD_CHUNK_SIZE = 256 * 1024;

export const UploadStart = z.object({
  /** Chosen by the device (a UUID, v7 preferred), so that it can ask for the upload after a cut. */
  id: Uuid,
  fileName: z.string().trim().min(1).max(200),
  /** An image (JPEG, PNG, WebP) or a recording (MP3, MP4/AAC, Ogg, WAV, WebM). */
  contentType: z.string().trim().min(1).max(100),
  byteSize: z.number().int().min(1).max(UPLOAD_MAX_BYTES),
  /** SHA-256 of the whole file, hex. */
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
});
export type UploadStart = z.infer<typeof UploadStart>;

export const UploadParams = z.object({ id: Uuid });
export const ChunkParams = z.object({
  id: Uuid,
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(Math.ceil(UPLOAD_MAX_BYTES / UPLOAD_CHUNK_SIZE) - 1),
});

/** What the server holds of an upload. */
export const UploadState = z.object({
  id: Uuid,
  chunkSize: z.number().int(),
  /** Indexes of the chunks already held, ascending (all of them once the upload is complete). */
  received: z.array(z.number().int()),
  /** The stored file once the upload is complete, else null. */
  mediaId: Uuid.nullable(),
});
export type UploadState = z.infer<typeof UploadState>;

export const ChunkReceived = z.object({ received: z.array(z.number().int()) });
export const UploadCompleted = z.object({ mediaId: Uuid });
