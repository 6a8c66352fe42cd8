import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { places } from "./places";

/** Ministries, provincial and district offices, commune councils, NGOs. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey(),
    nameKm: text("name_km").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", {
      enum: ["ministry", "provincial_office", "district_office", "commune_council", "ngo", "other"],
    }).notNull(),
    /** Where the organisation sits; null for national bodies. */
    placeCode: text("place_code").references(() => places.code),
    active: boolean("active").notNull().default(true),
    isDemo: boolean("is_demo").notNull().default(false),
    ...timestamps,
  },
  (t) => [index("organisations_place_idx").on(t.placeCode)],
);
