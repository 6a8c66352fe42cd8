import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiRequest,
  apiSignIn,
  baseUrl,
  DESKTOP,
  demoSession,
  khmerFontLoaded,
  launchBrowser,
  newPage,
  overflowsHorizontally,
  PHONE,
  pickOption,
  setLanguage,
  shot,
} from "./browser";

/**
 * The ISAF programme and cycle (issue 3, parts 1–3): an NGO officer plans a cycle for a school,
 * prepares the I4C pack and records a dissemination session on a phone in Khmer, prints the poster
 * as PDF, and a catalogue keeper reviews the indicator catalogue and uploads audio.
 */
const RUN = Date.now().toString(36);
const PASSWORD = "Kampong-Lotus-Ledger-58";
const ngoUser = `e2e.ngo.${RUN}`;
const cafName = `E2E Facilitator ${RUN}`;
const schoolName = `E2E School ${RUN}`;

let browser: Browser;
let admin: ApiSession;
let ngo: ApiSession;
let programmeId = "";
let cycleId = "";

/** A page signed in as a user of this file (own password), at the home page. */
async function pageAs(username: string, viewport: typeof DESKTOP, locale: "km" | "en"): Promise<Page> {
  const { cookie } = await apiSignIn(username, PASSWORD);
  const split = cookie.indexOf("=");
  const page = await newPage(browser, viewport, locale);
  await page
    .context()
    .addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseUrl() }]);
  await page.goto("/");
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await demoSession("admin");
  const organisation = await apiRequest<{ id: string }>(admin, "POST", "/api/v1/organisations", {
    nameKm: "អង្គការសាកល្បង",
    nameEn: `E2E NGO ${RUN}`,
    kind: "ngo",
    placeCode: "15",
  });
  await apiRequest(admin, "POST", "/api/v1/users", {
    username: ngoUser,
    displayName: `E2E NGO officer ${RUN}`,
    roles: ["ngo_staff"],
    organisationId: organisation.id,
    area: { national: false, codes: ["15"] },
    locale: "en",
    password: PASSWORD,
  });
  await apiRequest(admin, "POST", "/api/v1/users", {
    username: `e2e.isafcaf.${RUN}`,
    displayName: cafName,
    roles: ["facilitator"],
    area: { national: false, codes: ["1501"] },
    locale: "km",
    password: PASSWORD,
  });
  await apiRequest(admin, "POST", "/api/v1/facilities", {
    code: `E2E-PS-${RUN}`,
    kindCode: "PS",
    nameKm: `សាលាបឋមសិក្សា ${RUN}`,
    nameEn: schoolName,
    communeCode: "150101",
  });
  ngo = await apiSignIn(ngoUser, PASSWORD);
  const programme = await apiRequest<{ id: string }>(ngo, "POST", "/api/v1/programmes", {
    nameKm: "កម្មវិធីគណនេយ្យភាពសង្គម",
    nameEn: `E2E programme ${RUN}`,
    leadOrganisationId: organisation.id,
    startYear: 2024,
    endYear: 2030,
    communeCodes: ["150101"],
  });
  programmeId = programme.id;
});
afterAll(() => browser.close());

