import { sql } from "drizzle-orm";
import { type AnyPgColumn, doublePrecision, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps } from "./common";

/**
 * The NCDD gazetteer: province (2 digits) › district (4) › commune (6) › village (8).
 * The code is the key; names change, codes do not. Retired units keep their row (retired_at set).
 */
export const places = pgTable(
  "places",
  {
    code: text("code").primaryKey(),
    parentCode: text("parent_code").references((): AnyPgColumn => places.code),
    level: text("level", { enum: ["province", "district", "commune", "village"] }).notNull(),
    type: text("type").notNull(),
    nameKm: text("name_km").notNull(),
    nameEn: text("name_en").notNull(),
    nameUngegn: text("name_ungegn"),
    /** Lower-cased, accent-free Latin names (name_en and UNGEGN) for search; see domain/search-key.ts. */
    searchLatin: text("search_latin").notNull(),
    /** Khmer name without zero-width spaces, NFC, for search. */
    searchKhmer: text("search_khmer").notNull(),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    retiredAt: timestamp("retired_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("places_parent_idx").on(t.parentCode),
    index("places_search_latin_prefix_idx").using("btree", sql`${t.searchLatin} text_pattern_ops`),
    index("places_search_khmer_prefix_idx").using("btree", sql`${t.searchKhmer} text_pattern_ops`),
    // GiST, not GIN: short names share common trigrams, and GiST also serves "nearest spelling" (<->) in order.
    index("places_search_latin_trgm_idx").using("gist", sql`${t.searchLatin} gist_trgm_ops`),
    index("places_search_khmer_trgm_idx").using("gist", sql`${t.searchKhmer} gist_trgm_ops`),
  ],
);
