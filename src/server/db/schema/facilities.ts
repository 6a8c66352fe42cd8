import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { organisations } from "./organisations";
import { places } from "./places";
import { users } from "./users";

/** Kinds of facility: the three ISAF sectors (PS, HC, CA) and child-protection service points. */
export const facilityKinds = pgTable("facility_kinds", {
  code: text("code").primaryKey(),
  nameKm: text("name_km").notNull(),
  nameEn: text("name_en").notNull(),
  /** ISAF sector facilities are scored in the community score card. */
  isafSector: boolean("isaf_sector").notNull().default(false),
  sortOrder: integer("sort_order").notNull().default(0),
  ...timestamps,
});

/** The managed list of services a facility can offer (health, education, psychosocial, ...). */
export const serviceTypes = pgTable("service_types", {
  code: text("code").primaryKey(),
  nameKm: text("name_km").notNull(),
  nameEn: text("name_en").notNull(),
  active: boolean("active").notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  ...timestamps,
});

export const facilities = pgTable(
  "facilities",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull(),
    kindCode: text("kind_code")
      .notNull()
      .references(() => facilityKinds.code),
    nameKm: text("name_km").notNull(),
    nameEn: text("name_en").notNull(),
    /** Denormalised from commune_code so that scope and filters by province/district use an index. */
    provinceCode: text("province_code")
      .notNull()
      .references(() => places.code),
    districtCode: text("district_code")
      .notNull()
      .references(() => places.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => places.code),
    villageCode: text("village_code").references(() => places.code),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    contactName: text("contact_name"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    operatorOrganisationId: uuid("operator_organisation_id").references(() => organisations.id),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true, mode: "date" }),
    deactivationReason: text("deactivation_reason"),
    searchText: text("search_text").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("facilities_code_uq").on(sql`lower(${t.code})`),
    index("facilities_province_name_idx").on(t.provinceCode, t.nameEn),
    index("facilities_province_name_km_idx").on(t.provinceCode, t.nameKm),
    index("facilities_commune_idx").on(t.communeCode),
    index("facilities_district_idx").on(t.districtCode),
    index("facilities_kind_idx").on(t.kindCode),
    index("facilities_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const facilityServices = pgTable(
  "facility_services",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id, { onDelete: "cascade" }),
    serviceTypeCode: text("service_type_code")
      .notNull()
      .references(() => serviceTypes.code),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.serviceTypeCode] }),
    index("facility_services_type_idx").on(t.serviceTypeCode),
  ],
);

/** The places a facility serves (its catchment). */
export const facilityCatchment = pgTable(
  "facility_catchment",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id, { onDelete: "cascade" }),
    placeCode: text("place_code")
      .notNull()
      .references(() => places.code),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.placeCode] })],
);

/**
 * The staff who run a facility (its director, its chief): a service provider's messages from citizens
 * are those about her facilities (issue 5, routing). Set by administrators on the user.
 */
export const facilityStaff = pgTable(
  "facility_staff",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.facilityId] }),
    index("facility_staff_facility_idx").on(t.facilityId),
  ],
);

/** A spreadsheet upload: validated first, committed when the user confirms. */
export const facilityImports = pgTable("facility_imports", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  fileName: text("file_name").notNull(),
  status: text("status", { enum: ["validated", "committed", "discarded"] }).notNull(),
  totalRows: integer("total_rows").notNull(),
  validRows: integer("valid_rows").notNull(),
  importedRows: integer("imported_rows").notNull().default(0),
  /** The parsed rows and their per-row problems, kept until commit. */
  rows: jsonb("rows").notNull(),
  ...timestamps,
});
