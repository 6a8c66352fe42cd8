import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "../db/database";
import { indicators, ratingScale } from "../db/schema";
import { SEED_DIR } from "../paths";

const ISAF_DIR = path.join(SEED_DIR, "isaf");

interface SourceRow {
  facility_code: string;
  no: string;
  name_km: string;
}

/** "PS" and 3 → "PS-03". */
export function isafCode(sector: string, number: number): string {
  return `${sector}-${String(number).padStart(2, "0")}`;
}

/** Upstream copy-paste: CA items 6–10 repeat HC items 1–5 (seed/isaf/README.md). */
function duplicateSourceOf(sector: string, number: number): string | null {
  return sector === "CA" && number >= 6 ? isafCode("HC", number - 5) : null;
}

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(path.join(ISAF_DIR, file), "utf8"), { columns: true, bom: true }) as T[];
}

/**
 * Loads the ISAF-II criteria and the rating scale when missing. Never overwrites an indicator an
 * administrator has edited (matched by code).
 */
export async function seedIsafCatalogue(db: Db): Promise<void> {
  const scale = JSON.parse(readFileSync(path.join(ISAF_DIR, "rating_scale_5pt_km_en.json"), "utf8")) as {
    value: number;
    code: string;
    label_km: string;
    label_en: string;
  }[];
  await db
    .insert(ratingScale)
    .values(
      scale.map((point) => ({
        value: point.value,
        code: point.code,
        labelKm: point.label_km,
        labelEn: point.label_en,
      })),
    )
    .onConflictDoNothing();

  const english = new Map(
    readCsv<{ code: string; name_en: string }>("indicator_names_en.csv").map((row) => [
      row.code,
      row.name_en,
    ]),
  );
  const rows = readCsv<SourceRow>("isaf2_predefined_indicators_km.csv");
  // HC before CA, so that the duplicates can point at the HC rows.
  const ordered = [...rows].sort(
    (a, b) => Number(a.facility_code === "CA") - Number(b.facility_code === "CA"),
  );
  for (const row of ordered) {
    const number = Number(row.no);
    const code = isafCode(row.facility_code, number);
    const duplicateOf = duplicateSourceOf(row.facility_code, number);
    const [original] = duplicateOf
      ? await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, duplicateOf))
      : [];
    await db
      .insert(indicators)
      .values({
        id: uuidv7(),
        code,
        sectorCode: row.facility_code,
        nameKm: row.name_km.trim(),
        nameEn: english.get(code) ?? code,
        nameEnIsTranslation: true,
        source: "isaf2",
        status: original ? "duplicate" : "active",
        duplicateOfId: original?.id ?? null,
        sourceNote: original
          ? `ISAF-II source file: CA item ${number} is a copy of HC item ${number - 5}.`
          : null,
        sortOrder: number,
      })
      .onConflictDoNothing();
  }
}
