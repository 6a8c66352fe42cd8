import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Role } from "../../domain/roles";
import type { Db } from "../db/database";
import { organisations, userAreas, userRoles, users } from "../db/schema";
import { hashPassword } from "../platform/passwords";
import { seedDemoFeedback } from "./demo-feedback";
import { generateFacilities } from "./facility-generator";
import { generateDemoIsafData } from "./isaf-generator";

/** The seed programmes' provinces (issue 2): Pursat, Stung Treng, Kratie, Tboung Khmum, Prey Veng,
 * Battambang, Kampong Chhnang, Takeo, Ratanak Kiri, Mondul Kiri, Koh Kong. */
export const DEMO_PROVINCES = ["15", "19", "10", "25", "14", "02", "04", "21", "16", "11", "09"];

/** Printed at start-up; demo data is for trying the product and is switched off in production. */
export const DEMO_PASSWORD = "Samleng-Demo-2026";

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  national?: boolean;
  area?: string[];
  organisation: keyof typeof DEMO_ORGANISATIONS;
}

const DEMO_ORGANISATIONS = {
  mosvy: {
    nameEn: "Ministry of Social Affairs, Veterans and Youth Rehabilitation (demo)",
    nameKm: "ក្រសួងសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទា (សាកល្បង)",
    kind: "ministry",
    placeCode: null,
  },
  posvyPursat: {
    nameEn: "Pursat Provincial Department of Social Affairs (demo)",
    nameKm: "មន្ទីរសង្គមកិច្ចខេត្តពោធិ៍សាត់ (សាកល្បង)",
    kind: "provincial_office",
    placeCode: "15",
  },
  dosvyBakan: {
    nameEn: "Bakan District Office of Social Affairs (demo)",
    nameKm: "ការិយាល័យសង្គមកិច្ចស្រុកបាកាន (សាកល្បង)",
    kind: "district_office",
    placeCode: "1501",
  },
  communeCouncil: {
    nameEn: "Boeng Bat Kandaol Commune Council (demo)",
    nameKm: "ក្រុមប្រឹក្សាឃុំបឹងបត់កណ្ដាល (សាកល្បង)",
    kind: "commune_council",
    placeCode: "150101",
  },
  ngo: {
    nameEn: "Children's Voice NGO (demo)",
    nameKm: "អង្គការសំឡេងកុមារ (សាកល្បង)",
    kind: "ngo",
    placeCode: null,
  },
} as const;

const DEMO_USERS: DemoUser[] = [
  {
    username: "admin",
    displayName: "Demo Administrator",
    roles: ["admin"],
    national: true,
    organisation: "mosvy",
  },
  {
    username: "national",
    displayName: "Demo National Officer",
    roles: ["national_officer"],
    national: true,
    organisation: "mosvy",
  },
  {
    username: "provincial",
    displayName: "Demo Provincial Officer (Pursat)",
    roles: ["provincial_officer"],
    area: ["15"],
    organisation: "posvyPursat",
  },
  {
    username: "district",
    displayName: "Demo District Officer (Bakan)",
    roles: ["district_officer"],
    area: ["1501"],
    organisation: "dosvyBakan",
  },
  {
    username: "commune",
    displayName: "Demo CCWC Focal Point",
    roles: ["commune_council"],
    area: ["150101"],
    organisation: "communeCouncil",
  },
  {
    username: "ngo",
    displayName: "Demo NGO Staff",
    roles: ["ngo_staff"],
    area: ["15", "19"],
    organisation: "ngo",
  },
  {
    username: "facilitator",
    displayName: "Demo Community Facilitator",
    roles: ["facilitator"],
    area: ["150101"],
    organisation: "ngo",
  },
  {
    username: "provider",
    displayName: "Demo School Director",
    roles: ["service_provider"],
    area: ["150101"],
    organisation: "communeCouncil",
  },
  {
    username: "socialworker",
    displayName: "Demo Social Worker",
    roles: ["social_worker"],
    area: ["1501"],
    organisation: "dosvyBakan",
  },
  {
    username: "supervisor",
    displayName: "Demo Supervisor",
    roles: ["supervisor"],
    area: ["15"],
    organisation: "posvyPursat",
  },
  {
    username: "viewer",
    displayName: "Demo Viewer",
    roles: ["viewer"],
    area: ["15"],
    organisation: "posvyPursat",
  },
];

/** Loads demo organisations, one user per role, and facilities in the programme provinces. */
export async function seedDemoData(db: Db): Promise<{ users: string[]; facilities: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = Object.fromEntries(Object.keys(DEMO_ORGANISATIONS).map((key) => [key, uuidv7()]));
  await db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values(
        Object.entries(DEMO_ORGANISATIONS).map(([key, org]) => ({ id: orgIds[key], ...org, isDemo: true })),
      );
    for (const demo of DEMO_USERS) {
      const id = uuidv7();
      await tx.insert(users).values({
        id,
        username: demo.username,
        displayName: demo.displayName,
        passwordHash,
        organisationId: orgIds[demo.organisation],
        nationalArea: demo.national ?? false,
        isDemo: true,
      });
      await tx.insert(userRoles).values(demo.roles.map((role) => ({ userId: id, role })));
      if (demo.area?.length)
        await tx.insert(userAreas).values(demo.area.map((placeCode) => ({ userId: id, placeCode })));
    }
  });
  const facilities = await generateFacilities(db, {
    within: DEMO_PROVINCES,
    communeStep: 4,
    servicePoints: 120,
    isDemo: true,
    codePrefix: "DEMO-",
  });
  // The demo provider directs commune 150101's primary school: its citizens' messages are hers.
  await db.execute(sql`insert into facility_staff (facility_id, user_id)
    select f.id, u.id from facilities f, users u
    where u.username = 'provider' and u.is_demo and f.commune_code = '150101' and f.kind_code = 'PS'`);
  // ISAF cycles of the last five years, with score cards, JAAP actions and dashboard rollups.
  await generateDemoIsafData(db, { provinces: DEMO_PROVINCES, ngoOrganisationId: orgIds.ngo ?? null });
  // Citizens' messages to answer, one of them a report for child protection.
  await seedDemoFeedback(db);
  return { users: DEMO_USERS.map((user) => `${user.username} (${user.roles.join(", ")})`), facilities };
}

export function demoLogins(): { username: string; role: string }[] {
  return DEMO_USERS.map((user) => ({ username: user.username, role: user.roles.join(", ") }));
}
