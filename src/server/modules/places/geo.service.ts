import { readFileSync } from "node:fs";
import path from "node:path";
import { SEED_DIR } from "../../paths";

type GeoLevel = "province" | "district" | "commune";

interface Feature {
  type: "Feature";
  id: string;
  properties: Record<string, unknown>;
  geometry: unknown;
}

const FILES: Record<GeoLevel, string> = {
  province: "cambodia-provinces.geojson",
  district: "cambodia-districts.geojson",
  commune: "cambodia-communes.geojson",
};

/**
 * Boundary polygons from seed/geo (Open Development Cambodia 2014 via geoBoundaries, CC BY 4.0).
 * They are immutable reference data, so each file is read once and kept; every process reads its own copy.
 */
const loaded = new Map<GeoLevel, Feature[]>();

function features(level: GeoLevel): Feature[] {
  let list = loaded.get(level);
  if (!list) {
    const text = readFileSync(path.join(SEED_DIR, "geo", FILES[level]), "utf8");
    list = (JSON.parse(text) as { features: Feature[] }).features;
    loaded.set(level, list);
  }
  return list;
}

export const GEO_ATTRIBUTION =
  "Boundaries: Open Development Cambodia (2014) via geoBoundaries (Runfola et al. 2020), CC BY 4.0; " +
  "codes/names: NCDD gazetteer via dwilkie/pumi (MIT)";

/** A GeoJSON FeatureCollection of one level's boundaries, optionally only those under `within`. */
export function boundaries(level: GeoLevel, within?: string): string {
  const selected = within ? features(level).filter((f) => f.id.startsWith(within)) : features(level);
  return JSON.stringify({ type: "FeatureCollection", attribution: GEO_ATTRIBUTION, features: selected });
}
