import { api, isApiError } from "../api/client";
import { readReference, saveReference } from "./field-records";
import { openStore } from "./field-store";

/**
 * Reference data that field work needs offline (a cycle's catalogue and villages, the rating scale:
 * api/reference-urls.ts), kept in the field store under its URL, and recordings kept by the
 * service worker. What to download after a pull is the record kinds' (record-kinds.ts afterPull).
 */

/**
 * GET for reference data: from the network when there is one (keeping a copy when the field store is
 * open), else the copy kept on the device. Used by the meeting screens' catalogue, scale and villages.
 */
export async function referenceGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  try {
    const fresh = await api.get<T>(url, { signal });
    if (openStore()) await saveReference(url, fresh);
    return fresh;
  } catch (error) {
    if (!isApiError(error) || error.status !== 0) throw error;
    const kept = await readReference<T>(url);
    if (kept === null) throw error;
    return kept;
  }
}

/** Asks for a recording once so that the service worker keeps it (vite.config.ts, "catalogue-audio"). */
export async function keepRecording(url: string): Promise<void> {
  if ("caches" in window && (await caches.match(url))) return;
  try {
    await fetch(url, { credentials: "same-origin" });
  } catch {
    // No network for this one: the meeting shows the label, and the next sync tries again.
  }
}
