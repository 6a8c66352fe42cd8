import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiRequest,
  apiSignIn,
  DESKTOP,
  fromKhmerDigits,
  khmerFontLoaded,
  launchBrowser,
  newPage,
  overflowsHorizontally,
  PHONE,
  pickOption,
  setLanguage,
  shot,
  shownText,
  signedInPage,
} from "./browser";

/**
 * One ISAF cycle from end to end, as its people live it (issue 3, "Done when"): the demo
 * facilitator runs the community score-card meeting on a 360 px phone in Khmer; the NGO officer
 * approves the card on a desktop; the interface meeting's decision becomes a JAAP action, which the
 * school director reports done on her phone; a citizen reads it all on the school's public page;
 * the national officer drills down the dashboard to the school and on to the records behind a
 * figure. Only the set-up (the school, the programme, the planned cycle) goes through the API.
 */
let browser: Browser;
let admin: ApiSession;
const RUN = Date.now().toString(36).toUpperCase();
const COMMUNE = "150101";
const SCHOOL_KM = `សាលាបឋមសិក្សាវដ្តពេញលេញ ${RUN}`;
const SCHOOL_EN = `Whole Cycle Primary School ${RUN}`;
const ACTION = `ដំឡើងទ្វារបង្គន់ថ្មី ${RUN}`;
let facilityId = "";
let cycleId = "";
let indicator: { id: string; code: string; nameKm: string; nameEn: string };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await apiSignIn("admin");
  const facilitatorSession = await apiSignIn("facilitator");
  const me = await apiRequest<{ user: { id: string } }>(facilitatorSession, "GET", "/api/v1/auth/session");
  const catalogue = await apiRequest<{ items: (typeof indicator)[] }>(
    admin,
    "GET",
    "/api/v1/indicators?sector=PS&status=active",
  );
  indicator = catalogue.items[0]!;
  const facility = await apiRequest<{ id: string }>(admin, "POST", "/api/v1/facilities", {
    code: `E2E-CYCLE-${RUN}`,
    kindCode: "PS",
    nameKm: SCHOOL_KM,
    nameEn: SCHOOL_EN,
    communeCode: COMMUNE,
  });
  facilityId = facility.id;
  const programme = await apiRequest<{ id: string }>(admin, "POST", "/api/v1/programmes", {
    nameKm: `កម្មវិធីវដ្តពេញលេញ ${RUN}`,
    nameEn: `Whole-cycle programme ${RUN}`,
    startYear: 2026,
    endYear: 2027,
    communeCodes: [COMMUNE],
  });
  const plan = await apiRequest<{ created: { id: string }[] }>(
    admin,
    "POST",
    `/api/v1/programmes/${programme.id}/cycles`,
    { year: 2026, facilityIds: [facilityId], facilitatorIds: [me.user.id] },
  );
  cycleId = plan.created[0]!.id;
}, 60_000);
afterAll(() => browser.close());

async function fits(page: Page, name: string) {
  expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  await shot(page, name);
}

const goToStep = (page: Page, label: RegExp) =>
  page.getByRole("navigation", { name: "ជំហាននៃកិច្ចប្រជុំ" }).getByRole("button", { name: label }).click();

/** Five participants: four women (one a girl of 14) and a man; their faces give 2, 3, 4, 4, 5. */
const PEOPLE: { sex: "ស្រី" | "ប្រុស"; age: number; score: number }[] = [
  { sex: "ស្រី", age: 14, score: 2 },
  { sex: "ស្រី", age: 23, score: 3 },
  { sex: "ស្រី", age: 38, score: 4 },
  { sex: "ស្រី", age: 51, score: 4 },
  { sex: "ប្រុស", age: 45, score: 5 },
];

