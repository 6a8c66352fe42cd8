import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { facilityKinds, serviceTypes } from "../db/schema";
import { queryRows } from "../db/sql";
import { seedTimeLimits } from "../modules/feedback/feedback.limits";
import { seedIsafCatalogue } from "./isaf-catalogue-seed";

/** Facility kinds: the three ISAF sectors first, then child-protection service points. */
export const FACILITY_KINDS = [
  { code: "PS", nameEn: "Primary school", nameKm: "សាលាបឋមសិក្សា", isafSector: true },
  { code: "HC", nameEn: "Health centre", nameKm: "មណ្ឌលសុខភាព", isafSector: true },
  { code: "CA", nameEn: "Commune/sangkat administration", nameKm: "រដ្ឋបាលឃុំសង្កាត់", isafSector: true },
  {
    code: "RCI",
    nameEn: "Residential care institution",
    nameKm: "ស្ថាប័នថែទាំកុមារតាមលំនៅដ្ឋាន",
    isafSector: false,
  },
  {
    code: "DOSVY",
    nameEn: "District office of social affairs (DoSVY)",
    nameKm: "ការិយាល័យសង្គមកិច្ចស្រុក",
    isafSector: false,
  },
  { code: "NGO", nameEn: "NGO service", nameKm: "សេវាអង្គការមិនមែនរដ្ឋាភិបាល", isafSector: false },
  { code: "POLICE", nameEn: "Police post", nameKm: "ប៉ុស្តិ៍នគរបាល", isafSector: false },
  { code: "CPS", nameEn: "Community preschool", nameKm: "សាលាមត្តេយ្យសហគមន៍", isafSector: false },
  { code: "SHELTER", nameEn: "Emergency shelter", nameKm: "ទីជម្រកបន្ទាន់", isafSector: false },
] as const;

/** The managed list of services on the service map. */
export const SERVICE_TYPES = [
  { code: "health", nameEn: "Health care", nameKm: "សេវាសុខាភិបាល" },
  { code: "education", nameEn: "Education", nameKm: "ការអប់រំ" },
  { code: "psychosocial", nameEn: "Psychosocial support", nameKm: "ការគាំទ្រផ្លូវចិត្ត និងសង្គម" },
  { code: "legal", nameEn: "Legal aid", nameKm: "ជំនួយផ្លូវច្បាប់" },
  { code: "shelter", nameEn: "Shelter", nameKm: "ទីជម្រក" },
  { code: "family_support", nameEn: "Family support", nameKm: "ការគាំទ្រគ្រួសារ" },
  { code: "cash_support", nameEn: "Cash support", nameKm: "ជំនួយជាសាច់ប្រាក់" },
  { code: "in_kind_support", nameEn: "In-kind support", nameKm: "ជំនួយជាសម្ភារៈ" },
  { code: "birth_registration", nameEn: "Birth registration", nameKm: "ការចុះបញ្ជីកំណើត" },
  { code: "case_management", nameEn: "Child-protection case management", nameKm: "ការគ្រប់គ្រងករណីការពារកុមារ" },
  { code: "disability", nameEn: "Disability services", nameKm: "សេវាសម្រាប់ជនមានពិការភាព" },
  { code: "early_childhood", nameEn: "Early childhood care", nameKm: "ការថែទាំកុមារតូច" },
  { code: "nutrition", nameEn: "Nutrition", nameKm: "អាហារូបត្ថម្ភ" },
] as const;

/** Inserts the reference lists that are missing (kinds, service types, the ISAF catalogue); never overwrites what an administrator changed. */
export async function seedReferenceData(db: Db): Promise<void> {
  await db
    .insert(facilityKinds)
    .values(FACILITY_KINDS.map((kind, index) => ({ ...kind, sortOrder: index })))
    .onConflictDoNothing();
  await db
    .insert(serviceTypes)
    .values(SERVICE_TYPES.map((type, index) => ({ ...type, sortOrder: index })))
    .onConflictDoNothing();
  await seedIsafCatalogue(db);
  await seedTimeLimits(db);
}

export async function countRows(db: Db, table: "users" | "facilities"): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}
