import type { z } from "zod";
import type { IndicatorList, RatingScale } from "../../contracts/isaf";
import type { SyncCycle } from "../../contracts/sync";
import { api, isApiError } from "../api/client";
import { catalogueUrl, readRecords, readReference, saveReference, villagesUrl } from "./field-records";
import { openStore } from "./field-store";

/**
 * Reference data a meeting needs offline: each downloaded cycle's indicator catalogue and villages,
 * the rating scale, and the recordings of both (kept by the service worker's audio cache).
 */

export const RATING_SCALE_URL = "/api/v1/rating-scale";

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
async function warmAudio(url: string): Promise<void> {
  if ("caches" in window && (await caches.match(url))) return;
  try {
    await fetch(url, { credentials: "same-origin" });
  } catch {
    // No network for this one: the meeting shows the label, and the next sync tries again.
  }
}

export async function downloadReferences(): Promise<void> {
  if (!openStore()) return;
  const cycles = await readRecords<SyncCycle>("cycle");
  const audio: string[] = [];
  const scale = await referenceGet<z.infer<typeof RatingScale>>(RATING_SCALE_URL);
  for (const point of scale.items) {
    for (const language of point.audioLanguages)
      audio.push(`/api/v1/rating-scale/${point.value}/audio/${language}`);
  }
  const catalogues = new Set(cycles.map((cycle) => catalogueUrl(cycle.sectorCode, cycle.programme.id)));
  for (const url of catalogues) {
    const catalogue = await referenceGet<z.infer<typeof IndicatorList>>(url);
    for (const indicator of catalogue.items) {
      for (const language of indicator.audioLanguages)
        audio.push(`/api/v1/indicators/${indicator.id}/audio/${language}`);
    }
  }
  for (const communeCode of new Set(cycles.map((cycle) => cycle.communeCode))) {
    await referenceGet(villagesUrl(communeCode));
  }
  for (const url of audio) await warmAudio(url);
}
