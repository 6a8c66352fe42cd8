import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "../db/database";
import { arrayParam, queryRows } from "../db/sql";
import { facilitySearchText } from "../modules/facilities/facilities.record";

interface Commune {
  code: string;
  nameKm: string;
  nameEn: string;
  lat: number | null;
  lng: number | null;
  firstVillage: string | null;
}

/** A small deterministic random source, so that generated data is the same on every run. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SECTOR_NAMES: Record<string, { en: string; km: string; services: string[] }> = {
  PS: { en: "Primary School", km: "សាលាបឋមសិក្សា", services: ["education"] },
  HC: { en: "Health Centre", km: "មណ្ឌលសុខភាព", services: ["health", "nutrition", "birth_registration"] },
  CA: { en: "Commune Administration", km: "រដ្ឋបាលឃុំ", services: ["birth_registration", "family_support"] },
  CPS: { en: "Community Preschool", km: "សាលាមត្តេយ្យសហគមន៍", services: ["early_childhood", "education"] },
  NGO: {
    en: "Child Support Centre",
    km: "មជ្ឈមណ្ឌលគាំទ្រកុមារ",
    services: ["psychosocial", "case_management", "family_support"],
  },
  POLICE: { en: "Police Post", km: "ប៉ុស្តិ៍នគរបាល", services: ["legal"] },
  RCI: { en: "Children's Home", km: "មណ្ឌលកុមារ", services: ["shelter", "education"] },
  DOSVY: {
    en: "Social Affairs Office",
    km: "ការិយាល័យសង្គមកិច្ច",
    services: ["case_management", "cash_support", "in_kind_support"],
  },
};
const SERVICE_POINT_KINDS = ["CPS", "NGO", "POLICE", "RCI", "DOSVY"];

export interface GenerateOptions {
  /** Only communes under these codes (all when empty). */
  within: string[];
  /** Every Nth commune gets the three ISAF facilities (1 = every commune). */
  communeStep: number;
  /** How many child-protection service points to add, spread over the chosen communes. */
  servicePoints: number;
  isDemo: boolean;
  codePrefix: string;
  seed?: number;
}

/**
 * Generates facilities in bulk (unnest inserts): a primary school, a health centre and a commune
 * administration in every chosen commune, plus service points. Used for demo data and for the
 * national-scale benchmark. Returns how many were made.
 */
export async function generateFacilities(db: Db, options: GenerateOptions): Promise<number> {
  const random = seededRandom(options.seed ?? 42);
  const filter = options.within.length
    ? sql`and left(c.code, 2) = any(${arrayParam(options.within)}::text[])`
    : sql``;
  const rows = await queryRows<{
    code: string;
    name_km: string;
    name_en: string;
    lat: number | null;
    lng: number | null;
    first_village: string | null;
  }>(
    db,
    sql`
    select c.code, c.name_km, c.name_en,
           -- A quarter of the communes have no geocoded point: their district's point stands in.
           coalesce(c.lat, d.lat) as lat, coalesce(c.lng, d.lng) as lng,
           (select min(v.code) from places v where v.parent_code = c.code) as first_village
    from places c join places d on d.code = c.parent_code
    where c.level = 'commune' and c.retired_at is null ${filter} order by c.code`,
  );
  const communes: Commune[] = rows
    .filter((_, index) => index % options.communeStep === 0)
    .map((r) => ({
      code: r.code,
      nameKm: r.name_km,
      nameEn: r.name_en,
      lat: r.lat,
      lng: r.lng,
      firstVillage: r.first_village,
    }));
  if (communes.length === 0) return 0;

  const made: { kind: string; commune: Commune; n: number }[] = [];
  for (const commune of communes) for (const kind of ["PS", "HC", "CA"]) made.push({ kind, commune, n: 1 });
  for (let i = 0; i < options.servicePoints; i++) {
    made.push({
      kind: SERVICE_POINT_KINDS[i % SERVICE_POINT_KINDS.length],
      commune: communes[Math.floor(random() * communes.length)],
      n: i + 2,
    });
  }

  const ids = made.map(() => uuidv7());
  const column = <T>(pick: (item: (typeof made)[number], index: number) => T) => arrayParam(made.map(pick));
  const nameEn = (m: (typeof made)[number]) =>
    `${m.commune.nameEn} ${SECTOR_NAMES[m.kind].en}${m.n > 1 ? ` ${m.n}` : ""}`;
  const nameKm = (m: (typeof made)[number]) =>
    `${SECTOR_NAMES[m.kind].km}${m.commune.nameKm}${m.n > 1 ? ` ${m.n}` : ""}`;
  const code = (m: (typeof made)[number]) =>
    `${options.codePrefix}${m.kind}-${m.commune.code}${m.n > 1 ? `-${m.n}` : ""}`;
  const jitter = () => (random() - 0.5) * 0.03;
  const lats = made.map((m) => (m.commune.lat === null ? null : m.commune.lat + jitter()));
  const lngs = made.map((m) => (m.commune.lng === null ? null : m.commune.lng + jitter()));

  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into facilities (id, code, kind_code, name_km, name_en, province_code, district_code, commune_code,
                              village_code, lat, lng, search_text, is_demo)
      select id, code, kind, name_km, name_en, left(commune, 2), left(commune, 4), commune, village, lat, lng, search, ${options.isDemo}
      from unnest(${arrayParam(ids)}::uuid[], ${column(code)}::text[], ${column((m) => m.kind)}::text[],
                  ${column(nameKm)}::text[], ${column(nameEn)}::text[], ${column((m) => m.commune.code)}::text[],
                  ${column((m) => (m.kind === "CA" ? null : m.commune.firstVillage))}::text[],
                  ${arrayParam(lats)}::float8[], ${arrayParam(lngs)}::float8[],
                  ${column((m) => facilitySearchText({ code: code(m), nameEn: nameEn(m), nameKm: nameKm(m) }))}::text[])
        as t(id, code, kind, name_km, name_en, commune, village, lat, lng, search)`);
    const serviceFacility: string[] = [];
    const serviceCode: string[] = [];
    made.forEach((m, index) => {
      for (const service of SECTOR_NAMES[m.kind].services) {
        serviceFacility.push(ids[index]);
        serviceCode.push(service);
      }
    });
    await tx.execute(sql`
      insert into facility_services (facility_id, service_type_code)
      select * from unnest(${arrayParam(serviceFacility)}::uuid[], ${arrayParam(serviceCode)}::text[])`);
  });
  await db.execute(sql`analyze facilities`);
  await db.execute(sql`analyze facility_services`);
  return made.length;
}
