import { uuidv7 } from "uuidv7";
import { api, isApiError } from "../api/client";
import { sealBytes, unsealBytes } from "./field-crypto";
import type { UploadEntry } from "./field-db";
import { queueCommand } from "./field-records";
import { openStore } from "./field-store";

/**
 * Photos taken in the field: kept sealed on the device, then uploaded in chunks that survive a cut
 * connection (the server says which chunks it already holds: POST /api/v1/uploads), and linked to
 * their record by a command once the server has the whole file.
 */

/** Longest side of a photo kept on the phone: enough to read an attendance sheet, small on data plans. */
const MAX_SIDE = 1600;
const JPEG_QUALITY = 0.8;

interface UploadState {
  id: string;
  chunkSize: number;
  received: number[];
  mediaId: string | null;
}

/** A camera photo made smaller (JPEG, longest side MAX_SIDE) before it is kept; other files as they are. */
async function shrink(file: File): Promise<{ bytes: ArrayBuffer; contentType: string; fileName: string }> {
  if (!file.type.startsWith("image/") || typeof createImageBitmap !== "function") {
    return { bytes: await file.arrayBuffer(), contentType: file.type, fileName: file.name };
  }
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY),
  );
  if (!blob || blob.size >= file.size) {
    return { bytes: await file.arrayBuffer(), contentType: file.type, fileName: file.name };
  }
  return {
    bytes: await blob.arrayBuffer(),
    contentType: "image/jpeg",
    fileName: file.name.replace(/\.\w+$/, ".jpg"),
  };
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Keeps a file for upload; once uploaded, `linkType` is queued with `linkPayload` plus the upload id. */
export async function queueUpload(
  recordId: string,
  file: File,
  linkType: string,
  linkPayload: Record<string, unknown>,
): Promise<void> {
  const open = openStore();
  if (!open) throw new Error("the field store is locked");
  const { bytes, contentType, fileName } = await shrink(file);
  const entry: UploadEntry = {
    id: uuidv7(),
    recordId,
    linkType,
    linkPayload,
    fileName,
    contentType,
    byteSize: bytes.byteLength,
    sha256: hex(await crypto.subtle.digest("SHA-256", bytes)),
    sealed: await sealBytes(open.key, bytes),
    createdAt: new Date().toISOString(),
    failure: null,
  };
  await open.db.uploads.put(entry);
}

async function uploadOne(entry: UploadEntry, key: CryptoKey): Promise<void> {
  const { id, fileName, contentType, byteSize, sha256 } = entry;
  let state = await api.post<UploadState>("/api/v1/uploads", { id, fileName, contentType, byteSize, sha256 });
  if (!state.mediaId) {
    const bytes = await unsealBytes(key, entry.sealed);
    const chunks = Math.ceil(byteSize / state.chunkSize);
    const held = new Set(state.received);
    for (let index = 0; index < chunks; index++) {
      if (held.has(index)) continue; // the server kept it from an earlier, cut attempt
      const chunk = bytes.slice(index * state.chunkSize, (index + 1) * state.chunkSize);
      await api.putBytes(`/api/v1/uploads/${id}/chunks/${index}`, chunk);
    }
    state = { ...state, ...(await api.post<{ mediaId: string }>(`/api/v1/uploads/${id}/complete`)) };
  }
  await queueCommand(entry.linkType, entry.recordId, { ...entry.linkPayload, uploadId: id });
  await openStore()?.db.uploads.delete(id);
}

/**
 * Uploads every kept file not refused before. A network failure stops here (the engine retries
 * later, and the server keeps the chunks it has); a refusal is kept on the entry for the sync screen.
 */
export async function uploadAll(): Promise<void> {
  const open = openStore();
  if (!open) return;
  for (const entry of await open.db.uploads.toArray()) {
    if (entry.failure) continue;
    try {
      await uploadOne(entry, open.key);
    } catch (error) {
      if (!isApiError(error) || error.status === 0 || error.status >= 500) throw error;
      await open.db.uploads.put({ ...entry, failure: { code: error.code, message: error.detail } });
    }
  }
}
