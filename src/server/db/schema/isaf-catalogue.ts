import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { facilityKinds } from "./facilities";
import { mediaFiles } from "./media";
import { users } from "./users";

/**
 * The indicator catalogue: what citizens score. Seeded with the 30 ISAF-II criteria (Khmer, with our
 * English translations); indicators raised in a meeting in the participants' own words join as
 * "proposed" until a reviewer accepts them.
 */
export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey(),
    /** Stable code: "PS-01" for the seeded criteria, "PS-M-<n>" for those raised in meetings. */
    code: text("code").notNull(),
    /** The ISAF sector: a facility kind with isaf_sector (PS, HC, CA). */
    sectorCode: text("sector_code")
      .notNull()
      .references(() => facilityKinds.code),
    nameKm: text("name_km").notNull(),
    nameEn: text("name_en").notNull(),
    /** The English name is our translation of the Khmer source, not an official text. */
    nameEnIsTranslation: boolean("name_en_is_translation").notNull().default(false),
    source: text("source", { enum: ["isaf2", "meeting", "programme"] }).notNull(),
    status: text("status", { enum: ["active", "proposed", "duplicate", "retired"] }).notNull(),
    /** For status "duplicate": the indicator it repeats. */
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => indicators.id),
    /** Why the row looks the way it does (e.g. the upstream copy-paste in the ISAF-II file). */
    sourceNote: text("source_note"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("indicators_code_uq").on(t.code),
    index("indicators_sector_idx").on(t.sectorCode, t.sortOrder),
  ],
);

/** The five faces: 1 very bad … 5 very good. */
export const ratingScale = pgTable(
  "rating_scale",
  {
    value: integer("value").primaryKey(),
    code: text("code").notNull(),
    labelKm: text("label_km").notNull(),
    labelEn: text("label_en").notNull(),
  },
  (t) => [check("rating_scale_value_ck", sql`${t.value} between 1 and 5`)],
);

/** Audio for an indicator or a scale point, per language (km, en and the ISAF-II minority languages). */
export const catalogueAudio = pgTable(
  "catalogue_audio",
  {
    ownerKind: text("owner_kind", { enum: ["indicator", "rating"] }).notNull(),
    /** The indicator id, or the scale value as text. */
    ownerKey: text("owner_key").notNull(),
    language: text("language").notNull(),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => mediaFiles.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.ownerKind, t.ownerKey, t.language] })],
);