describe("programmes and cycles on a desktop, in English", () => {
  it("plans this year's cycle for a target school and shows it in the cycle list", async () => {
    const page = await pageAs(ngoUser, DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto(`/programmes/${programmeId}`);
    await page.getByRole("heading", { level: 1, name: `E2E programme ${RUN}` }).waitFor();
    await page.getByText("Women ≥ 40%").waitFor();
    await page.getByRole("link", { name: "Plan cycles" }).click();
    await page.getByRole("heading", { level: 1, name: "Plan cycles" }).waitFor();
    const form = page.getByRole("form", { name: "Plan cycles" });
    await form.getByRole("checkbox", { name: new RegExp(schoolName) }).check();
    await form.getByLabel("Planned meeting").fill(`${new Date().getFullYear()}-11-20`);
    await pickOption(page, form.getByRole("combobox", { name: "Facilitators" }), cafName);
    await page.keyboard.press("Escape");
    await shot(page, "isaf-plan-desktop-en");
    await form.getByRole("button", { name: "Plan 1 cycle" }).click();
    await page.waitForURL(/\/cycles\?programme=/);
    await page.getByRole("table", { name: "Cycles" }).getByRole("link", { name: schoolName }).click();
    await page.waitForURL(/\/cycles\/[0-9a-f-]+$/);
    cycleId = new URL(page.url()).pathname.split("/").pop() ?? "";
    await page.getByRole("heading", { level: 1, name: new RegExp(schoolName) }).waitFor();
    await page.getByText(cafName).waitFor();

    // The first step, done today by the officer, moves the cycle to I4C.
    await page.getByRole("button", { name: "Mark “Planned” as done" }).click();
    await page.getByText(/Done on .* by E2E NGO officer/).waitFor();
    // The I4C step needs the pack published first: the server says so in words.
    await page.getByRole("button", { name: "Mark “I4C” as done" }).click();
    await page.getByText("The I4C pack must be published before this step can be completed.").waitFor();
    await shot(page, "isaf-cycle-desktop-en");
    await page.close();
  });
});

describe("a programme whose year is all planned", () => {
  it("says how to extend it instead of offering to plan nothing", async () => {
    // A programme of its own, for this year only, in a commune where this test adds a school: other
    // files add facilities to 150101, so that programme's list is not this test's to empty.
    const year = new Date().getFullYear();
    await apiRequest(admin, "POST", "/api/v1/facilities", {
      code: `E2E-FULL-${RUN}`.toUpperCase(),
      kindCode: "PS",
      nameKm: `សាលាពេញ ${RUN}`,
      nameEn: `E2E Full School ${RUN}`,
      communeCode: "150105",
    });
    const full = await apiRequest<{ id: string }>(ngo, "POST", "/api/v1/programmes", {
      nameKm: "កម្មវិធីពេញ",
      nameEn: `E2E full programme ${RUN}`,
      startYear: year,
      endYear: year,
      communeCodes: ["150105"],
    });
    const page = await pageAs(ngoUser, DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto(`/programmes/${full.id}/plan`);
    const form = page.getByRole("form", { name: "Plan cycles" });
    await form.getByRole("checkbox", { name: new RegExp(`E2E Full School ${RUN}`) }).waitFor();
    // Nothing chosen: the button says what to do, never "Plan 0 cycles".
    await form.getByRole("button", { name: "Choose the facilities to plan" }).waitFor();
    expect(await form.getByRole("button", { name: /Plan 0/ }).count()).toBe(0);

    // Every target facility gets this year's cycle; then the page says how to plan more.
    const plan = await apiRequest<{ facilities: { id: string; existingCycle: unknown }[] }>(
      ngo,
      "GET",
      `/api/v1/programmes/${full.id}/plan?year=${year}`,
    );
    const free = plan.facilities.filter((facility) => !facility.existingCycle).map((facility) => facility.id);
    await apiRequest(ngo, "POST", `/api/v1/programmes/${full.id}/cycles`, { year, facilityIds: free });
    await page.reload();
    await page.getByText(`Every target facility already has a cycle in ${year}`, { exact: true }).waitFor();
    expect(await form.getByRole("button", { name: /^Plan|Choose the facilities/ }).count()).toBe(0);
    await shot(page, "isaf-plan-all-planned-en-desktop");
    await page.getByRole("link", { name: "Open the programme to extend it" }).click();
    await page.getByRole("heading", { level: 1, name: `E2E full programme ${RUN}` }).waitFor();
    await page.close();
  });
});

describe("the I4C pack on a phone, in Khmer", () => {
  let phone: Page;
  beforeAll(async () => {
    phone = await pageAs(ngoUser, PHONE, "km");
    await setLanguage(phone, "km");
  });
  afterAll(() => phone.close());

  it("edits the pack, saves and publishes it", async () => {
    await phone.goto(`/cycles/${cycleId}/i4c`);
    await phone.getByRole("heading", { level: 1, name: "ព័ត៌មានសម្រាប់ពលរដ្ឋ (I4C)" }).waitFor();
    await phone.getByRole("button", { name: "បន្ថែមធាតុ" }).click();
    const first = phone.getByRole("group", { name: "ធាតុទី ១" });
    await first.getByLabel("អ្វី (ភាសាខ្មែរ)").fill("សិស្សក្នុងគ្រូម្នាក់");
    await first.getByLabel("អ្វី (ភាសាអង់គ្លេស)").fill("Pupils per teacher");
    await first.getByLabel("ស្តង់ដារ").fill("≤40");
    await first.getByLabel("ជាក់ស្តែង").fill("52");
    await first.getByLabel("ឯកតា").fill("នាក់");
    await phone.getByRole("button", { name: "បន្ថែមធាតុ" }).click();
    const second = phone.getByRole("group", { name: "ធាតុទី ២" });
    await second.getByLabel("អ្វី (ភាសាខ្មែរ)").fill("បង្គន់អនាម័យ");
    await second.getByLabel("ស្តង់ដារ").fill("≥4");
    await second.getByLabel("ជាក់ស្តែង").fill("4");
    await phone.getByLabel("សេចក្តីសង្ខេបថវិកា").fill("ថវិកាប្រតិបត្តិការ ១២.០០០.០០០ រៀល");
    await phone.getByRole("button", { name: "រក្សាទុកកញ្ចប់" }).click();
    await phone.getByText("កញ្ចប់ព័ត៌មានសម្រាប់ពលរដ្ឋត្រូវបានរក្សាទុក។").waitFor();
    await phone.getByRole("button", { name: "ផ្សព្វផ្សាយ", exact: true }).click();
    await phone.getByRole("dialog").getByRole("button", { name: "ផ្សព្វផ្សាយ", exact: true }).click();
    await phone.getByText(/^បានផ្សព្វផ្សាយនៅ/).waitFor();
    expect(await khmerFontLoaded(phone)).toBe(true);
    expect(await overflowsHorizontally(phone)).toBe(false);
    await shot(phone, "isaf-i4c-phone-km");

    // A new figure is not public until the pack is published again.
    await phone.getByRole("group", { name: "ធាតុទី ១" }).getByLabel("ជាក់ស្តែង").fill("50");
    await phone.getByText(/^ការកែប្រែមិនទាន់ជាសាធារណៈទេ រហូតដល់អ្នកផ្សព្វផ្សាយម្តងទៀត៖ ការរក្សាទុក/).waitFor();
    expect(await phone.getByRole("button", { name: "ផ្សព្វផ្សាយ", exact: true }).isDisabled()).toBe(true);
    await shot(phone, "isaf-i4c-unpublished-changes-phone-km");
    await phone.getByRole("button", { name: "រក្សាទុកកញ្ចប់" }).click();
    await phone.getByText("មិនទាន់ផ្សព្វផ្សាយ", { exact: true }).waitFor();
    await phone.getByRole("button", { name: "ផ្សព្វផ្សាយ", exact: true }).click();
    await phone.getByRole("dialog").getByRole("button", { name: "ផ្សព្វផ្សាយ", exact: true }).click();
    await phone.getByText(/^បានផ្សព្វផ្សាយនៅ/).waitFor();
    expect(await phone.getByRole("button", { name: "បានផ្សព្វផ្សាយ", exact: true }).isDisabled()).toBe(true);

    // Published, the I4C step can be marked done.
    await phone.goto(`/cycles/${cycleId}`);
    await phone.getByRole("button", { name: "កត់ថា «ព័ត៌មានសម្រាប់ពលរដ្ឋ» បានរួចរាល់" }).click();
    await phone.getByRole("button", { name: "កត់ថា «ប័ណ្ណដាក់ពិន្ទុសហគមន៍» បានរួចរាល់" }).waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await phone.goto(`/cycles/${cycleId}/i4c`);
  });

  it("records a dissemination session with attendance by sex and age band", async () => {
    await phone.getByRole("button", { name: "កត់ត្រាវគ្គ" }).click();
    const dialog = phone.getByRole("dialog", { name: "កត់ត្រាវគ្គ" });
    await dialog.getByLabel("កាលបរិច្ឆេទ").fill("2026-02-10");
    await dialog.getByLabel("ស្ត្រី និងក្មេងស្រី ១៨–៣០ ឆ្នាំ").fill("12");
    await dialog.getByLabel("បុរស និងក្មេងប្រុស ៣១–៥៩ ឆ្នាំ").fill("7");
    await dialog.getByText("១៩ នាក់").waitFor();
    await shot(phone, "isaf-session-phone-km");
    await dialog.getByRole("button", { name: "រក្សាទុក" }).click();
    await dialog.waitFor({ state: "detached" });
    await phone
      .getByRole("list", { name: "វគ្គផ្សព្វផ្សាយ" })
      .getByText(/១៩ នាក់/)
      .waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
  });

  it("shows the poster, marks the figure below its standard, and prints it to a PDF", async () => {
    await phone.goto(`/cycles/${cycleId}/i4c/poster?size=A4`);
    const poster = phone.getByRole("article", { name: "ព័ត៌មានសម្រាប់ពលរដ្ឋ" });
    await poster.getByRole("heading", { level: 1, name: `សាលាបឋមសិក្សា ${RUN}` }).waitFor();
    await poster.getByText("មិនទាន់ដល់ស្តង់ដារ").waitFor();
    expect(await poster.getByText("មិនទាន់ដល់ស្តង់ដារ").count()).toBe(1);
    await phone.getByRole("button", { name: "បោះពុម្ព / រក្សាទុកជា PDF" }).waitFor();
    await shot(phone, "isaf-poster-phone-km");
    const pdf = await phone.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
  });
});

describe("the indicator catalogue", () => {
  it("shows the duplicate CA items, and a keeper uploads audio that then plays", async () => {
    const page = await newPage(browser, DESKTOP, "en");
    const { cookie } = await demoSession("admin");
    const split = cookie.indexOf("=");
    await page
      .context()
      .addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseUrl() }]);
    await page.goto("/catalogue");
    await setLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: "Indicator catalogue" }).waitFor();
    await page.getByRole("tab", { name: "Commune administration" }).click();
    const ca = page.getByRole("list", { name: "Commune administration" });
    await ca.getByText(/Repeats HC-01/).waitFor();
    await ca.getByText(/CA item 6 is a copy of HC item 1/).waitFor();

    await page.getByRole("tab", { name: "Primary school" }).click();
    const first = page.getByRole("list", { name: "Primary school" }).getByRole("listitem").first();
    await first.getByRole("button", { name: "Audio" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "ps-01-km.mp3",
      mimeType: "audio/mpeg",
      buffer: Buffer.from("ID3 e2e audio"),
    });
    await dialog.getByRole("button", { name: "Upload" }).click();
    await dialog.waitFor({ state: "detached" });
    await first.getByRole("button", { name: /Play PS-01 in Khmer/ }).waitFor();
    const audio = await page.request.get(`/api/v1/indicators/${await firstIndicatorId()}/audio/km`);
    expect(audio.headers()["content-type"]).toBe("audio/mpeg");
    await shot(page, "isaf-catalogue-desktop-en");
    await page.close();

    const phone = await pageAs(ngoUser, PHONE, "km");
    await setLanguage(phone, "km");
    await phone.goto("/catalogue");
    await phone.getByRole("tab", { name: "រដ្ឋបាលឃុំ/សង្កាត់" }).click();
    await phone.getByText(/ស្ទួននឹង HC-01/).waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await shot(phone, "isaf-catalogue-phone-km");
    await phone.close();
  });
});

async function firstIndicatorId(): Promise<string> {
  const { items } = await apiRequest<{ items: { id: string; code: string }[] }>(
    admin,
    "GET",
    "/api/v1/indicators?sector=PS",
  );
  return items.find((item) => item.code === "PS-01")?.id ?? "";
}