describe("one ISAF cycle, end to end", () => {
  it("the facilitator runs the score-card meeting on a phone, in Khmer, and submits it", async () => {
    const page = await signedInPage(browser, "facilitator", PHONE, "km");
    await setLanguage(page, "km");
    await page.goto(`/scorecards/cycle/${cycleId}/community`);
    await page.getByRole("button", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);
    await page.getByLabel("កាលបរិច្ឆេទកិច្ចប្រជុំ").fill("2026-11-18");
    await pickOption(page, page.getByRole("combobox", { name: "ភូមិ" }), /./);
    await page.getByRole("button", { name: "រក្សាទុក" }).click();
    await page.getByRole("status").filter({ hasText: "បានរក្សាទុក" }).waitFor();

    await goToStep(page, /អ្នកចូលរួម/);
    const list = page.getByRole("list", { name: "អ្នកចូលរួម" });
    for (const [index, person] of PEOPLE.entries()) {
      await page.getByRole("button", { name: person.sex, exact: true }).click();
      await page.getByLabel("អាយុ (ឆ្នាំ)").fill(String(person.age));
      await page.getByRole("button", { name: "បន្ថែមអ្នកចូលរួម" }).click();
      await expect.poll(() => list.getByRole("listitem").count()).toBe(index + 1);
    }

    await goToStep(page, /បញ្ហា/);
    await page.getByRole("radio", { name: `${indicator.code} · ${indicator.nameKm}` }).check();
    await page.getByText("#១ ស", { exact: true }).click();
    await page.getByRole("button", { name: "កត់ត្រាបញ្ហា" }).click();
    await page.getByRole("list", { name: "បញ្ហាដែលបានលើកឡើង" }).getByText(indicator.nameKm).waitFor();

    await goToStep(page, /អាទិភាព/);
    await page.getByRole("button", { name: `ជ្រើសរើស ${indicator.nameKm}` }).click();
    const savePriorities = page.getByRole("button", { name: "រក្សាទុកអាទិភាព" });
    await savePriorities.click();
    await expect
      .poll(
        async () =>
          (await savePriorities.isDisabled()) && (await savePriorities.getAttribute("data-loading")) === null,
      )
      .toBe(true);

    await goToStep(page, /ដាក់ពិន្ទុ/);
    for (const [index, person] of PEOPLE.entries()) {
      await page
        .getByRole("radiogroup", { name: indicator.nameKm })
        .getByRole("radio")
        .nth(person.score - 1)
        .click();
      await page.getByRole("button", { name: /រក្សាទុកពិន្ទុរបស់លេខ/ }).click();
      await expect
        .poll(async () =>
          fromKhmerDigits(await shownText(page.getByRole("status").filter({ hasText: "បានដាក់ពិន្ទុ" }))),
        )
        .toContain(`${index + 1} នាក់ក្នុងចំណោម 5`);
    }

    await goToStep(page, /លទ្ធផល/);
    const result = page
      .getByRole("region", { name: new RegExp(indicator.nameKm) })
      .filter({ hasText: "មេដ្យាន" });
    expect(fromKhmerDigits(await shownText(result))).toMatch(/មេដ្យាន\s*4/);
    await fits(page, "cycle-1-meeting-results-km-phone");

    await goToStep(page, /ដាក់ស្នើ/);
    await page.getByRole("button", { name: "ដាក់ស្នើដើម្បីពិនិត្យ" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "ដាក់ស្នើដើម្បីពិនិត្យ" }).click();
    await page.getByText("បានដាក់ស្នើដើម្បីពិនិត្យ៖ ប័ណ្ណត្រូវបានចាក់សោ").waitFor();
    expect(await khmerFontLoaded(page)).toBe(true);
    await page.context().close();
  });

  it("the NGO officer approves the score card on a desktop, in English", async () => {
    const page = await signedInPage(browser, "ngo", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto("/scorecards/reviews");
    await page.getByRole("heading", { level: 1, name: "Score-card reviews" }).waitFor();
    const entry = page.locator(".mantine-Card-root").filter({ hasText: SCHOOL_EN });
    await entry.getByRole("button", { name: "Approve" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => entry.count()).toBe(0);
    await fits(page, "cycle-2-approved-en-desktop");
    await page.context().close();
  });

  it("the interface meeting's decision becomes an action, and the director reports it done on her phone", async () => {
    const facilitator = await signedInPage(browser, "facilitator", PHONE, "km");
    await setLanguage(facilitator, "km");
    await facilitator.goto(`/jaap/cycles/${cycleId}`);
    await facilitator.getByRole("heading", { level: 1, name: SCHOOL_KM }).waitFor();
    await facilitator.getByLabel("កាលបរិច្ឆេទប្រជុំ").fill("2026-11-20");
    await facilitator.getByRole("textbox", { name: "ប្រជាពលរដ្ឋ – ស្ត្រី", exact: true }).fill("4");
    await facilitator.getByRole("textbox", { name: "ប្រជាពលរដ្ឋ – បុរស", exact: true }).fill("1");
    await facilitator.getByRole("textbox", { name: "អ្នកផ្តល់សេវា – ស្ត្រី", exact: true }).fill("1");
    await facilitator.getByRole("button", { name: "រក្សាទុកកិច្ចប្រជុំ" }).click();
    await facilitator.getByText("បានរក្សាទុកកិច្ចប្រជុំរួម។").waitFor();
    await facilitator.getByRole("button", { name: "បន្ថែមសេចក្តីសម្រេចជាសកម្មភាព JAAP" }).click();
    const dialog = facilitator.getByRole("dialog", { name: "សេចក្តីសម្រេចនៃកិច្ចប្រជុំរួម" });
    await dialog.getByRole("textbox", { name: "អ្វីដែលនឹងត្រូវធ្វើ" }).fill(ACTION);
    await pickOption(
      facilitator,
      dialog.getByRole("combobox", { name: "លក្ខណៈវិនិច្ឆ័យ" }),
      new RegExp(`^${indicator.code}`),
    );
    await facilitator.keyboard.press("Escape");
    await dialog.getByRole("textbox", { name: "បុគ្គល ឬស្ថាប័នទទួលខុសត្រូវ" }).fill("នាយកសាលា");
    await dialog.getByLabel("កាលកំណត់").fill("2027-03-31");
    await dialog.getByRole("button", { name: "បន្ថែមសកម្មភាព" }).click();
    await dialog.waitFor({ state: "detached" });
    await facilitator.getByRole("article", { name: ACTION }).waitFor();
    await facilitator.context().close();

    // The school director follows her commune's actions and reports this one done.
    const director = await signedInPage(browser, "provider", PHONE, "km");
    await setLanguage(director, "km");
    await director.goto(`/jaap/cycles/${cycleId}`);
    await director.getByRole("tab", { name: "សកម្មភាព JAAP" }).click();
    const card = director.getByRole("article", { name: ACTION });
    await card.getByRole("button", { name: "រាយការណ៍វឌ្ឍនភាព" }).click();
    const progress = director.getByRole("dialog", { name: "រាយការណ៍វឌ្ឍនភាព" });
    await progress.getByRole("textbox", { name: "អ្វីដែលបានធ្វើរួច" }).fill("ទ្វារថ្មីពីរត្រូវបានដំឡើងរួចហើយ។");
    await progress.getByText("បានបញ្ចប់", { exact: true }).click();
    expect(await progress.getByRole("radio", { name: "បានបញ្ចប់" }).isChecked()).toBe(true);
    await progress.getByRole("button", { name: "រក្សាទុករបាយការណ៍" }).click();
    await progress.waitFor({ state: "detached" });
    await expect.poll(async () => shownText(card)).toContain("បានបញ្ចប់");
    await fits(director, "cycle-3-action-done-km-phone");
    await director.context().close();
  });

  it("a citizen reads the school's public page on a phone, in Khmer, without signing in", async () => {
    const page = await newPage(browser, PHONE, "km");
    await page.goto(`/public/facilities/${facilityId}`);
    await page.getByRole("heading", { level: 1, name: SCHOOL_KM }).waitFor();
    const scores = page.getByRole("region", { name: "ពិន្ទុតាមឆ្នាំនីមួយៗ" });
    const table = fromKhmerDigits(await shownText(scores.getByRole("article").first().getByRole("table")));
    expect(table).toMatch(/2026\s+4\s+n = 5/);
    const jaap = page.getByRole("region", { name: "អ្វីដែលបានសន្យា និងអ្វីដែលបានធ្វើ" });
    await jaap.getByText(ACTION).waitFor();
    expect(fromKhmerDigits(await shownText(jaap))).toContain("បានធ្វើរួច 1 ក្នុងចំណោម 1");
    expect(await khmerFontLoaded(page)).toBe(true);
    await fits(page, "cycle-4-public-km-phone");
    await page.context().close();
  });

  it("the national officer drills down the dashboard to the school and opens the records behind a figure", async () => {
    const page = await signedInPage(browser, "national", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto(`/dashboards?place=${COMMUNE}&yearFrom=2026&yearTo=2026`);
    await page.getByRole("heading", { level: 1, name: /ISAF dashboard: Boeng Bat Kandaol/ }).waitFor();
    await page
      .getByRole("table")
      .filter({ hasText: "Open an area" })
      .getByRole("link", { name: SCHOOL_EN, exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: new RegExp(SCHOOL_EN) }).waitFor();
    const figure = async (key: string) =>
      shownText(page.locator(`[data-figure="${key}"]`).locator("p").nth(1));
    // The card counts on the dashboard from the moment it was submitted; the action is done.
    expect(await figure("cycles")).toBe("1");
    expect(await figure("participants")).toBe("5");
    expect(await figure("scorecards")).toBe("1");
    expect(await figure("completionRate")).toMatch(/^100\s?%$/);
    await fits(page, "cycle-5-dashboard-facility-en-desktop");

    await page.locator('[data-figure="completionRate"]').click();
    await page.waitForURL((url) => url.pathname === "/jaap/actions");
    await page.getByRole("row").filter({ hasText: ACTION }).waitFor();
    await fits(page, "cycle-6-dashboard-records-en-desktop");
    await page.context().close();
  });
});
