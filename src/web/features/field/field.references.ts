import type { z } from "zod";
import type { IndicatorList, RatingScale } from "../../../contracts/isaf";
import type { SyncCycle } from "../../../contracts/sync";
import { catalogueUrl, RATING_SCALE_URL, villagesUrl } from "../../api/reference-urls";
import { readRecords } from "../../offline/field-records";
import { keepRecording, referenceGet } from "../../offline/field-references";
import { openStore } from "../../offline/field-store";

/**
 * Reference data a meeting needs offline, fetched after each pull of the cycles: each downloaded
 * cycle's indicator catalogue and villages, the rating scale, and the recordings of both (kept by
 * the service worker's audio cache).
 */
export async function downloadCycleReferences(): Promise<void> {
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
  for (const url of audio) await keepRecording(url);
}
